/**
 * What an insurer looks for when it judges medical necessity, as one checklist per case. The
 * items are the usual medical-necessity evidence, with two from the evidence packet of
 * docs/domain/denial-and-appeal-content.md §5.2 (rating-scale scores, the payer's own policy). How each item counts as done is `rule`:
 *
 * - `link`: done once a vault document or timeline entry is linked to it;
 * - `trials` / `scores`: judged from the client's treatment-history ledger or symptom scores;
 * - `judgement`: only the advocate can say (a link shows work started: partial).
 *
 * A status the advocate sets by hand (done, partial, missing, not applicable) always wins.
 */
export const evidenceItemKeys = [
  'medical_records',
  'diagnosis',
  'treatment_history',
  'symptom_scores',
  'letter_of_medical_necessity',
  'peer_reviewed_studies',
  'functional_impact',
  'prognosis_if_untreated',
  'second_opinion',
  'treatment_plan',
  'payer_policy',
  'consistency',
  'copies_kept',
] as const;
export type EvidenceItemKey = (typeof evidenceItemKeys)[number];

export type EvidenceItemRule = 'link' | 'trials' | 'scores' | 'judgement';

export type EvidenceItemDefinition = {
  readonly label: string;
  /** What satisfies it, in a sentence the advocate can act on. */
  readonly hint: string;
  readonly rule: EvidenceItemRule;
};

export const evidenceItems: Readonly<Record<EvidenceItemKey, EvidenceItemDefinition>> = {
  medical_records: {
    label: 'Medical records',
    hint: 'Clinic notes and records covering the current episode.',
    rule: 'link',
  },
  diagnosis: {
    label: 'Diagnosis with ICD-10 codes and test results',
    hint: 'A record that states the diagnosis and its ICD-10-CM code, with any test results.',
    rule: 'link',
  },
  treatment_history: {
    label: 'Treatment history',
    hint: 'Every prior trial in the ledger below, each with its weeks at a therapeutic dose, its outcome and its source document (a pharmacy fill history helps).',
    rule: 'trials',
  },
  symptom_scores: {
    label: 'Rating-scale scores with dates',
    hint: 'PHQ-9, MADRS, HAM-D or QIDS scores at baseline (and after induction, for continuation), each with its source.',
    rule: 'scores',
  },
  letter_of_medical_necessity: {
    label: "Physician's letter of medical necessity",
    hint: 'From the treating psychiatrist, answering each criterion of the payer’s policy.',
    rule: 'link',
  },
  peer_reviewed_studies: {
    label: 'Peer-reviewed studies',
    hint: 'Published evidence for the treatment (most needed against an “experimental” denial).',
    rule: 'link',
  },
  functional_impact: {
    label: 'Functional impact on daily life and work',
    hint: 'What the illness stops the client doing: work, school, care of others, daily tasks.',
    rule: 'link',
  },
  prognosis_if_untreated: {
    label: 'Prognosis if untreated',
    hint: 'The clinician’s statement of the risks of delay, including suicidality.',
    rule: 'link',
  },
  second_opinion: {
    label: 'Expert or second opinions',
    hint: 'A second psychiatrist’s or an expert’s opinion supporting the treatment.',
    rule: 'link',
  },
  treatment_plan: {
    label: 'Treatment plan',
    hint: 'Frequency, duration and expected outcome of the requested treatment, and the monitoring plan.',
    rule: 'link',
  },
  payer_policy: {
    label: "The payer's clinical policy",
    hint: 'A copy of the policy the payer applies, with its criteria highlighted.',
    rule: 'link',
  },
  consistency: {
    label: 'Consistency of all documents',
    hint: 'Dates, doses, diagnoses and scores agree across every document. Mark it done once you have checked.',
    rule: 'judgement',
  },
  copies_kept: {
    label: 'Copies kept',
    hint: 'A copy of everything sent to the payer is kept, with proof of delivery. Mark it done once it is.',
    rule: 'judgement',
  },
};

/** What the checklist shows for an item. */
export const evidenceStatuses = ['missing', 'partial', 'done', 'not_applicable'] as const;
export type EvidenceStatus = (typeof evidenceStatuses)[number];

export const evidenceStatusLabels: Readonly<Record<EvidenceStatus, string>> = {
  missing: 'Missing',
  partial: 'Partial',
  done: 'Done',
  not_applicable: 'Not applicable',
};

/**
 * How the readiness figure is worked out, shown beside it: items marked not applicable are left
 * out; a done item counts 1, a partial one ½.
 */
export const readinessExplanation =
  'Readiness is the share of applicable checklist items that are done; a partial item counts as half. Items marked not applicable are left out.';

export function readinessPercent(counts: {
  readonly done: number;
  readonly partial: number;
  readonly applicable: number;
}): number {
  if (counts.applicable === 0) return 0;
  return Math.round((100 * (counts.done + counts.partial / 2)) / counts.applicable);
}
