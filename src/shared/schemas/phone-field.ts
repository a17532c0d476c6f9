import { z } from 'zod';
import { formatPhoneNumber, normalizePhone } from '../domain/phone-number';
import { optionalText } from './fields';

/**
 * A phone or fax number of a client, plan, provider or resource: stored as (555) 123-4567 when it
 * can be read, so it prints one way everywhere; kept as typed when it cannot
 * ("555-0142", "1-800-555-0199, then 3"), since a number with a quirk is better than none.
 */
export function phoneNumberField(label: string) {
  return optionalText(label, 40).transform((text) => formatPhoneNumber(text));
}

/**
 * A number Advocase itself prints on a letterhead or dials as a fax: it must be readable, or the
 * field says what is wrong and how to write it.
 */
export function checkedPhoneNumberField(label: string) {
  return optionalText(label, 40).transform((text, context) => {
    if (text === null) return null;
    const normalized = normalizePhone(text);
    if ('value' in normalized) return normalized.value;
    context.addIssue({ code: 'custom', message: `${label}: ${normalized.problem}` });
    return z.NEVER;
  });
}
