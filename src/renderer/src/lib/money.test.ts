import { describe, expect, it } from 'vitest';
import { centsToDollarsInput, formatCents, parseDollarsToCents } from './money';

describe('money', () => {
  it.each([
    ['', null],
    ['0', 0],
    ['1250', 125_000],
    ['$1,250.50', 125_050],
    ['19.9', 1_990],
    ['-5', -500],
    ['12.345', undefined],
    ['ten', undefined],
  ])('reads %j as %j cents', (text, cents) => {
    expect(parseDollarsToCents(text)).toBe(cents);
  });

  it('formats cents as dollars and back', () => {
    expect(formatCents(125_050)).toBe('$1,250.50');
    expect(formatCents(null)).toBe('—');
    expect(centsToDollarsInput(125_050)).toBe('1250.50');
  });
});
