/**
 * One narrow row per event Outcomes counts (a payer decision, or a submission or correspondence
 * with a proof of delivery), not deleted and on a case with a caseload entry, kept by triggers
 * (migration 0168) with the case's advocate, payer and treatment and the event's counted details.
 * Read-only for app code.
 */
export type OutcomeEventFactsTable = {
  event_id: number;
  case_id: number;
  type: string;
  occurred_at: string;
  assigned_advocate: string | null;
  opened_on: string;
  payer: string | null;
  treatment: string;
  decision: string | null;
  level: number | null;
  reason: string | null;
  method: string | null;
  direction: string | null;
  counterpart: string | null;
};
