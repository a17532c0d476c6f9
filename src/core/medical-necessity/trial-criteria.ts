import type { Criterion } from '../../shared/schemas/criteria-sets';
import {
  drugClassLabels,
  failedTrialOutcomes,
  trialOutcomeLabels,
  type TrialKind,
} from '../../shared/domain/treatment-history';
import { addCalendarMonths } from '../deadlines/date-arithmetic';
import type { CaseClinicalFacts, EvidenceSource, TreatmentTrial } from './case-clinical-facts';
import type { CriterionResult } from './criteria-evaluation';

/** What makes one trial "adequate" under a policy. */
type TrialRule = {
  readonly minimumWeeks: number | null;
  readonly partialResponseMinimumWeeks: number | null;
  readonly doesIntoleranceCountWithoutDuration: boolean;
  readonly isCurrentEpisodeRequired: boolean;
  readonly withinYears: number | null;
  readonly needsClass: boolean;
};

/**
 * One trial judged against the rule: it counts (with its source), it cannot count (and why), or
 * it would count once the listed facts are recorded.
 */
type TrialAssessment =
  | { readonly verdict: 'counts'; readonly trial: TreatmentTrial; readonly source: EvidenceSource }
  | { readonly verdict: 'excluded'; readonly trial: TreatmentTrial; readonly reasons: readonly string[] }
  | { readonly verdict: 'undecided'; readonly trial: TreatmentTrial; readonly missing: readonly string[] };

function requiredWeeks(trial: TreatmentTrial, rule: TrialRule): number | null {
  if (rule.minimumWeeks === null) return null;
  if (trial.outcome === 'partial_response' && rule.partialResponseMinimumWeeks !== null)
    return Math.max(rule.minimumWeeks, rule.partialResponseMinimumWeeks);
  return rule.minimumWeeks;
}

function assessTrial(trial: TreatmentTrial, rule: TrialRule, asOf: string): TrialAssessment {
  const reasons: string[] = [];
  const missing: string[] = [];
  const name = trial.name;

  if (trial.outcome === 'unknown') missing.push(`Outcome of ${name}`);
  else if (!failedTrialOutcomes.has(trial.outcome))
    reasons.push(`${name} is not a failed trial (${trialOutcomeLabels[trial.outcome].toLowerCase()})`);

  if (trial.isDoseAdequate === false) reasons.push(`the dose of ${name} is recorded as not therapeutic`);

  const isExemptFromDuration = trial.outcome === 'side_effects' && rule.doesIntoleranceCountWithoutDuration;
  const weeksNeeded = isExemptFromDuration ? null : requiredWeeks(trial, rule);
  if (weeksNeeded !== null) {
    if (trial.weeksAtTherapeuticDose === null) missing.push(`Weeks at therapeutic dose of ${name}`);
    else if (trial.weeksAtTherapeuticDose < weeksNeeded)
      reasons.push(
        `${name} was too short: ${trial.weeksAtTherapeuticDose} weeks at a therapeutic dose, fewer than the ${weeksNeeded} the policy asks for`,
      );
  }

  if (rule.isCurrentEpisodeRequired) {
    if (trial.isInCurrentEpisode === null) missing.push(`Whether ${name} was in the current episode`);
    else if (!trial.isInCurrentEpisode) reasons.push(`${name} was not in the current episode`);
  }

  if (rule.withinYears !== null) {
    const lastDay = trial.endedOn ?? trial.startedOn;
    const cutoff = addCalendarMonths(asOf, -12 * rule.withinYears).date;
    if (lastDay === null) missing.push(`Dates of ${name}`);
    else if (lastDay < cutoff)
      reasons.push(`${name} ended on ${lastDay}, more than ${rule.withinYears} years before ${asOf}`);
  }

  if (rule.needsClass && trial.drugClass === null) missing.push(`Drug class of ${name}`);

  if (reasons.length > 0) return { verdict: 'excluded', trial, reasons };
  // A trial counts only with the record that shows it: "met" is never claimed on the advocate's word.
  if (trial.source === null)
    return { verdict: 'undecided', trial, missing: [...missing, `Source document for ${name}`] };
  if (missing.length > 0) return { verdict: 'undecided', trial, missing };
  return { verdict: 'counts', trial, source: trial.source };
}

const verdictRank = { counts: 0, undecided: 1, excluded: 2 } as const;

/**
 * Policies count different drugs ("3 different antidepressants"), so two trials of the same drug
 * are one: the better-documented of them stands for the drug.
 */
