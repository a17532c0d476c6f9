/**
 * Phone and fax numbers as people and other systems write them, turned into what Advocase stores:
 * (555) 123-4567 for US numbers, +<digits> for others. Shared by the CSV import (core) and the
 * forms that validate a number before it is saved (the advocate's profile).
 */

/** The value, or a sentence saying what is wrong and how to write it. */
export type Normalized = { readonly value: string } | { readonly problem: string };

/** US numbers (10 digits, or 11 starting with 1) as (555) 123-4567; numbers written with + and a country code as +<digits>. */
export function normalizePhone(text: string): Normalized {
  const trimmed = text.trim();
  const withoutExtension = trimmed.replace(/\s*(?:x|ext\.?|extension)\s*\d+$/i, '');
  const extension = trimmed.slice(withoutExtension.length).replace(/\D/g, '');
  const digits = withoutExtension.replace(/\D/g, '');
  const suffix = extension ? ` ext. ${extension}` : '';
  if (withoutExtension.startsWith('+') && !withoutExtension.startsWith('+1')) {
    if (digits.length >= 8 && digits.length <= 15) return { value: `+${digits}${suffix}` };
  } else {
    const national = digits.length === 11 && digits.startsWith('1') ? digits.slice(1) : digits;
    if (national.length === 10) {
      return { value: `(${national.slice(0, 3)}) ${national.slice(3, 6)}-${national.slice(6)}${suffix}` };
    }
  }
  return {
    problem: `"${trimmed}" is not a phone number Advocase can read: a US number has 10 digits, for example (555) 123-4567; another country's starts with + and its code.`,
  };
}

/**
 * A stored phone or fax number as every screen, letter and PDF prints it: (555) 123-4567, or
 * +<digits> abroad. A number that cannot be read (a 7-digit local number kept with a warning at
 * import) prints as it was typed rather than disappearing. The one formatter for display,
 * so "8605550142" never reaches a page.
 */
export function formatPhoneNumber(stored: string): string;
export function formatPhoneNumber(stored: string | null): string | null;
export function formatPhoneNumber(stored: string | null): string | null {
  if (stored === null) return null;
  const normalized = normalizePhone(stored);
  return 'value' in normalized ? normalized.value : stored.trim();
}
