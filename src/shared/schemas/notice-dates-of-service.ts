import { z } from 'zod';
import { isRealCalendarDate } from './fields';

const isoDate = String.raw`\d{4}-\d{2}-\d{2}`;
/** "FIRST", "FIRST to LAST", or "to LAST" (the form's last-day control picked alone). */
const spanPattern = new RegExp(`^(${isoDate})?(?:(?:^| )to (${isoDate}))?$`);

/**
 * What is wrong with dates of service as written, and how to fix it, in the words of the form's
 * two date controls ("First day of service", "Last day of service"); null when they are right.
 */
function datesOfServiceProblem(text: string): string | null {
  const match = spanPattern.exec(text);
  if (!match || text === '')
    return 'Dates of service are one day written as YYYY-MM-DD, or a span written as "YYYY-MM-DD to YYYY-MM-DD".';
  const [, first, last] = match;
  if (first === undefined)
    return 'Pick the first day of service too, or clear the last day: a last day alone is not a span.';
  const notReal = (which: string) =>
    `The ${which} day of service is not a real date: pick it again, or write it as YYYY-MM-DD.`;
  if (!isRealCalendarDate(first)) return notReal('first');
  if (last !== undefined && !isRealCalendarDate(last)) return notReal('last');
  if (last !== undefined && last < first)
    return 'The last day of service is before the first. Check both dates.';
  return null;
}

/**
 * The dates of service a denial notice names, as the notice reader and the decision form write
 * them: one date (YYYY-MM-DD) or a span ("YYYY-MM-DD to YYYY-MM-DD"). Kept on the decision's
 * timeline entry.
 */
export const noticeDatesOfServiceField = z
  .string()
  .trim()
  .superRefine((text, context) => {
    const problem = datesOfServiceProblem(text);
    if (problem) context.addIssue({ code: 'custom', message: problem });
  })
  .nullish()
  .transform((value) => value ?? null);

/** The dates of a "YYYY-MM-DD to YYYY-MM-DD" span, or the one date. */
export function datesOfServiceSpan(text: string): { from: string; to: string | null } {
  const [from = text, to = null] = text.split(' to ');
  return { from, to };
}
