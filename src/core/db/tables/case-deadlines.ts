import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';
import type { DeadlineActor, DeadlineKind, StoredDeadlineStatus } from '../../../shared/schemas/deadlines';
import type { Confidence } from '../../deadlines/rules';

/**
 * A deadline worked out for a case (migration 0030). Derived data: rebuilt from the case's facts
 * by src/core/deadlines/recompute.ts, never edited by hand; what the user says about a
 * date lives in `deadline_adjustments`.
 */
export type CaseDeadlinesTable = {
  id: Generated<number>;
  case_id: number;
  deadline_key: string;
  /** Migration 0031: when what it waited for happened, even late; null while outstanding. */
  answered_on: string | null;
  kind: DeadlineKind;
  rule: string;
  source_event_id: number | null;
  computed_due: string;
  due_on: string;
  due_at: string | null;
  actor: DeadlineActor;
  status: StoredDeadlineStatus;
  citation_url: string;
  citation_text: string;
  note: string;
  confidence: Confidence;
  computed_at: string;
};
export type CaseDeadlineRow = Selectable<CaseDeadlinesTable>;
export type NewCaseDeadlineRow = Insertable<CaseDeadlinesTable>;

/** One row per case: what the caseload's "next deadline" and "overdue" columns read. */
export type CaseDeadlineSummariesTable = {
  case_id: number;
  next_due_on: string | null;
  next_rule: string | null;
  overdue_count: number;
  /** JSON array of sentences. */
  missing_facts: string;
  assumptions: string;
  time_zone: string;
  as_of: string;
  computed_at: string;
};
export type CaseDeadlineSummaryRow = Selectable<CaseDeadlineSummariesTable>;

/** The user's word on one deadline: a different date with its reason, or "done". Audited. */
export type DeadlineAdjustmentsTable = {
  id: Generated<number>;
  case_id: number;
  deadline_key: string;
  override_due_on: string | null;
  override_reason: string | null;
  done_at: string | null;
  done_event_id: number | null;
  created_at: ColumnType<string, string, never>;
  updated_at: string;
};
export type DeadlineAdjustmentRow = Selectable<DeadlineAdjustmentsTable>;

/** A request the payer must answer (claim file, plan documents, criteria). Audited. */
export type PayerRequestsTable = {
  id: Generated<number>;
  case_id: number;
  kind: 'claim_file' | 'plan_documents' | 'criteria';
  sent_on: string;
  answered_on: string | null;
  note: string | null;
  event_id: number | null;
  created_at: ColumnType<string, string, never>;
  updated_at: string;
};
export type PayerRequestRow = Selectable<PayerRequestsTable>;