function assessPerDrug(trials: readonly TreatmentTrial[], rule: TrialRule, asOf: string): TrialAssessment[] {
  const best = new Map<string, TrialAssessment>();
  for (const trial of trials) {
    const assessment = assessTrial(trial, rule, asOf);
    const key = trial.name.trim().toLowerCase();
    const earlier = best.get(key);
    if (!earlier || verdictRank[assessment.verdict] < verdictRank[earlier.verdict]) best.set(key, assessment);
  }
  return [...best.values()];
}

function describeCounted(assessment: TrialAssessment): string {
  const { trial } = assessment;
  const details = [
    trial.drugClass ? drugClassLabels[trial.drugClass] : null,
    trial.weeksAtTherapeuticDose !== null ? `${trial.weeksAtTherapeuticDose} weeks` : null,
    trialOutcomeLabels[trial.outcome].toLowerCase(),
  ].filter(Boolean);
  return `${trial.name} (${details.join(', ')})`;
}

function listOf(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

type TrialCount = {
  readonly criterion: Extract<Criterion, { kind: 'failed_trials' | 'augmentation' }>;
  readonly trials: readonly TreatmentTrial[];
  readonly rule: TrialRule;
  readonly asOf: string;
  readonly minimumTrials: number;
  readonly minimumClasses: number;
  /** BCBS ND: "at least one trial in the current episode". */
  readonly needsOneInCurrentEpisode: boolean;
  /** "antidepressant" / "augmentation trial", for the sentences. */
  readonly noun: { readonly one: string; readonly many: string };
};

function distinctClasses(assessments: readonly TrialAssessment[]): number {
  return new Set(assessments.map(({ trial }) => trial.drugClass).filter((drugClass) => drugClass !== null))
    .size;
}

/** Counts qualifying trials and decides met / not met / unknown, saying which trial counted and why not. */
function judgeTrialCount(count: TrialCount): CriterionResult {
  const { criterion, minimumTrials, minimumClasses, noun } = count;
  const base = { criterionId: criterion.id, text: criterion.text };
  if (count.trials.length === 0) {
    return {
      ...base,
      status: 'unknown',
      evidence: [],
      explanation: `No ${noun.many} are recorded for this client, so this cannot be judged yet.`,
      missingFacts: [`The client's ${noun.many} (none recorded)`],
    };
  }
  const assessments = assessPerDrug(count.trials, count.rule, count.asOf);
  const counted = assessments.filter((assessment) => assessment.verdict === 'counts');
  const undecided = assessments.filter((assessment) => assessment.verdict === 'undecided');
  const excluded = assessments.flatMap((assessment) =>
    assessment.verdict === 'excluded' ? [assessment.reasons.join('; ')] : [],
  );
  const notCounted = excluded.length > 0 ? ` Not counted: ${excluded.join('. ')}.` : '';
  const countedSentence =
    counted.length > 0
      ? `${plural(counted.length, `${noun.one} counts`, `${noun.many} count`)}: ${listOf(counted.map(describeCounted))}.`
      : `No ${noun.one} counts yet.`;
  const asked =
    minimumClasses > 1
      ? `The policy asks for ${minimumTrials} from ${minimumClasses} different classes.`
      : `The policy asks for ${minimumTrials}.`;

  const hasCurrentEpisodeTrial = (pool: readonly TrialAssessment[]) =>
    !count.needsOneInCurrentEpisode || pool.some(({ trial }) => trial.isInCurrentEpisode === true);
  const isEnough = (pool: readonly TrialAssessment[], classes: number) =>
    pool.length >= minimumTrials &&
    (minimumClasses <= 1 || classes >= minimumClasses) &&
    hasCurrentEpisodeTrial(pool);

  if (isEnough(counted, distinctClasses(counted))) {
    return {
      ...base,
      status: 'met',
      // Several trials often share one pharmacy record: the drug's name tells the reader which line to look at.
      evidence: counted.flatMap((assessment) =>
        assessment.verdict === 'counts'
          ? [{ ...assessment.source, label: `${assessment.trial.name}: ${assessment.source.label}` }]
          : [],
      ),
      explanation: `${countedSentence} ${asked}${notCounted}`,
      missingFacts: [],
    };
  }

  const possible = [...counted, ...undecided];
  const classesAtMost =
    distinctClasses(possible) + possible.filter(({ trial }) => trial.drugClass === null).length;
  const couldCurrentEpisodeBeMet =
    !count.needsOneInCurrentEpisode || possible.some(({ trial }) => trial.isInCurrentEpisode !== false);
  if (
    possible.length >= minimumTrials &&
    (minimumClasses <= 1 || classesAtMost >= minimumClasses) &&
    couldCurrentEpisodeBeMet &&
    (undecided.length > 0 || !hasCurrentEpisodeTrial(possible))
  ) {
    const missingFacts = undecided.flatMap((assessment) =>
      assessment.verdict === 'undecided' ? assessment.missing : [],
    );
    if (!hasCurrentEpisodeTrial(possible))
      missingFacts.push(`Which of the ${noun.many} was in the current episode`);
    return {
      ...base,
      status: 'unknown',
      evidence: [],
      explanation: `${countedSentence} ${asked} ${plural(undecided.length, `more ${noun.one} could count`, `more ${noun.many} could count`)} once the missing facts are recorded.${notCounted}`,
      missingFacts,
    };
  }

  const shortfall =
    counted.length < minimumTrials
      ? `Only ${plural(possible.length, `${noun.one} can count`, `${noun.many} can count`)} on the records so far.`
      : !hasCurrentEpisodeTrial(counted)
        ? `None of them is recorded as in the current episode.`
        : `They cover only ${plural(distinctClasses(possible), 'class', 'classes')}.`;
  return {
    ...base,
    status: 'not_met',
    evidence: [],
    explanation: `${countedSentence} ${asked} ${shortfall}${notCounted} If the client had other ${noun.many}, record them in the treatment history.`,
    missingFacts: [],
  };
}

const medicationKinds: ReadonlySet<TrialKind> = new Set(['medication']);

export function judgeFailedTrials(
  criterion: Extract<Criterion, { kind: 'failed_trials' }>,
  facts: CaseClinicalFacts,
): CriterionResult {
  return judgeTrialCount({
    criterion,
    trials: facts.trials.filter((trial) => medicationKinds.has(trial.kind)),
    rule: {
      minimumWeeks: criterion.minimumWeeks,
      partialResponseMinimumWeeks: criterion.partialResponseMinimumWeeks,
      doesIntoleranceCountWithoutDuration: criterion.doesIntoleranceCountWithoutDuration,
      isCurrentEpisodeRequired: criterion.currentEpisode === 'each',
      withinYears: criterion.withinYears,
      needsClass: criterion.minimumClasses > 1,
    },
    asOf: facts.asOf,
    minimumTrials: criterion.minimumTrials,
    minimumClasses: criterion.minimumClasses,
    needsOneInCurrentEpisode: criterion.currentEpisode === 'at_least_one',
    noun: { one: 'antidepressant', many: 'antidepressant trials' },
  });
}

export function judgeAugmentation(
  criterion: Extract<Criterion, { kind: 'augmentation' }>,
  facts: CaseClinicalFacts,
): CriterionResult {
  const augmentation = judgeTrialCount({
    criterion,
    trials: facts.trials.filter((trial) => trial.kind === 'augmentation'),
    rule: {
      minimumWeeks: criterion.minimumWeeks,
      partialResponseMinimumWeeks: null,
      doesIntoleranceCountWithoutDuration: false,
      isCurrentEpisodeRequired: false,
      withinYears: null,
      needsClass: false,
    },
    asOf: facts.asOf,
    minimumTrials: criterion.minimumTrials,
    minimumClasses: 1,
    needsOneInCurrentEpisode: false,
    noun: { one: 'augmentation trial', many: 'augmentation trials' },
  });
  if (augmentation.status === 'met' || !criterion.doesPsychotherapyCount) return augmentation;
  // The policy takes evidence-based psychotherapy in place of augmentation (CareFirst); no duration is named for it.
  const psychotherapy = judgeTrialCount({
    criterion,
    trials: facts.trials.filter((trial) => trial.kind === 'psychotherapy'),
    rule: {
      minimumWeeks: null,
      partialResponseMinimumWeeks: null,
      doesIntoleranceCountWithoutDuration: false,
      isCurrentEpisodeRequired: false,
      withinYears: null,
      needsClass: false,
    },
    asOf: facts.asOf,
    minimumTrials: 1,
    minimumClasses: 1,
    needsOneInCurrentEpisode: false,
    noun: { one: 'psychotherapy course', many: 'psychotherapy courses' },
  });
  if (psychotherapy.status === 'met') return psychotherapy;
  const isEitherUnknown = augmentation.status === 'unknown' || psychotherapy.status === 'unknown';
  return {
    ...augmentation,
    status: isEitherUnknown ? 'unknown' : 'not_met',
    explanation: `Augmentation: ${augmentation.explanation} Psychotherapy instead: ${psychotherapy.explanation}`,
    missingFacts: isEitherUnknown ? [...augmentation.missingFacts, ...psychotherapy.missingFacts] : [],
  };
}
