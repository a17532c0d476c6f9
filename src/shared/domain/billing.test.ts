import { describe, expect, it } from 'vitest';
import { amountForMinutes, formatDuration, formatHours, roundUpToIncrement } from './billing';

describe('billing arithmetic', () => {
  it.each([
    // [worked, increment, billed]: a started increment counts whole.
    [0, 6, 0],
    [1, 6, 6],
    [6, 6, 6],
    [7, 6, 12],
    [50, 6, 54],
    [61, 15, 75],
    [61, 1, 61],
  ])('%i minutes at a %i-minute increment bill as %i', (worked, increment, billed) => {
    expect(roundUpToIncrement(worked, increment)).toBe(billed);
  });

  it.each([
    // 54 min at $150.00/h = 0.9 h × 15000 = 13500 cents.
    [54, 150_00, 135_00],
    // 12 min at $95.00/h = 0.2 h × 9500 = 1900 cents.
    [12, 95_00, 19_00],
    // 7 min at $100.00/h = 7 × 10000 / 60 = 1166.67 cents, to the nearest cent 1167.
    [7, 100_00, 11_67],
  ])('%i minutes at %i cents an hour is %i cents', (minutes, rate, amount) => {
    expect(amountForMinutes(minutes, rate)).toBe(amount);
  });

  it('writes hours and durations for people', () => {
    expect(formatHours(54)).toBe('0.90');
    expect(formatHours(90)).toBe('1.50');
    expect(formatDuration(95)).toBe('1 h 35 min');
    expect(formatDuration(120)).toBe('2 h');
    expect(formatDuration(12)).toBe('12 min');
  });
});
