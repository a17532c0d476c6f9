import { z } from 'zod';

/**
 * Field builders that give every validation failure a sentence a person can act on.
 * The label is the field's name as the user sees it on screen.
 */
function textOf(label: string) {
  return z.string({
    error: (issue) => (issue.input === undefined ? `${label} is required.` : `${label} must be text.`),
  });
}

export function requiredText(label: string, maxLength: number) {
  return textOf(label)
    .trim()
    .min(1, `${label} is required.`)
    .max(maxLength, `${label} must be at most ${maxLength} characters (shorten it and try again).`);
}

/** Optional free text: missing, null and blank all mean "not given" and are stored as null. */
export function optionalText(label: string, maxLength: number) {
  return textOf(label)
    .trim()
    .max(maxLength, `${label} must be at most ${maxLength} characters (shorten it and try again).`)
    .nullish()
    .transform((value) => (value ? value : null));
}

const isoDatePattern = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isRealCalendarDate(text: string): boolean {
  const match = isoDatePattern.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** Today's date where the user is, as YYYY-MM-DD. */
export function localToday(now: Date = new Date()): string {
  const year = now.getFullYear();
  const month = String(now.getMonth() + 1).padStart(2, '0');
  const day = String(now.getDate()).padStart(2, '0');
  return `${year}-${month}-${day}`;
}

type DateRules = { readonly notInFuture?: boolean };

export function calendarDate(label: string, rules: DateRules = {}) {
  return (
    textOf(label)
      .trim()
      // An empty date field (a date picker left blank) is missing, not badly written: say which.
      .refine((text) => text !== '', { message: `${label} is required.`, abort: true })
      .refine(
        isRealCalendarDate,
        `${label} must be a real date written as YYYY-MM-DD, for example 1984-02-29.`,
      )
      .refine((text) => text >= '1900-01-01', `${label} must be after 1900.`)
      .refine(
        (text) => !rules.notInFuture || text <= localToday(),
        `${label} cannot be in the future. Check the year.`,
      )
  );
}

export function optionalCalendarDate(label: string, rules: DateRules = {}) {
  return z
    .union([z.literal('').transform(() => null), calendarDate(label, rules)])
    .nullish()
    .transform((value) => value ?? null);
}

export const recordId = (label: string) =>
  z
    .number({
      error: (issue) => (issue.input === undefined ? `${label} is required.` : `${label} must be a number.`),
    })
    .int(`${label} must be a whole number.`)
    .positive(`${label} must be a positive number.`);

/** Money in whole cents: integers, so sums never drift. */
export const optionalCents = (label: string) =>
  z
    .number({ error: `${label} must be an amount.` })
    .int(`${label} must be whole cents.`)
    .min(0, `${label} cannot be negative.`)
    .max(100_000_000_00, `${label} is too large.`)
    .nullish()
    .transform((value) => value ?? null);

/** CPT/HCPCS or ICD-10-CM codes, upper-cased; free entry allowed beyond the pick lists. */
export const codeList = (label: string) =>
  z
    .array(
      z
        .string()
        .trim()
        .toUpperCase()
        .regex(/^[A-Z0-9.]{3,8}$/, `${label}: each code is 3 to 8 letters and digits.`),
      {
        error: `${label} must be a list of codes.`,
      },
    )
    .max(50, `${label}: at most 50 codes.`)
    .default([]);

/**
 * The version of a record a form was filled from (its read's `version`), sent back with the save
 * so a save over someone else's newer change is refused instead of overwriting it
 * (docs/team-mode.md, "Two people editing at once"). The app's forms always send it.
 */
export const editedFromVersion = z
  .number({ error: 'The version edited from must be a number.' })
  .int()
  .nonnegative()
  .optional();
