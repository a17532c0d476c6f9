import type { CriteriaSetDefinition } from '../../../shared/schemas/criteria-sets';
import {
  adult,
  concurrentOralAntidepressant,
  majorDepressiveDisorder,
  prescribedByPsychiatrist,
} from './common-criteria';

/**
 * payer-criteria.md §2, UnitedHealthcare column. Only the 2020 Louisiana Community Plan text and a
 * clinic summary were read; the current commercial text was not (§5 item 1).
 */
export const unitedHealthcareSpravatoTrd: CriteriaSetDefinition = {
  name: 'UnitedHealthcare — Ketalar (ketamine) and Spravato (esketamine), TRD',
  payer: 'UnitedHealthcare',
  treatment: 'esketamine',
  policyNumber: 'CSLA2020D0069H',
  policyDate: null,
  versionNote:
    '2020 Louisiana Community Plan text ("effective date TBD"); the current commercial text was not re-read. A clinic summary names PA policy 2025 P 2168-10, effective May 1, 2025, with 12-month approvals.',
  position: 'criteria',
  positionNote: null,
  sources: [
    {
      url: 'https://docslib.org/doc/5769418/ketalar%C2%AE-ketamine-and-spravato-esketamine-policy-number-csla2020d0069h-effective-date-tbd',
      label: 'UHC Community Plan policy CSLA2020D0069H (copy on docslib.org)',
      kind: 'secondary',
      seenOn: null,
    },
    {
      url: 'https://coverage.pharmacistwrite.com/coverage/united-healthcare/spravato-esketamine/depressive-symptoms-in-adults-with-major-depressive-disorder',
      label: 'UnitedHealthcare Spravato criteria on pharmacistwrite.com',
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
  payerMatch: ['unitedhealthcare', 'united healthcare', 'uhc'],
  criteria: [
    adult('Adult with DSM-5 major depressive disorder'),
    majorDepressiveDisorder(
      'Treatment-resistant major depressive disorder per the current DSM, diagnosed by a mental-health professional',
    ),
    {
      id: 'failed-ads',
      text: 'At least 2 antidepressant treatments without clinically meaningful improvement',
      kind: 'failed_trials',
      minimumTrials: 2,
      minimumClasses: 1,
      minimumWeeks: null,
      partialResponseMinimumWeeks: null,
      doesIntoleranceCountWithoutDuration: false,
      currentEpisode: 'not_required',
      withinYears: null,
    },
    {
      id: 'baseline',
      text: 'Baseline score on HAM-D 17, QIDS-C16 or MADRS',
      kind: 'baseline_score',
      thresholds: [
        { instrument: 'HAM-D', minimumScore: null },
        { instrument: 'QIDS', minimumScore: null },
        { instrument: 'MADRS', minimumScore: null },
      ],
      withinDays: null,
    },
    prescribedByPsychiatrist('Prescribed by or in consultation with a psychiatrist'),
    concurrentOralAntidepressant('Used together with an oral antidepressant (2020 text)'),
  ],
  notes: 'Continuation criteria were not captured in our sources.',
};
