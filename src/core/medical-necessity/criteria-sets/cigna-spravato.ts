import type { CriteriaSetDefinition, PolicySource } from '../../../shared/schemas/criteria-sets';
import {
  adult,
  majorDepressiveDisorder,
  noPsychosisHistory,
  nonResponseDefinition,
  pdmpChecked,
  prescribedByPsychiatrist,
} from './common-criteria';

const cignaSources: readonly PolicySource[] = [
  {
    url: 'https://coverage.pharmacistwrite.com/coverage/cigna/spravato-esketamine-nasal-spray-janssen/treatment-resistant-depression',
    label: 'Cigna "Psychiatry – Spravato" as transcribed by pharmacistwrite.com',
    kind: 'aggregator',
    seenOn: null,
  },
  {
    url: 'https://www.openpayer.com/policy-updates/cigna/clinical-medical/psychiatry-behavioral-health/cigna-5227beb1-890',
    label: 'Revision notes on openpayer.com',
    kind: 'aggregator',
    seenOn: null,
  },
];

/** payer-criteria.md §2, Cigna column (aggregator). */
export const cignaSpravatoTrd: CriteriaSetDefinition = {
  name: 'Cigna — Spravato for treatment-resistant depression',
  payer: 'Cigna',
  treatment: 'esketamine',
  policyNumber: null,
  policyDate: null,
  versionNote: 'The 2025/2026 revision (concurrent oral antidepressant removed for TRD).',
  position: 'criteria',
  positionNote: null,
  sources: [...cignaSources],
  payerMatch: ['cigna'],
  criteria: [
    adult(),
    majorDepressiveDisorder('Treatment-resistant major depressive disorder'),
    {
      id: 'failed-ads',
      text: 'At least 2 antidepressants, each from a different pharmacologic class, each at a therapeutic dose for at least 6 weeks in the current episode',
      kind: 'failed_trials',
      minimumTrials: 2,
      minimumClasses: 2,
      minimumWeeks: 6,
      partialResponseMinimumWeeks: null,
      doesIntoleranceCountWithoutDuration: false,
      currentEpisode: 'each',
      withinYears: null,
    },
    nonResponseDefinition(),
    prescribedByPsychiatrist(),
    pdmpChecked(),
    noPsychosisHistory(),
  ],
  notes: 'Initial approval 6 months. Continuation criteria were not captured in our sources.',
};

/** payer-criteria.md §2, Cigna column, MDD with acute suicidal ideation or behavior. */
export const cignaSpravatoSuicidalIdeation: CriteriaSetDefinition = {
  name: 'Cigna — Spravato for MDD with acute suicidal ideation or behavior',
  payer: 'Cigna',
  treatment: 'esketamine',
  policyNumber: null,
  policyDate: null,
  versionNote: 'The 2025/2026 revision.',
  position: 'criteria',
  positionNote: null,
  sources: [...cignaSources],
  payerMatch: [],
  criteria: [
    adult(),
    majorDepressiveDisorder('Major depressive disorder'),
    {
      id: 'suicidal-ideation',
      text: 'Acute suicidal ideation or behavior',
      kind: 'clinical_fact',
      factKey: 'acute_suicidal_ideation',
      requiredAnswer: 'yes',
    },
    prescribedByPsychiatrist(),
    pdmpChecked(),
    noPsychosisHistory(),
  ],
  notes: 'Initial approval 2 months. Continuation criteria were not captured in our sources.',
};
