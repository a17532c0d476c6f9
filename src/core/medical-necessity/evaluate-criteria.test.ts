import { describe, expect, it } from 'vitest';
import type { Criterion } from '../../shared/schemas/criteria-sets';
import type { CaseClinicalFacts, EvidenceSource, TreatmentTrial } from './case-clinical-facts';
import type { CriterionStatus } from './criteria-evaluation';
import { evaluateCriterion, type ManualJudgement } from './evaluate-criteria';

const asOf = '2025-06-01';

function source(label: string, documentId = 1): EvidenceSource {
  return { documentId, eventId: null, label };
}

let nextTrialId = 1;
function trial(name: string, overrides: Partial<TreatmentTrial> = {}): TreatmentTrial {
  return {
    id: nextTrialId++,
    kind: 'medication',
    name,
    drugClass: 'ssri',
    peakDose: null,
    startedOn: '2024-09-01',
    endedOn: '2025-01-15',
    weeksAtTherapeuticDose: 8,
    isDoseAdequate: true,
    outcome: 'no_response',
    isInCurrentEpisode: true,
    source: source('Pharmacy record'),
    notes: null,
    ...overrides,
  };
}

function facts(overrides: Partial<CaseClinicalFacts> = {}): CaseClinicalFacts {
  return {
    caseId: 1,
    treatment: 'esketamine',
    asOf,
    ageYears: 42,
    diagnosisCodes: ['F33.2'],
    procedureCodes: [],
    trials: [],
    scores: [],
    facts: [],
    ...overrides,
  };
}

/** Cigna / Evicore (payer-criteria.md §2): ≥ 2 ADs from different classes, ≥ 6 weeks each, current episode. */
const twoFromTwoClasses: Criterion = {
  id: 'failed-ads',
  text: 'At least 2 antidepressants from different classes, each ≥ 6 weeks at a therapeutic dose in the current episode',
  kind: 'failed_trials',
  minimumTrials: 2,
  minimumClasses: 2,
  minimumWeeks: 6,
  partialResponseMinimumWeeks: null,
  doesIntoleranceCountWithoutDuration: false,
  currentEpisode: 'each',
  withinYears: null,
};

/** CareFirst: 2 ADs from 2 classes, ≥ 8 weeks each, within the past 5 years, current episode. */
const careFirstTrials: Criterion = { ...twoFromTwoClasses, minimumWeeks: 8, withinYears: 5 };

/** BCBS ND version A: ≥ 3 different ADs; 4 weeks; partial response needs 8; side effects count; one in current episode. */
const northDakotaTrials: Criterion = {
  ...twoFromTwoClasses,
  minimumTrials: 3,
  minimumClasses: 1,
  minimumWeeks: 4,
  partialResponseMinimumWeeks: 8,
  doesIntoleranceCountWithoutDuration: true,
  currentEpisode: 'at_least_one',
};

const severeBaseline: Criterion = {
  id: 'baseline',
  text: 'Severe episode: MADRS ≥ 28 or HAM-D ≥ 17',
  kind: 'baseline_score',
  thresholds: [
    { instrument: 'MADRS', minimumScore: 28 },
    { instrument: 'HAM-D', minimumScore: 17 },
  ],
  withinDays: null,
};

const recentPhq9: Criterion = {
  id: 'phq9',
  text: 'PHQ-9 > 15 within the past 4 weeks',
  kind: 'baseline_score',
  thresholds: [{ instrument: 'PHQ-9', minimumScore: 16 }],
  withinDays: 28,
};

const adult: Criterion = { id: 'age', text: 'Age ≥ 18', kind: 'age', minimumAge: 18, maximumAge: null };
const qualChoiceAge: Criterion = {
  id: 'age',
  text: 'Age 18–64',
  kind: 'age',
  minimumAge: 18,
  maximumAge: 64,
};
const mdd: Criterion = { id: 'dx', text: 'MDD', kind: 'diagnosis', codePrefixes: ['F32', 'F33'] };
const severeMdd: Criterion = {
  id: 'dx',
  text: 'Severe MDD',
  kind: 'diagnosis',
  codePrefixes: ['F32.2', 'F32.3', 'F33.2', 'F33.3'],
};
const noPsychosis: Criterion = {
  id: 'psychosis',
  text: 'No history of psychosis',
  kind: 'clinical_fact',
  factKey: 'psychosis_history',
  requiredAnswer: 'no',
};
const psychiatrist: Criterion = {
  id: 'prescriber',
  text: 'Prescribed by a psychiatrist',
  kind: 'clinical_fact',
  factKey: 'prescriber_is_psychiatrist',
  requiredAnswer: 'yes',
};
const augmentationOrTherapy: Criterion = {
  id: 'augment',
  text: 'Augmentation ≥ 8 weeks or evidence-based psychotherapy',
  kind: 'augmentation',
  minimumTrials: 1,
  minimumWeeks: 8,
  doesPsychotherapyCount: true,
};
const structuredInterview: Criterion = {
  id: 'interview',
  text: 'Episode confirmed by structured interview',
  kind: 'manual',
  guidance: null,
};

