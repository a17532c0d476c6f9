import { clinicalFactLabels } from '../../shared/domain/treatment-history';
import type { CriteriaSet, Criterion } from '../../shared/schemas/criteria-sets';
import { addCalendarDays } from '../deadlines/date-arithmetic';
import type { CaseClinicalFacts, EvidenceSource, SymptomScore } from './case-clinical-facts';
import type { CriteriaEvaluation, CriterionResult } from './criteria-evaluation';
import { judgeAugmentation, judgeFailedTrials } from './trial-criteria';

/** The advocate's own call on a criterion the app cannot check, with the document that shows it. */
export type ManualJudgement = {
  readonly criterionId: string;
  readonly status: 'met' | 'not_met';
  readonly source: EvidenceSource | null;
  readonly note: string | null;
};

type Judge<K extends Criterion['kind']> = (
  criterion: Extract<Criterion, { kind: K }>,
  facts: CaseClinicalFacts,
  judgement: ManualJudgement | undefined,
) => CriterionResult;

/** The client and case records themselves are the evidence for age and diagnosis. */
function recordSource(label: string): EvidenceSource {
  return { documentId: null, eventId: null, label };
}

const judgeAge: Judge<'age'> = (criterion, facts) => {
  const base = { criterionId: criterion.id, text: criterion.text };
  const range =
    criterion.maximumAge === null
      ? `${criterion.minimumAge} or older`
      : `${criterion.minimumAge} to ${criterion.maximumAge}`;
  if (facts.ageYears === null)
    return {
      ...base,
      status: 'unknown',
      evidence: [],
      explanation: `The policy asks for an age of ${range}; the client's date of birth is not recorded.`,
      missingFacts: ["Client's date of birth"],
    };
  const isInRange =
    facts.ageYears >= criterion.minimumAge &&
    (criterion.maximumAge === null || facts.ageYears <= criterion.maximumAge);
  return {
    ...base,
    status: isInRange ? 'met' : 'not_met',
    evidence: isInRange
      ? [recordSource(`Date of birth on the client record: age ${facts.ageYears} on ${facts.asOf}`)]
      : [],
    explanation: `The client is ${facts.ageYears} on ${facts.asOf}; the policy asks for ${range}.`,
    missingFacts: [],
  };
};

const judgeDiagnosis: Judge<'diagnosis'> = (criterion, facts) => {
  const base = { criterionId: criterion.id, text: criterion.text };
  const wanted = criterion.codePrefixes.join(', ');
  if (facts.diagnosisCodes.length === 0)
    return {
      ...base,
      status: 'unknown',
      evidence: [],
      explanation: `The policy asks for a diagnosis coded ${wanted}; no diagnosis code is recorded on the case.`,
      missingFacts: ['ICD-10-CM diagnosis code on the case'],
    };
  const matching = facts.diagnosisCodes.filter((code) =>
    criterion.codePrefixes.some((prefix) => code.toUpperCase().startsWith(prefix)),
  );
  return matching.length > 0
    ? {
        ...base,
        status: 'met',
        evidence: [recordSource(`Diagnosis codes on the case: ${matching.join(', ')}`)],
        explanation: `The case is coded ${matching.join(', ')}, which the policy accepts (${wanted}).`,
        missingFacts: [],
      }
    : {
        ...base,
        status: 'not_met',
        evidence: [],
        explanation: `The case is coded ${facts.diagnosisCodes.join(', ')}; the policy asks for ${wanted}.`,
        missingFacts: [],
      };
};

function describeScore(score: SymptomScore): string {
  return `${score.instrument} ${score.score} on ${score.takenOn}`;
}

/**
 * The most recent score of each named scale in the window decides: a payer reads the current
 * severity, so an older higher score does not outweigh a newer lower one.
 */
const judgeBaselineScore: Judge<'baseline_score'> = (criterion, facts) => {
  const base = { criterionId: criterion.id, text: criterion.text };
  const instruments = criterion.thresholds.map(({ instrument }) => instrument);
  const wanted = criterion.thresholds
    .map(({ instrument, minimumScore }) =>
      minimumScore === null ? instrument : `${instrument} ≥ ${minimumScore}`,
    )
    .join(' or ');
  const earliest = criterion.withinDays === null ? null : addCalendarDays(facts.asOf, -criterion.withinDays);
  const window = earliest === null ? '' : ` taken on or after ${earliest}`;
  const ofScales = facts.scores.filter(
    (score) => instruments.includes(score.instrument) && score.takenOn <= facts.asOf,
  );
  const inWindow = ofScales.filter((score) => earliest === null || score.takenOn >= earliest);
  if (inWindow.length === 0) {
    const latestOld = ofScales.at(-1);
    return {
      ...base,
      status: 'unknown',
      evidence: [],
      explanation: latestOld
        ? `The policy asks for ${wanted}${window}; the latest recorded, ${describeScore(latestOld)}, is older than that.`
        : `The policy asks for ${wanted}${window}; no score on ${instruments.join(' or ')} is recorded.`,
      missingFacts: [`A ${instruments.join(' or ')} score${window}`],
    };
  }
  const latestPerScale = criterion.thresholds.flatMap(({ instrument, minimumScore }) => {
    const latest = inWindow.filter((score) => score.instrument === instrument).at(-1);
    return latest ? [{ score: latest, isEnough: minimumScore === null || latest.score >= minimumScore }] : [];
  });
  const qualifying = latestPerScale.filter(({ isEnough }) => isEnough).map(({ score }) => score);
  const withSource = qualifying.find((score) => score.source !== null);
  if (withSource?.source)
    return {
      ...base,
      status: 'met',
      evidence: [withSource.source],
      explanation: `${describeScore(withSource)} meets the policy's ${wanted}${window}.`,
      missingFacts: [],
    };
  if (qualifying.length > 0)
    return {
      ...base,
      status: 'unknown',
      evidence: [],
      explanation: `${qualifying.map(describeScore).join(' and ')} would meet ${wanted}, but no document is linked to it.`,
      missingFacts: qualifying.map((score) => `Source document for ${describeScore(score)}`),
    };
  return {
    ...base,
    status: 'not_met',
    evidence: [],
    explanation: `The latest ${latestPerScale.map(({ score }) => describeScore(score)).join(' and ')} is below the policy's ${wanted}.`,
    missingFacts: [],
  };
};

