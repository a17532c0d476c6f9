import type { Criterion, CriterionKind } from '@shared/schemas/criteria-sets';

/** A fresh criterion of each kind, for "Add criterion": the user fills in the policy's wording and numbers. */
export function newCriterion(kind: CriterionKind, existing: readonly Criterion[]): Criterion {
  let number = existing.length + 1;
  while (existing.some((criterion) => criterion.id === `criterion-${number}`)) number += 1;
  const base = { id: `criterion-${number}`, text: '' };
  switch (kind) {
    case 'age':
      return { ...base, kind, minimumAge: 18, maximumAge: null };
    case 'diagnosis':
      return { ...base, kind, codePrefixes: ['F32', 'F33'] };
    case 'failed_trials':
      return {
        ...base,
        kind,
        minimumTrials: 2,
        minimumClasses: 1,
        minimumWeeks: 6,
        partialResponseMinimumWeeks: null,
        doesIntoleranceCountWithoutDuration: false,
        currentEpisode: 'not_required',
        withinYears: null,
      };
    case 'augmentation':
      return { ...base, kind, minimumTrials: 1, minimumWeeks: null, doesPsychotherapyCount: false };
    case 'baseline_score':
      return { ...base, kind, thresholds: [{ instrument: 'PHQ-9', minimumScore: null }], withinDays: null };
    case 'clinical_fact':
      return { ...base, kind, factKey: 'prescriber_is_psychiatrist', requiredAnswer: 'yes' };
    case 'manual':
      return { ...base, kind, guidance: null };
  }
}
