import { describe, expect, it } from 'vitest';
import { noticeDatesOfServiceField } from './notice-dates-of-service';

/**
 * The dates of service a decision names: one day, or a span from the first day to the last. Each
 * refusal says what is wrong and how to fix it, in the words of the form's two date controls
 * ("First day of service", "Last day of service"), which send "FIRST to LAST" (or "to LAST" when
 * only the last was picked).
 */
const refusal = (text: string) => noticeDatesOfServiceField.safeParse(text).error?.issues[0]?.message;

describe('dates of service', () => {
  it.each([
    ['2026-03-01', '2026-03-01'],
    ['2026-03-01 to 2026-05-31', '2026-03-01 to 2026-05-31'],
    [' 2026-03-01 to 2026-03-01 ', '2026-03-01 to 2026-03-01'],
  ])('keeps %j as %j', (given, kept) => {
    expect(noticeDatesOfServiceField.parse(given)).toBe(kept);
  });

  it.each([
    [
      'to 2026-05-31',
      'Pick the first day of service too, or clear the last day: a last day alone is not a span.',
    ],
    ['2026-05-31 to 2026-03-01', 'The last day of service is before the first. Check both dates.'],
    ['2026-02-30', 'The first day of service is not a real date: pick it again, or write it as YYYY-MM-DD.'],
    [
      '2026-03-01 to 2026-02-30',
      'The last day of service is not a real date: pick it again, or write it as YYYY-MM-DD.',
    ],
    [
      'March 1',
      'Dates of service are one day written as YYYY-MM-DD, or a span written as "YYYY-MM-DD to YYYY-MM-DD".',
    ],
  ])('refuses %j, saying %j', (given, message) => {
    expect(refusal(given)).toBe(message);
  });
});
