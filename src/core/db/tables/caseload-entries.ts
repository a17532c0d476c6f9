import type { Selectable } from 'kysely';
import type { CasePriority, CaseStage } from '../../../shared/domain/case-stages';
import type { PlanType } from '../../../shared/domain/plan-types';
import type { TreatmentKind } from '../../../shared/domain/treatments';

/**
 * One row per live case, kept by triggers (migration 0004): what the caseload table sorts,
 * filters and shows, joined ahead of time. Read-only for app code.
 */
export type CaseloadEntriesTable = {
  case_id: number;
  client_id: number;
  client_name: string;
  treatment: TreatmentKind;
  treatment_detail: string | null;
  /** The linked coverage's payer, else the payer typed on the case. */
  payer: string | null;
  plan_type: PlanType | null;
  stage: CaseStage;
  /** Position in the pipeline (intake 0 … resolved 9), for sorting. */
  stage_rank: number;
  priority: CasePriority;
  /** low 0 … urgent 3. */
  priority_rank: number;
  is_urgent: number;
  assigned_advocate: string | null;
  opened_on: string;
  updated_at: string;
  /** Migration 0033: the case's next deadline still to act on, and how many have passed unanswered. */
  next_due_on: string | null;
  overdue_count: number;
  /** Migration 0040: the case's evidence readiness, 0–100 (case_evidence_summaries). */
  evidence_readiness: number;
  /** The client's name, payer, advocate and treatment detail, for the quick filter. */
  quick_filter_text: string;
};

export type CaseloadEntryRow = Selectable<CaseloadEntriesTable>;
