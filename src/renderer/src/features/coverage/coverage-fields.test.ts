import { describe, expect, it } from 'vitest';
import { coverageSchema } from '@shared/schemas/coverages';
import { planTypeLabels } from '@shared/domain/plan-types';
import { formatCents } from '../../lib/money';
import { formatCalendarDate } from '../../lib/format-date';
import { coverageFieldGroups, coverageFieldLabel, formatCoverageValue } from './coverage-fields';

describe('the coverage form', () => {
  it('asks only for fields the contract has, each once', () => {
    const keys = coverageFieldGroups.flatMap((group) => group.fields.map((field) => field.key));
    expect(new Set(keys).size).toBe(keys.length);
    for (const key of keys) expect(Object.keys(coverageSchema.shape)).toContain(key);
  });

  it('labels the change history with the form’s words, and an unknown field by its name', () => {
    expect(coverageFieldLabel('memberId')).toBe('Member ID');
    expect(coverageFieldLabel('planType')).toBe('Kind of plan');
    expect(coverageFieldLabel('somethingNew')).toBe('somethingNew');
  });
});

describe('a coverage value as a person reads it', () => {
  it('shows money in dollars, dates in the locale, percentages and plan types in words', () => {
    expect(formatCoverageValue('deductibleCents', 150_000)).toBe(formatCents(150_000));
    expect(formatCoverageValue('effectiveOn', '2026-01-01')).toBe(formatCalendarDate('2026-01-01'));
    expect(formatCoverageValue('coinsurancePercent', 20)).toBe('20%');
    expect(formatCoverageValue('planType', 'medicare-advantage')).toBe(planTypeLabels['medicare-advantage']);
    expect(formatCoverageValue('payer', 'Blue Harbor')).toBe('Blue Harbor');
  });

  it('shows a blank as a dash, and a value it has no words for as it is', () => {
    for (const blank of [null, undefined, '']) expect(formatCoverageValue('payer', blank)).toBe('—');
    expect(formatCoverageValue('planType', 'not-a-plan')).toBe('not-a-plan');
    expect(formatCoverageValue('exclusions', { note: 'x' })).toBe('{"note":"x"}');
  });
});
