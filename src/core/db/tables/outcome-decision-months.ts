/**
 * Outcomes' payer decisions counted per UTC month (`YYYY-MM` of the decision's instant), one row
 * per advocate, payer, treatment, level, decision and, for a denial, reason (null otherwise), kept
 * by triggers from `outcome_event_facts` (migration 0205). Read-only for app code.
 */
export type OutcomeDecisionMonthsTable = {
  month: string;
  assigned_advocate: string | null;
  payer: string | null;
  treatment: string;
  level: number | null;
  decision: string | null;
  reason: string | null;
  /** How many kept decisions the row counts. */
  decisions: number;
  /** The instant of the first of them. */
  first_at: string;
};