type Row = {
  readonly name: string;
  readonly criterion: Criterion;
  readonly facts: CaseClinicalFacts;
  readonly judgement?: ManualJudgement;
  readonly status: CriterionStatus;
  readonly evidence?: readonly string[];
  readonly missingFacts?: readonly string[];
  readonly explains?: RegExp;
};

const rows: readonly Row[] = [
  {
    // sertraline SSRI 8 w ≥ 6, venlafaxine SNRI 6 w ≥ 6, both failed, current episode, both sourced → 2 drugs, 2 classes.
    name: 'two adequate trials from two classes, each with a record',
    criterion: twoFromTwoClasses,
    facts: facts({
      trials: [
        trial('sertraline'),
        trial('venlafaxine', { drugClass: 'snri', weeksAtTherapeuticDose: 6, outcome: 'partial_response' }),
      ],
    }),
    status: 'met',
    evidence: ['sertraline: Pharmacy record', 'venlafaxine: Pharmacy record'],
    explains: /2 antidepressant trials count: sertraline \(SSRI, 8 weeks, no response\) and venlafaxine/,
  },
  {
    // bupropion 4 w < 6 → does not count; sertraline alone = 1 < 2 → not met, and the short trial is named.
    name: 'two trials where one is too short',
    criterion: twoFromTwoClasses,
    facts: facts({
      trials: [trial('sertraline'), trial('bupropion', { drugClass: 'atypical', weeksAtTherapeuticDose: 4 })],
    }),
    status: 'not_met',
    missingFacts: [],
    explains: /bupropion was too short: 4 weeks at a therapeutic dose, fewer than the 6 the policy asks for/,
  },
  {
    // venlafaxine's weeks are blank: it could still count (SNRI is a second class) → unknown, and exactly that fact is asked.
    name: 'weeks at therapeutic dose not recorded',
    criterion: twoFromTwoClasses,
    facts: facts({
      trials: [
        trial('sertraline'),
        trial('venlafaxine', { drugClass: 'snri', weeksAtTherapeuticDose: null }),
      ],
    }),
    status: 'unknown',
    missingFacts: ['Weeks at therapeutic dose of venlafaxine'],
  },
  {
    // venlafaxine qualifies on every fact but no document is linked → it cannot be claimed → unknown.
    name: 'an adequate trial without its source document',
    criterion: twoFromTwoClasses,
    facts: facts({
      trials: [trial('sertraline'), trial('venlafaxine', { drugClass: 'snri', source: null })],
    }),
    status: 'unknown',
    missingFacts: ['Source document for venlafaxine'],
  },
  {
    // sertraline and escitalopram are both SSRIs: 2 drugs but 1 class < 2 → not met.
    name: 'two adequate trials of the same class',
    criterion: twoFromTwoClasses,
    facts: facts({ trials: [trial('sertraline'), trial('escitalopram')] }),
    status: 'not_met',
    explains: /cover only 1 class/,
  },
  {
    // Two trials of sertraline are one drug: 1 < 2 → not met.
    name: 'the same drug tried twice counts once',
    criterion: { ...twoFromTwoClasses, minimumClasses: 1 },
    facts: facts({ trials: [trial('sertraline'), trial('Sertraline', { startedOn: '2023-01-01' })] }),
    status: 'not_met',
    explains: /Only 1 antidepressant can count/,
  },
  {
    // asOf 2025-06-01 − 5 years = 2020-06-01; duloxetine ended 2018-03-01 < cutoff → excluded; 1 left < 2.
    name: 'a trial older than the policy window',
    criterion: careFirstTrials,
    facts: facts({
      trials: [
        trial('sertraline'),
        trial('duloxetine', { drugClass: 'snri', startedOn: '2017-10-01', endedOn: '2018-03-01' }),
      ],
    }),
    status: 'not_met',
    explains: /duloxetine ended on 2018-03-01, more than 5 years before 2025-06-01/,
  },
  {
    // ND A: sertraline stopped for side effects after 2 w counts (intolerance exempt); citalopram 5 w ≥ 4;
    // mirtazapine 4 w ≥ 4 and in the current episode → 3 drugs, one in the current episode → met.
    name: 'three trials with one stopped early for side effects (BCBS ND)',
    criterion: northDakotaTrials,
    facts: facts({
      trials: [
        trial('sertraline', {
          weeksAtTherapeuticDose: 2,
          outcome: 'side_effects',
          isInCurrentEpisode: false,
        }),
        trial('citalopram', { weeksAtTherapeuticDose: 5, isInCurrentEpisode: false }),
        trial('mirtazapine', { drugClass: 'atypical', weeksAtTherapeuticDose: 4, isInCurrentEpisode: true }),
      ],
    }),
    status: 'met',
    evidence: ['sertraline: Pharmacy record', 'citalopram: Pharmacy record', 'mirtazapine: Pharmacy record'],
  },
  {
    // A partial response needs 8 w under ND; citalopram has 6 → excluded; 2 left < 3 → not met.
    name: 'a partial response shorter than the policy allows (BCBS ND)',
    criterion: northDakotaTrials,
    facts: facts({
      trials: [
        trial('sertraline'),
        trial('citalopram', { weeksAtTherapeuticDose: 6, outcome: 'partial_response' }),
        trial('mirtazapine', { drugClass: 'atypical' }),
      ],
    }),
    status: 'not_met',
    explains: /citalopram was too short: 6 weeks at a therapeutic dose, fewer than the 8/,
  },
  {
    // fluoxetine "responded" is not a failure; its class would not help anyway → not met with the reason.
    name: 'a trial that worked is not a failed trial',
    criterion: twoFromTwoClasses,
    facts: facts({
      trials: [trial('sertraline'), trial('bupropion', { drugClass: 'atypical', outcome: 'response' })],
    }),
    status: 'not_met',
    explains: /bupropion is not a failed trial \(responded\)/,
  },
  {
    name: 'no trials recorded at all',
    criterion: twoFromTwoClasses,
    facts: facts(),
    status: 'unknown',
    missingFacts: ["The client's antidepressant trials (none recorded)"],
  },
  {
    // 42 ≥ 18 → met; the client record is the evidence.
    name: 'adult client',
    criterion: adult,
    facts: facts(),
    status: 'met',
    evidence: ['Date of birth on the client record: age 42 on 2025-06-01'],
  },
  {
    name: 'age not recorded',
    criterion: adult,
    facts: facts({ ageYears: null }),
    status: 'unknown',
    missingFacts: ["Client's date of birth"],
  },
  {
    // QualChoice: 18–64; 65 > 64 → not met.
    name: 'older than the policy allows',
    criterion: qualChoiceAge,
    facts: facts({ ageYears: 65 }),
    status: 'not_met',
  },
  {
    // F33.1 (moderate) does not start with any severe code → not met.
    name: 'moderate MDD where the policy asks for severe',
    criterion: severeMdd,
    facts: facts({ diagnosisCodes: ['F33.1'] }),
    status: 'not_met',
  },
  {
    name: 'bipolar depression against an MDD policy',
    criterion: mdd,
    facts: facts({ diagnosisCodes: ['F31.4'] }),
    status: 'not_met',
  },
  {
    name: 'recurrent MDD code matches F33',
    criterion: mdd,
    facts: facts({ diagnosisCodes: ['f33.2', 'R45.851'] }),
    status: 'met',
    evidence: ['Diagnosis codes on the case: f33.2'],
  },
  {
    // Latest MADRS 30 ≥ 28 with a record → met (HAM-D 15 < 17 does not matter: either scale will do).
    name: 'severe baseline on one of two scales',
    criterion: severeBaseline,
    facts: facts({
      scores: [
        { id: 1, instrument: 'HAM-D', score: 15, takenOn: '2025-05-01', source: source('Intake HAM-D') },
        { id: 2, instrument: 'MADRS', score: 30, takenOn: '2025-05-02', source: source('Intake MADRS') },
      ],
    }),
    status: 'met',
    evidence: ['Intake MADRS'],
  },
  {
    // MADRS 31 then 24: the latest (24 < 28) decides → not met.
    name: 'latest score below the threshold',
    criterion: severeBaseline,
    facts: facts({
      scores: [
        { id: 1, instrument: 'MADRS', score: 31, takenOn: '2025-01-10', source: source('MADRS Jan') },
        { id: 2, instrument: 'MADRS', score: 24, takenOn: '2025-05-10', source: source('MADRS May') },
      ],
    }),
    status: 'not_met',
    explains: /MADRS 24 on 2025-05-10 is below/,
  },
  {
    // 2025-06-01 − 28 days = 2025-05-04; the PHQ-9 of 2025-04-20 is older → unknown, asking for a recent one.
    name: 'a score older than the policy window',
    criterion: recentPhq9,
    facts: facts({
      scores: [
        { id: 1, instrument: 'PHQ-9', score: 20, takenOn: '2025-04-20', source: source('PHQ-9 April') },
      ],
    }),
    status: 'unknown',
    missingFacts: ['A PHQ-9 score taken on or after 2025-05-04'],
  },
  {
    name: 'a qualifying score without a document',
    criterion: severeBaseline,
    facts: facts({
      scores: [{ id: 1, instrument: 'MADRS', score: 33, takenOn: '2025-05-20', source: null }],
    }),
    status: 'unknown',
    missingFacts: ['Source document for MADRS 33 on 2025-05-20'],
  },
  {
    name: 'history of psychosis where the policy needs none',
    criterion: noPsychosis,
    facts: facts({
      facts: [{ key: 'psychosis_history', answer: 'yes', source: source('Psychiatric evaluation') }],
    }),
    status: 'not_met',
  },
  {
    name: 'prescriber not recorded',
    criterion: psychiatrist,
    facts: facts({ facts: [{ key: 'psychosis_history', answer: 'no', source: source('Evaluation') }] }),
    status: 'unknown',
    missingFacts: ['Prescribed by or with a psychiatrist'],
  },
  {
    name: 'prescriber recorded without a document',
    criterion: psychiatrist,
    facts: facts({ facts: [{ key: 'prescriber_is_psychiatrist', answer: 'yes', source: null }] }),
    status: 'unknown',
    missingFacts: ['Source document for "Prescribed by or with a psychiatrist"'],
  },
  {
    name: 'prescriber is a psychiatrist, with the referral letter',
    criterion: psychiatrist,
    facts: facts({
      facts: [{ key: 'prescriber_is_psychiatrist', answer: 'yes', source: source('Referral letter', 7) }],
    }),
    status: 'met',
    evidence: ['Referral letter'],
  },
  {
    // No augmentation, but CBT failed with a record → the psychotherapy alternative meets it (CareFirst).
    name: 'psychotherapy in place of augmentation',
    criterion: augmentationOrTherapy,
    facts: facts({
      trials: [trial('CBT', { kind: 'psychotherapy', drugClass: null, weeksAtTherapeuticDose: null })],
    }),
    status: 'met',
    evidence: ['CBT: Pharmacy record'],
  },
  {
    // aripiprazole augmentation 6 w < 8 and no psychotherapy recorded → unknown (psychotherapy could still be recorded).
    name: 'augmentation too short and no psychotherapy recorded',
    criterion: augmentationOrTherapy,
    facts: facts({
      trials: [
        trial('aripiprazole', {
          kind: 'augmentation',
          drugClass: 'antipsychotic',
          weeksAtTherapeuticDose: 6,
        }),
      ],
    }),
    status: 'unknown',
    missingFacts: ["The client's psychotherapy courses (none recorded)"],
    explains: /aripiprazole was too short: 6 weeks/,
  },
  {
    name: 'a manual criterion nobody has judged',
    criterion: structuredInterview,
    facts: facts(),
    status: 'unknown',
    missingFacts: ['Your judgement, with the document that shows it'],
  },
  {
    name: 'a manual criterion judged met with its document',
    criterion: structuredInterview,
    facts: facts(),
    judgement: { criterionId: 'interview', status: 'met', source: source('SCID summary', 9), note: null },
    status: 'met',
    evidence: ['SCID summary'],
  },
  {
    name: 'a manual criterion judged met without a document',
    criterion: structuredInterview,
    facts: facts(),
    judgement: { criterionId: 'interview', status: 'met', source: null, note: 'Seen in the chart' },
    status: 'unknown',
    missingFacts: ['The document that shows it'],
  },
];

describe('evaluateCriterion', () => {
  it.each(rows)('$name → $status', (row) => {
    const result = evaluateCriterion(row.criterion, row.facts, row.judgement);
    expect(result.status).toBe(row.status);
    expect(result.criterionId).toBe(row.criterion.id);
    if (row.evidence) expect(result.evidence.map((evidence) => evidence.label)).toEqual(row.evidence);
    if (row.missingFacts) expect(result.missingFacts).toEqual(row.missingFacts);
    if (row.explains) expect(result.explanation).toMatch(row.explains);
    // The rule every result keeps: "met" always carries evidence, and only "unknown" asks for facts.
    if (result.status === 'met') expect(result.evidence.length).toBeGreaterThan(0);
    if (result.status !== 'unknown') expect(result.missingFacts).toEqual([]);
    else expect(result.missingFacts.length).toBeGreaterThan(0);
  });
});
