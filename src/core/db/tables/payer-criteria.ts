import type { ColumnType, Generated, Selectable } from 'kysely';

/** A criteria set the user wrote or duplicated; the shipped sets live in code. */
export type CriteriaSetsTable = {
  id: Generated<number>;
  /** JSON of a `CriteriaSetDefinition`. */
  definition: string;
  based_on: string | null;
  created_at: ColumnType<string, string, never>;
  updated_at: string;
};

/** The user's version of a treatment's evidence pack. */
export type EvidencePackEditsTable = {
  treatment: string;
  /** JSON of an `EvidencePack`. */
  pack: string;
  updated_at: string;
};

/** Which criteria set a case is judged against, with the policy's particulars as chosen. */
export type CaseCriteriaChoicesTable = {
  id: Generated<number>;
  case_id: number;
  set_id: string;
  policy_name: string;
  policy_number: string | null;
  /** YYYY-MM-DD, or null when the source gives no date. */
  policy_date: string | null;
  source_url: string | null;
  created_at: ColumnType<string, string, never>;
  updated_at: string;
};

/** The advocate's call on a criterion the app cannot check, with the document that shows it. */
export type CaseCriterionJudgementsTable = {
  id: Generated<number>;
  case_id: number;
  set_id: string;
  criterion_id: string;
  status: 'met' | 'not_met';
  document_id: number | null;
  note: string | null;
  created_at: ColumnType<string, string, never>;
  updated_at: string;
};

export type CriteriaSetRow = Selectable<CriteriaSetsTable>;
export type CaseCriteriaChoiceRow = Selectable<CaseCriteriaChoicesTable>;
export type CaseCriterionJudgementRow = Selectable<CaseCriterionJudgementsTable>;
