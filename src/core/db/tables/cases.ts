import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';
import type { CaseOutcome, CasePriority, CaseStage } from '../../../shared/domain/case-stages';
import type { ClosingDeadlineChoice, StageSource } from '../../../shared/domain/case-lifecycle';
import type { ClaimType } from '../../../shared/domain/plan-types';
import type { TreatmentKind } from '../../../shared/domain/treatments';

export type CasesTable = {
  id: Generated<number>;
  client_id: number;
  coverage_id: number | null;
  provider_id: number | null;
  treatment: TreatmentKind;
  /** Free text for an "other" treatment. */
  treatment_detail: string | null;
  /** Kept alongside the coverage for cases opened before coverage was recorded. */
  payer: string | null;
  /** JSON arrays of code strings (CPT/HCPCS; ICD-10-CM). */
  procedure_codes: Generated<string>;
  diagnosis_codes: Generated<string>;
  stage: CaseStage;
  priority: CasePriority;
  claim_type: ClaimType | null;
  is_urgent: Generated<number>;
  assigned_advocate: string | null;
  outcome: CaseOutcome | null;
  billed_cents: number | null;
  allowed_cents: number | null;
  paid_cents: number | null;
  saved_cents: number | null;
  /** YYYY-MM-DD */
  opened_on: string;
  closed_on: string | null;
  /** Migration 0070 (shared/domain/case-lifecycle.ts): who set the stage, the timeline or the user. */
  stage_source: Generated<StageSource>;
  /** The timeline step whose stage the user declined, so it is not suggested again. */
  stage_kept_against_event_id: number | null;
  /** What closing did with the case's open deadlines; null while open. */
  closing_deadlines: ClosingDeadlineChoice | null;
  created_at: ColumnType<string, string, never>;
  updated_at: string;
  deleted_at: string | null;
};

export type CaseRow = Selectable<CasesTable>;
export type NewCaseRow = Insertable<CasesTable>;
export type CaseUpdate = Updateable<CasesTable>;
