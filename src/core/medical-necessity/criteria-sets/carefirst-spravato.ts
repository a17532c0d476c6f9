import type { CriteriaSetDefinition } from '../../../shared/schemas/criteria-sets';
import { adult, prescribedByPsychiatrist, twoHourMonitoring } from './common-criteria';

/** payer-criteria.md §2, CareFirst (Caremark) column (aggregator). */
export const careFirstSpravatoTrd: CriteriaSetDefinition = {
  name: 'CareFirst (Caremark) — Spravato for TRD in adults',
  payer: 'CareFirst',
  treatment: 'esketamine',
  policyNumber: null,
  policyDate: null,
  versionNote: null,
  position: 'criteria',
  positionNote: null,
  sources: [
    {
      url: 'https://coverage.pharmacistwrite.com/coverage/carefirst-caremark/spravato-esketamine/treatment-resistant-depression-trd-in-adults',
      label: 'CareFirst (Caremark) Spravato criteria on pharmacistwrite.com',
      kind: 'aggregator',
      seenOn: null,
    },
    {
      url: 'https://www.lumin.health/spravato-coverage/united-healthcare-maryland',
      label: 'Clinic summary (lumin.health)',
      kind: 'secondary',
      seenOn: null,
    },
  ],
  payerMatch: ['carefirst'],
  criteria: [
    adult(),
    {
      id: 'diagnosis',
      text: 'Severe major depressive disorder, single or recurrent episode',
      kind: 'diagnosis',
      // Severe MDD codes, codes.md §5.1–5.2: F32.2/F32.3 single episode, F33.2/F33.3 recurrent.
      codePrefixes: ['F32.2', 'F32.3', 'F33.2', 'F33.3'],
    },
    {
      id: 'severity-scale',
      text: 'Severity documented on a standardized scale (BDI, HDRS or MADRS)',
      kind: 'baseline_score',
      thresholds: [
        { instrument: 'BDI-II', minimumScore: null },
        { instrument: 'HAM-D', minimumScore: null },
        { instrument: 'MADRS', minimumScore: null },
      ],
      withinDays: null,
    },
    {
      id: 'failed-ads',
      text: '2 antidepressants from 2 classes with different mechanisms, each at the maximally tolerated labelled dose for at least 8 weeks, within the past 5 years, in the current episode',
      kind: 'failed_trials',
      minimumTrials: 2,
      minimumClasses: 2,
      minimumWeeks: 8,
      partialResponseMinimumWeeks: null,
      doesIntoleranceCountWithoutDuration: false,
      currentEpisode: 'each',
      withinYears: 5,
    },
    {
      id: 'augmentation',
      text: 'Augmentation for at least 8 weeks, or evidence-based psychotherapy',
      kind: 'augmentation',
      minimumTrials: 1,
      minimumWeeks: 8,
      doesPsychotherapyCount: true,
    },
    prescribedByPsychiatrist('Prescribed by or in consultation with a psychiatrist'),
    twoHourMonitoring('Administered under direct supervision with at least 2 hours of monitoring'),
    {
      id: 'substance-use',
      text: 'No untreated moderate or severe substance or alcohol use disorder',
      kind: 'clinical_fact',
      factKey: 'untreated_substance_use_disorder',
      requiredAnswer: 'no',
    },
  ],
  notes:
    '1-month initial and 3-month continuation approvals (per a clinic summary). Continuation criteria were not captured in our sources.',
};
