import type { TreatmentTrialDto } from '@shared/schemas/treatment-history';

/**
 * The duration most payers' criteria ask of an antidepressant trial: "duration ≥ 6 weeks typical;
 * 4–8 weeks range" (payer-criteria.md §2.1 item 2). Shown as a reference, not as the payer's rule.
 */
export const typicalMinimumWeeks = 6;

export type Adequacy = {
  /** "8 wk at therapeutic dose", "duration not documented". */
  readonly text: string;
  /** What needs a look, in words: "shorter than 6 weeks", "dose judged inadequate". */
  readonly concern: string | null;
};

const isDrugTrial = (trial: Pick<TreatmentTrialDto, 'kind'>) =>
  trial.kind === 'medication' || trial.kind === 'augmentation';

function formatWeeks(weeks: number): string {
  return Number.isInteger(weeks) ? String(weeks) : weeks.toFixed(1);
}

/** Adequacy as the records state it; never a number of weeks guessed from the dates. */
export function describeAdequacy(
  trial: Pick<TreatmentTrialDto, 'kind' | 'weeksAtTherapeuticDose' | 'isDoseAdequate'>,
): Adequacy {
  const concerns: string[] = [];
  let text: string;
  if (trial.weeksAtTherapeuticDose === null) {
    text = isDrugTrial(trial) ? 'duration not documented' : 'duration not recorded';
    if (isDrugTrial(trial)) concerns.push('weeks at a therapeutic dose not documented');
  } else {
    text = `${formatWeeks(trial.weeksAtTherapeuticDose)} wk${isDrugTrial(trial) ? ' at therapeutic dose' : ''}`;
    if (isDrugTrial(trial) && trial.weeksAtTherapeuticDose < typicalMinimumWeeks)
      concerns.push(`shorter than the ${typicalMinimumWeeks} weeks most payers ask for`);
  }
  if (trial.isDoseAdequate === false) concerns.push('dose judged not adequate');
  if (trial.isDoseAdequate === null && isDrugTrial(trial)) concerns.push('dose adequacy not documented');
  return { text, concern: concerns.length > 0 ? concerns.join('; ') : null };
}

/** Whole weeks between two YYYY-MM-DD dates: offered as a hint beside the weeks field, never filled in. */
export function weeksBetween(startedOn: string, endedOn: string): number | null {
  const days = (Date.parse(endedOn) - Date.parse(startedOn)) / (24 * 60 * 60 * 1000);
  return Number.isFinite(days) && days >= 0 ? Math.floor(days / 7) : null;
}
