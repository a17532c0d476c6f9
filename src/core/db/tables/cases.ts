import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';
import type { CasePriority, CaseStage } from '../../../shared/domain/case-stages';
import type { TreatmentKind } from '../../../shared/domain/treatments';

export type CasesTable = {
  id: Generated<number>;
  client_id: number;
  treatment: TreatmentKind;
  /** Free text for an "other" treatment. */
  treatment_detail: string | null;
  payer: string | null;
  stage: CaseStage;
  priority: CasePriority;
  /** YYYY-MM-DD */
  opened_on: string;
  closed_on: string | null;
  created_at: ColumnType<string, string, never>;
  updated_at: string;
};

export type CaseRow = Selectable<CasesTable>;
export type NewCaseRow = Insertable<CasesTable>;
