import type { CriteriaSetDefinition, Criterion, PolicySource } from '../../../shared/schemas/criteria-sets';
import { adult, concurrentOralAntidepressant, majorDepressiveDisorder } from './common-criteria';

const massachusettsSources: readonly PolicySource[] = [
  {
    url: 'https://docslib.org/doc/2139394/094-esketamine-nasal-spray',
    label: 'BCBS Massachusetts policy #087 (copy on docslib.org)',
    kind: 'secondary',
    seenOn: null,
  },
  {
    url: 'https://emergeketamine.com/bcbs-ketamine-therapy-coverage-massachusetts',
    label: 'Clinic summary (emergeketamine.com)',
    kind: 'secondary',
    seenOn: null,
  },
];

/** payer-criteria.md §2, BCBS Massachusetts #087 column; §3 says the same policy covers IV ketamine for TRD. */
const massachusettsCriteria: readonly Criterion[] = [
  adult(),
  majorDepressiveDisorder('DSM-5 major depressive episode'),
  {
    id: 'structured-interview',
    text: 'Major depressive episode confirmed by a structured interview',
    kind: 'manual',
    guidance:
      'Look for a structured diagnostic interview (for example a SCID) in the psychiatric evaluation.',
  },
  {
    id: 'severity',
    text: 'Severe episode: MADRS 28 or more, or HAM-D 17 or more',
    kind: 'baseline_score',
    thresholds: [
      { instrument: 'MADRS', minimumScore: 28 },
      { instrument: 'HAM-D', minimumScore: 17 },
    ],
    withinDays: null,
  },
  {
    id: 'failed-ads',
    text: '4 antidepressant agents from at least 2 classes, each at an adequate dose for at least 6 weeks (per a clinic summary)',
    kind: 'failed_trials',
    minimumTrials: 4,
    minimumClasses: 2,
    minimumWeeks: 6,
    partialResponseMinimumWeeks: null,
    doesIntoleranceCountWithoutDuration: false,
    currentEpisode: 'not_required',
    withinYears: null,
  },
  {
    id: 'augmentation',
    text: 'Augmentation trial (per the policy text)',
    kind: 'augmentation',
    minimumTrials: 1,
    minimumWeeks: null,
    doesPsychotherapyCount: false,
  },
  {
    id: 'registered-clinic',
    text: 'Treatment at a registered clinic',
    kind: 'manual',
    guidance: "Confirm the clinic's registration with the plan.",
  },
];

const massachusettsBase = {
  payer: 'BCBS Massachusetts',
  policyNumber: '087',
  policyDate: null,
  versionNote: null,
  position: 'criteria',
  positionNote: null,
  payerMatch: ['massachusetts', 'bcbsma', 'bcbs ma'],
  notes:
    'Members who do not meet the criteria may request a clinical exception with a letter of medical necessity.',
} as const;

export const bcbsMassachusettsSpravato: CriteriaSetDefinition = {
  ...massachusettsBase,
  payerMatch: [...massachusettsBase.payerMatch],
  name: 'BCBS Massachusetts #087 — Spravato for TRD',
  treatment: 'esketamine',
  sources: [...massachusettsSources],
  criteria: [
    ...massachusettsCriteria,
    concurrentOralAntidepressant('Used together with an oral antidepressant (per a clinic summary)'),
  ],
  notes: `Initial approval up to 28 days. ${massachusettsBase.notes}`,
};

export const bcbsMassachusettsIvKetamine: CriteriaSetDefinition = {
  ...massachusettsBase,
  payerMatch: [...massachusettsBase.payerMatch],
  name: 'BCBS Massachusetts #087 — IV ketamine for TRD',
  treatment: 'iv_ketamine',
  sources: [...massachusettsSources],
  criteria: [...massachusettsCriteria],
  versionNote:
    'Our sources give the detailed criteria for Spravato and say policy #087 covers IV ketamine for TRD under the same strict criteria (severe episode, multiple failed antidepressants, registered clinic); check the policy for IV-specific differences.',
};
