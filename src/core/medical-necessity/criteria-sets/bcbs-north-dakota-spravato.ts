import type { CriteriaSetDefinition, Criterion } from '../../../shared/schemas/criteria-sets';
import {
  adult,
  concurrentOralAntidepressant,
  majorDepressiveDisorder,
  remsCertifiedSite,
  twoHourMonitoring,
} from './common-criteria';

/**
 * payer-criteria.md §2, BCBS North Dakota column. The same page showed two different criteria
 * sets (§5 item 3), dates unknown; both ship, marked A and B, and the user picks.
 */
const northDakotaBase = {
  payer: 'BCBS North Dakota',
  treatment: 'esketamine',
  policyNumber: null,
  policyDate: null,
  position: 'criteria',
  positionNote: null,
  sources: [
    {
      url: 'https://www.bcbsnd.com/providers/policies-precertification/medical-policy/e/esketamine-spravato',
      label: 'BCBS North Dakota medical policy "Esketamine (Spravato)"',
      kind: 'payer',
      seenOn: null,
    },
  ],
  notes:
    'Prescriber: a licensed mental-health professional with prescriptive authority, or with specialist consultation. Continuation: documented stability or benefit, with specialist involvement.',
} as const;

/** "No response at minimum therapeutic dose for 4 weeks; or dose-limiting side effects; or partial response at/above max dose ≥ 8 weeks; ≥ 1 trial in current episode." */
function northDakotaTrials(minimumTrials: number, text: string): Criterion {
  return {
    id: 'failed-ads',
    text,
    kind: 'failed_trials',
    minimumTrials,
    minimumClasses: 1,
    minimumWeeks: 4,
    partialResponseMinimumWeeks: 8,
    doesIntoleranceCountWithoutDuration: true,
    currentEpisode: 'at_least_one',
    withinYears: null,
  };
}

const northDakotaShared: readonly Criterion[] = [
  adult('Age 18 or older (within FDA labeling)'),
  majorDepressiveDisorder('Treatment-resistant major depressive disorder per the current DSM'),
];

const northDakotaSetting: readonly Criterion[] = [
  concurrentOralAntidepressant(),
  remsCertifiedSite('Treatment setting and pharmacy certified in the SPRAVATO REMS'),
  twoHourMonitoring(),
];

export const bcbsNorthDakotaSpravatoVersionA: CriteriaSetDefinition = {
  ...northDakotaBase,
  sources: [...northDakotaBase.sources],
  name: 'BCBS North Dakota — Spravato (version A: 3 antidepressants + augmentation)',
  versionNote: 'Version A of two seen on the same page; date unknown.',
  payerMatch: ['north dakota', 'bcbsnd', 'bcbs nd'],
  criteria: [
    ...northDakotaShared,
    northDakotaTrials(
      3,
      'At least 3 different antidepressants: no response at the minimum therapeutic dose for 4 weeks, dose-limiting side effects, or partial response at or above the maximum dose for 8 weeks; at least 1 in the current episode',
    ),
    {
      id: 'augmentation',
      text: 'At least 1 augmentation trial',
      kind: 'augmentation',
      minimumTrials: 1,
      minimumWeeks: null,
      doesPsychotherapyCount: false,
    },
    ...northDakotaSetting,
  ],
};

export const bcbsNorthDakotaSpravatoVersionB: CriteriaSetDefinition = {
  ...northDakotaBase,
  sources: [...northDakotaBase.sources],
  name: 'BCBS North Dakota — Spravato (version B: 2 oral antidepressants)',
  versionNote: 'Version B of two seen on the same page; date unknown.',
  payerMatch: [],
  criteria: [
    ...northDakotaShared,
    northDakotaTrials(
      2,
      'At least 2 oral antidepressants (e.g., TCA, SSRI, SNRI): no response at the minimum therapeutic dose for 4 weeks, dose-limiting side effects, or partial response at or above the maximum dose for 8 weeks; at least 1 in the current episode',
    ),
    ...northDakotaSetting,
  ],
};
