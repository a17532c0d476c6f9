import { describe, expect, it } from 'vitest';
import { withDatesFormatted } from './dates-in-text';

const bracketed = (isoDate: string) => `<${isoDate}>`;

describe('withDatesFormatted', () => {
  it.each([
    [
      'Outer limit: 2027-02-07 (60 days after presumed receipt).',
      'Outer limit: <2027-02-07> (60 days after presumed receipt).',
    ],
    [
      'Counted from the day the notice arrived (2026-03-02), earlier than the presumed receipt (2026-03-05).',
      'Counted from the day the notice arrived (<2026-03-02>), earlier than the presumed receipt (<2026-03-05>).',
    ],
    ['2026-04-18 14:00', '<2026-04-18> 14:00'],
    // The example of what to type stays an ISO date-time.
    [
      'the time of receipt with its UTC offset (for example 2026-03-02T09:30:00-05:00)',
      'the time of receipt with its UTC offset (for example 2026-03-02T09:30:00-05:00)',
    ],
    ['No date here; case C-000012.', 'No date here; case C-000012.'],
  ])('%s', (text, expected) => {
    expect(withDatesFormatted(text, bracketed)).toBe(expected);
  });
});
