import type { CriteriaSetDefinition } from '../../../shared/schemas/criteria-sets';
import { majorDepressiveDisorder } from './common-criteria';

/** payer-criteria.md §2, "Other published variants": QualChoice (Arkansas). */
export const qualChoiceSpravatoTrd: CriteriaSetDefinition = {
  name: 'QualChoice (Arkansas) — Spravato for TRD',
  payer: 'QualChoice',
  treatment: 'esketamine',
  policyNumber: 'BI734:00',
  policyDate: null,
  versionNote: null,
  position: 'criteria',
  positionNote: null,
  sources: [
    {
      url: 'https://documents.qualchoice.com/area/shared/medicalpolicies.aspx?alpha=S&sop=BI734%3A00',
      label: 'QualChoice medical policy BI734:00',
      kind: 'payer',
      seenOn: null,
    },
  ],
  payerMatch: ['qualchoice'],
  criteria: [
    { id: 'age', text: 'Age 18 to 64', kind: 'age', minimumAge: 18, maximumAge: 64 },
    majorDepressiveDisorder('Treatment-resistant depression'),
    {
      id: 'phq9',
      // PHQ-9 scores are whole numbers, so "more than 15" is 16 or more.
      text: 'PHQ-9 more than 15 within the past 4 weeks',
      kind: 'baseline_score',
      thresholds: [{ instrument: 'PHQ-9', minimumScore: 16 }],
      withinDays: 28,
    },
    {
      id: 'failed-ads',
      text: 'Failure of 2 antidepressants, at least 4 weeks each',
      kind: 'failed_trials',
      minimumTrials: 2,
      minimumClasses: 1,
      minimumWeeks: 4,
      partialResponseMinimumWeeks: null,
      doesIntoleranceCountWithoutDuration: false,
      currentEpisode: 'not_required',
      withinYears: null,
    },
    {
      id: 'augmentation',
      text: 'Failure of 2 augmentation therapies',
      kind: 'augmentation',
      minimumTrials: 2,
      minimumWeeks: null,
      doesPsychotherapyCount: false,
    },
    {
      id: 'stable-on-ad',
      text: 'Stable on an oral antidepressant for at least 2 weeks',
      kind: 'manual',
      guidance: 'Check the current medication list and the date the current antidepressant dose was reached.',
    },
  ],
  notes: 'Induction at most 168 mg a week; 3-month approval (at most 23 devices).',
};
