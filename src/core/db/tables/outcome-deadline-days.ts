/**
 * The advocate's own legal deadlines (the claimant's, kind "rule") of the live cases counted per
 * day that counts (the override, else the computed day), advocate ('' when none) and a standing
 * that needs neither today nor the user's time zone: `met`, `marked done` (done on or after the
 * day in UTC: judged from its rows), `not-tracked`, `answered late`, `unanswered`. Kept by triggers
 * (migration 0207). Read-only for app code.
 */
export type OutcomeDeadlineDaysTable = {
  due_on: string;
  advocate: string;
  standing: 'met' | 'marked done' | 'not-tracked' | 'answered late' | 'unanswered';
  /** How many deadlines the row counts (0 once all it counted are gone). */
  deadlines: number;
};
