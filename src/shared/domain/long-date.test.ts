import { describe, expect, it } from 'vitest';
import { formatLongDate } from './long-date';

describe('formatLongDate', () => {
  it.each([
    ['2026-03-30', 'March 30, 2026'],
    ['2026-12-01', 'December 1, 2026'],
    // The date part of a moment is the date written, whatever the machine's own zone.
    ['2026-01-01T23:30:00-05:00', 'January 1, 2026'],
    ['2028-02-29', 'February 29, 2028'],
    // Not dates: shown as given, never as some other day.
    ['2026-02-30', '2026-02-30'],
    ['not recorded', 'not recorded'],
    ['', ''],
  ])('%s → %s', (isoDate, expected) => {
    expect(formatLongDate(isoDate)).toBe(expected);
  });
});
