import { describe, expect, it } from 'vitest';
import { lookUpMedication } from './common-medications';
import { describeAdequacy, weeksBetween } from './trial-adequacy';

describe('describeAdequacy', () => {
  it.each([
    [
      { kind: 'medication', weeksAtTherapeuticDose: 8, isDoseAdequate: true },
      '8 wk at therapeutic dose',
      null,
    ],
    [
      { kind: 'medication', weeksAtTherapeuticDose: 4, isDoseAdequate: true },
      '4 wk at therapeutic dose',
      'shorter than the 6 weeks most payers ask for',
    ],
    [
      { kind: 'medication', weeksAtTherapeuticDose: null, isDoseAdequate: null },
      'duration not documented',
      'weeks at a therapeutic dose not documented; dose adequacy not documented',
    ],
    [
      { kind: 'augmentation', weeksAtTherapeuticDose: 6.5, isDoseAdequate: false },
      '6.5 wk at therapeutic dose',
      'dose judged not adequate',
    ],
    [{ kind: 'psychotherapy', weeksAtTherapeuticDose: 12, isDoseAdequate: null }, '12 wk', null],
    [{ kind: 'tms', weeksAtTherapeuticDose: null, isDoseAdequate: null }, 'duration not recorded', null],
  ] as const)('%o reads “%s”', (trial, text, concern) => {
    expect(describeAdequacy(trial)).toEqual({ text, concern });
  });
});

describe('weeksBetween', () => {
  it('counts whole weeks between the dates (a hint only)', () => {
    // Jan 6 to Apr 7, 2025: 25 + 28 + 31 + 7 = 91 days = 13 weeks.
    expect(weeksBetween('2025-01-06', '2025-04-07')).toBe(13);
    expect(weeksBetween('2025-04-07', '2025-01-06')).toBeNull();
  });
});

describe('lookUpMedication', () => {
  it.each([
    ['Sertraline', { drugClass: 'ssri', kind: 'medication' }],
    ['sertraline (Zoloft)', { drugClass: 'ssri', kind: 'medication' }],
    ['WELLBUTRIN', { drugClass: 'atypical', kind: 'medication' }],
    ['Abilify', { drugClass: 'antipsychotic', kind: 'augmentation' }],
    ['CBT', null],
  ] as const)('%s → %o', (typed, expected) => {
    expect(lookUpMedication(typed)).toEqual(expected);
  });
});
