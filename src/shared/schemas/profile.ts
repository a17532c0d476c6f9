import { z } from 'zod';
import { optionalText, requiredText } from './fields';
import { checkedPhoneNumberField } from './phone-field';

/**
 * The advocate's profile as typed in Settings → Profile: the letterhead on every letter and the
 * signature under it. Phone and fax numbers are stored as (555) 123-4567.
 */
export const advocateProfileInputSchema = z.strictObject({
  name: requiredText('Your name', 200),
  organization: optionalText('Organization', 200),
  address: optionalText('Address', 500),
  phone: checkedPhoneNumberField('Phone'),
  fax: checkedPhoneNumberField('Fax'),
  email: optionalText('Email', 254).refine(
    (email) => email === null || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email),
    'Email must look like name@example.org.',
  ),
  signatureName: optionalText('Name under the signature', 200),
  signatureTitle: optionalText('Title under the signature', 200),
});
export type AdvocateProfileInput = z.input<typeof advocateProfileInputSchema>;

export const advocateProfileSchema = z.object({
  name: z.string(),
  organization: z.string().nullable(),
  address: z.string().nullable(),
  phone: z.string().nullable(),
  fax: z.string().nullable(),
  email: z.string().nullable(),
  signatureName: z.string().nullable(),
  signatureTitle: z.string().nullable(),
});
export type AdvocateProfile = z.infer<typeof advocateProfileSchema>;

/** Null until the advocate has filled in Settings → Profile. */
export const storedProfileSchema = z.object({ profile: advocateProfileSchema.nullable() });
