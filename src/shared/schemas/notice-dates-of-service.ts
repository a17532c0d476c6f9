import { z } from 'zod';
import { isRealCalendarDate } from './fields';

/**
 * The dates of service a denial notice names, as the notice reader writes them: one date
 * (YYYY-MM-DD) or a span ("YYYY-MM-DD to YYYY-MM-DD"). Kept on the decision's timeline entry.
 */
export const noticeDatesOfServiceField = z
  .string()
  .trim()
  .refine((text) => {
    const [from, to, ...rest] = text.split(' to ');
    return (
      rest.length === 0 &&
      from !== undefined &&
      isRealCalendarDate(from) &&
      (to === undefined || (isRealCalendarDate(to) && to >= from))
    );
  }, 'Dates of service must be a date written as YYYY-MM-DD, or two such dates joined by " to " (the first not after the second).')
  .nullish()
  .transform((value) => value ?? null);

/** The dates of a "YYYY-MM-DD to YYYY-MM-DD" span, or the one date. */
export function datesOfServiceSpan(text: string): { from: string; to: string | null } {
  const [from = text, to = null] = text.split(' to ');
  return { from, to };
}
