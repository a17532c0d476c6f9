import type { CriteriaSetDefinition } from '../../../shared/schemas/criteria-sets';
import {
  adult,
  majorDepressiveDisorder,
  noPsychosisHistory,
  pdmpChecked,
  prescribedByPsychiatrist,
  remsCertifiedSite,
  twoHourMonitoring,
} from './common-criteria';

/**
 * payer-criteria.md §2.1: the common denominator of the published policies, used as the default
 * checklist when the case's payer has no set of its own.
 */
export const commonPatternSpravato: CriteriaSetDefinition = {
  name: 'Common pattern across payers — Spravato (default checklist)',
  payer: 'Any payer (no payer-specific set)',
  treatment: 'esketamine',
  policyNumber: null,
  policyDate: null,
  versionNote: "Not one payer's policy: what most of the published policies in our sources ask for.",
  position: 'criteria',
  positionNote: null,
  sources: [
    {
      url: 'https://coverage.pharmacistwrite.com/coverage/cigna/spravato-esketamine-nasal-spray-janssen/treatment-resistant-depression',
      label: 'Cigna (aggregator)',
      kind: 'aggregator',
      seenOn: null,
    },
    {
      url: 'https://verity.backworkai.com/policy/EVICORE-MEDICAL_DRUG-CA8E737B',
      label: 'Evicore (aggregator)',
      kind: 'aggregator',
      seenOn: null,
    },
    {
      url: 'https://www.bcbsnd.com/providers/policies-precertification/medical-policy/e/esketamine-spravato',
      label: 'BCBS North Dakota',
      kind: 'payer',
      seenOn: null,
    },
    {
      url: 'https://coverage.pharmacistwrite.com/coverage/carefirst-caremark/spravato-esketamine/treatment-resistant-depression-trd-in-adults',
      label: 'CareFirst (aggregator)',
      kind: 'aggregator',
      seenOn: null,
    },
  ],
  payerMatch: [],
  criteria: [
    adult('Adult (18 or older) with DSM-5 major depressive disorder'),
    majorDepressiveDisorder('Major depressive disorder'),
    {
      id: 'current-episode',
      text: 'Current major depressive episode documented',
      kind: 'clinical_fact',
      factKey: 'current_episode_documented',
      requiredAnswer: 'yes',
    },
    {
      id: 'baseline',
      text: 'Baseline rating-scale score (PHQ-9, MADRS, HAM-D or QIDS)',
      kind: 'baseline_score',
      thresholds: [
        { instrument: 'PHQ-9', minimumScore: null },
        { instrument: 'MADRS', minimumScore: null },
        { instrument: 'HAM-D', minimumScore: null },
        { instrument: 'QIDS', minimumScore: null },
      ],
      withinDays: null,
    },
    {
      id: 'failed-ads',
      text: 'At least 2 adequate antidepressant trials from different classes failed in the current episode (6 weeks typical)',
      kind: 'failed_trials',
      minimumTrials: 2,
      minimumClasses: 2,
      minimumWeeks: 6,
      partialResponseMinimumWeeks: null,
      doesIntoleranceCountWithoutDuration: true,
      currentEpisode: 'each',
      withinYears: null,
    },
    prescribedByPsychiatrist('Prescriber is, or consults, a psychiatrist'),
    remsCertifiedSite(),
    twoHourMonitoring('Plan for at least 2 hours of monitoring after each dose'),
    pdmpChecked(),
    noPsychosisHistory(),
    {
      id: 'substance-use',
      text: 'Substance-use status stated (no untreated moderate or severe use disorder)',
      kind: 'clinical_fact',
      factKey: 'untreated_substance_use_disorder',
      requiredAnswer: 'no',
    },
  ],
  notes:
    'Some payers ask for 3–4 trials, an augmentation trial or psychotherapy. Continuation: repeat the same rating scale at the end of induction and at each reauthorization.',
};
