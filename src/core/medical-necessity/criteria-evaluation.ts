import type { EvidenceSource } from './case-clinical-facts';

export const criterionStatuses = ['met', 'not_met', 'unknown'] as const;
export type CriterionStatus = (typeof criterionStatuses)[number];

/** One payer criterion judged against a case's facts. "Met" always carries its evidence. */
export type CriterionResult = {
  readonly criterionId: string;
  /** The criterion in the policy's terms: "At least 2 antidepressants from different classes". */
  readonly text: string;
  readonly status: CriterionStatus;
  /** The records that satisfy it; never empty when `status` is 'met'. */
  readonly evidence: readonly EvidenceSource[];
  /** Why it is met, not met or unknown, in a sentence a reviewer could read. */
  readonly explanation: string;
  /** For 'unknown': each fact to record to decide it ("Weeks at therapeutic dose of sertraline"). */
  readonly missingFacts: readonly string[];
};

/** A criteria set judged against one case, with the policy it came from. */
export type CriteriaEvaluation = {
  readonly setId: string;
  readonly setName: string;
  readonly payer: string;
  readonly policyNumber: string | null;
  /** YYYY-MM-DD: the version of the policy the set was taken from; null when unknown. */
  readonly policyDate: string | null;
  readonly sourceUrl: string | null;
  readonly results: readonly CriterionResult[];
};
