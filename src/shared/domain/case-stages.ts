/**
 * The path of a coverage fight, in the order an advocate works it. The caseload's stage_rank is the
 * position here (migration 0070 re-ranks stored rows); what moves a case along is case-lifecycle.ts.
 */
export const caseStages = [
  'intake',
  'benefits_verification',
  'evidence_gathering',
  'prior_auth_submitted',
  'decision',
  'denied',
  'internal_appeal_1',
  'internal_appeal_2',
  'external_review',
  'approved',
  'alternative_funding',
  'resolved',
] as const;
export type CaseStage = (typeof caseStages)[number];

export const caseStageLabels: Readonly<Record<CaseStage, string>> = {
  intake: 'Intake',
  benefits_verification: 'Benefits verification',
  evidence_gathering: 'Evidence gathering',
  prior_auth_submitted: 'Prior auth submitted',
  decision: 'Awaiting decision',
  denied: 'Denied',
  internal_appeal_1: 'Internal appeal 1',
  internal_appeal_2: 'Internal appeal 2',
  external_review: 'External review',
  approved: 'Approved',
  alternative_funding: 'Alternative funding',
  // Stored as "resolved" (older data and imports use the word); a person reads "Closed" everywhere.
  resolved: 'Closed',
};

export const casePriorities = ['low', 'normal', 'high', 'urgent'] as const;
export type CasePriority = (typeof casePriorities)[number];

export const casePriorityLabels: Readonly<Record<CasePriority, string>> = {
  low: 'Low',
  normal: 'Normal',
  high: 'High',
  urgent: 'Urgent',
};

/** How a case ended. */
export const caseOutcomes = [
  'approved',
  'partially_approved',
  'denied_final',
  'self_pay',
  'alternative_funding',
  'withdrawn',
] as const;
export type CaseOutcome = (typeof caseOutcomes)[number];

export const caseOutcomeLabels: Readonly<Record<CaseOutcome, string>> = {
  approved: 'Approved',
  partially_approved: 'Partially approved',
  denied_final: 'Denied (final)',
  self_pay: 'Self-pay',
  alternative_funding: 'Alternative funding',
  withdrawn: 'Withdrawn',
};
