import type { Selectable } from 'kysely';
import type { CaseOutcome } from '../../../shared/domain/case-stages';

/**
 * One narrow row per live case (exactly the cases with a caseload entry), kept by triggers
 * (migration 0102): what Outcomes counts of a case, indexed for each of its figures. Read-only
 * for app code.
 */
export type CaseOutcomeFactsTable = {
  case_id: number;
  client_id: number;
  assigned_advocate: string | null;
  opened_on: string;
  closed_on: string | null;
  outcome: CaseOutcome | null;
  saved_cents: number | null;
};

export type CaseOutcomeFactRow = Selectable<CaseOutcomeFactsTable>;