const judgeClinicalFact: Judge<'clinical_fact'> = (criterion, facts) => {
  const base = { criterionId: criterion.id, text: criterion.text };
  const label = clinicalFactLabels[criterion.factKey];
  const recorded = facts.facts.find((fact) => fact.key === criterion.factKey);
  const expected = `the policy needs "${label}" to be ${criterion.requiredAnswer}`;
  if (!recorded || recorded.answer === 'unknown')
    return {
      ...base,
      status: 'unknown',
      evidence: [],
      explanation: `Not recorded yet: ${expected}.`,
      missingFacts: [label],
    };
  if (recorded.answer !== criterion.requiredAnswer)
    return {
      ...base,
      status: 'not_met',
      evidence: recorded.source ? [recorded.source] : [],
      explanation: `Recorded as ${recorded.answer}; ${expected}.`,
      missingFacts: [],
    };
  if (!recorded.source)
    return {
      ...base,
      status: 'unknown',
      evidence: [],
      explanation: `Recorded as ${recorded.answer}, but no document is linked to show it.`,
      missingFacts: [`Source document for "${label}"`],
    };
  return {
    ...base,
    status: 'met',
    evidence: [recorded.source],
    explanation: `Recorded as ${recorded.answer}, shown by ${recorded.source.label}.`,
    missingFacts: [],
  };
};

const judgeManually: Judge<'manual'> = (criterion, _facts, judgement) => {
  const base = { criterionId: criterion.id, text: criterion.text };
  if (!judgement)
    return {
      ...base,
      status: 'unknown',
      evidence: [],
      explanation:
        'The app cannot check this one: read the records and record your judgement with the document that shows it.',
      missingFacts: ['Your judgement, with the document that shows it'],
    };
  const note = judgement.note ? ` Note: ${judgement.note}` : '';
  if (judgement.status === 'not_met')
    return {
      ...base,
      status: 'not_met',
      evidence: judgement.source ? [judgement.source] : [],
      explanation: `You judged this not met.${note}`,
      missingFacts: [],
    };
  if (!judgement.source)
    return {
      ...base,
      status: 'unknown',
      evidence: [],
      explanation: `You judged this met, but no document is linked to show it.${note}`,
      missingFacts: ['The document that shows it'],
    };
  return {
    ...base,
    status: 'met',
    evidence: [judgement.source],
    explanation: `You judged this met from ${judgement.source.label}.${note}`,
    missingFacts: [],
  };
};

/** Judges one criterion against the case's facts. Pure: the same facts always give the same answer. */
export function evaluateCriterion(
  criterion: Criterion,
  facts: CaseClinicalFacts,
  judgement: ManualJudgement | undefined,
): CriterionResult {
  switch (criterion.kind) {
    case 'age':
      return judgeAge(criterion, facts, judgement);
    case 'diagnosis':
      return judgeDiagnosis(criterion, facts, judgement);
    case 'failed_trials':
      return judgeFailedTrials(criterion, facts);
    case 'augmentation':
      return judgeAugmentation(criterion, facts);
    case 'baseline_score':
      return judgeBaselineScore(criterion, facts, judgement);
    case 'clinical_fact':
      return judgeClinicalFact(criterion, facts, judgement);
    case 'manual':
      return judgeManually(criterion, facts, judgement);
  }
}

/** Judges every criterion of a set against one case, keeping the policy it came from alongside. */
export function evaluateCriteriaSet(
  set: CriteriaSet,
  facts: CaseClinicalFacts,
  judgements: readonly ManualJudgement[],
): CriteriaEvaluation {
  const { definition } = set;
  const sourceUrl = definition.sources[0]?.url ?? null;
  return {
    setId: set.id,
    setName: definition.name,
    payer: definition.payer,
    policyNumber: definition.policyNumber,
    policyDate: definition.policyDate,
    sourceUrl,
    results: definition.criteria.map((criterion) =>
      evaluateCriterion(
        criterion,
        facts,
        judgements.find((judgement) => judgement.criterionId === criterion.id),
      ),
    ),
  };
}
