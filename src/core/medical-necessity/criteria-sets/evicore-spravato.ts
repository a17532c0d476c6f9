import type { CriteriaSetDefinition } from '../../../shared/schemas/criteria-sets';
import {
  adult,
  concurrentOralAntidepressant,
  majorDepressiveDisorder,
  noPsychosisHistory,
  nonResponseDefinition,
  pdmpChecked,
  prescribedByPsychiatrist,
  remsCertifiedSite,
} from './common-criteria';

/** payer-criteria.md §2, Evicore medical-drug policy column (used by several plans; aggregator). */
export const evicoreSpravatoTrd: CriteriaSetDefinition = {
  name: 'Evicore medical-drug policy — Spravato for TRD',
  payer: 'Evicore (used by several plans)',
  treatment: 'esketamine',
  policyNumber: null,
  policyDate: null,
  versionNote: null,
  position: 'criteria',
  positionNote: null,
  sources: [
    {
      url: 'https://verity.backworkai.com/policy/EVICORE-MEDICAL_DRUG-CA8E737B',
      label: 'Evicore medical-drug policy on verity.backworkai.com',
      kind: 'aggregator',
      seenOn: null,
    },
    {
      url: 'https://verity.backworkai.com/policy/EVICORE-MEDICAL_DRUG-FA01AB2D',
      label: 'Evicore medical-drug policy (second entry) on verity.backworkai.com',
      kind: 'aggregator',
      seenOn: null,
    },
  ],
  payerMatch: ['evicore'],
  criteria: [
    adult(),
    majorDepressiveDisorder('Treatment-resistant depression (FDA indications only)'),
    {
      id: 'failed-ads',
      text: 'At least 2 antidepressants from different classes, each at a therapeutic dose for at least 6 weeks in the current episode',
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
    concurrentOralAntidepressant(),
    prescribedByPsychiatrist(),
    remsCertifiedSite('Supervised administration per the SPRAVATO REMS'),
    pdmpChecked(),
    noPsychosisHistory(),
  ],
  notes:
    'Initial approval 6 months (TRD); up to 84 mg twice weekly during induction. Continuation: documented benefit at the end of induction.',
};
