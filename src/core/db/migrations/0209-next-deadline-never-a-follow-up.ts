/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are frozen history, typed against no schema (Kysely's guidance) */
import { sql, type Kysely } from 'kysely';

/**
 * A case's next deadline is now its nearest legal deadline (shared/domain/next-deadline.ts): a
 * follow-up, overdue or not, no longer takes its place, nor does a date the payer already missed.
 * The caseload's "Next deadline" copies it from `case_deadline_summaries`, and summaries written
 * before may name a follow-up's date or the payer's missed one. Those of cases with an open dated
 * task or a payer's deadline are marked to be computed again, as 0199 did (the partial index it
 * made finds them), so the status refresh after the next unlock recomputes just them.
 * The same statement on both engines; the PostgreSQL chain has this step under the same name.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`UPDATE case_deadline_summaries SET as_of = '0000-00-00', time_zone = ''
    WHERE case_id IN (SELECT case_id FROM tasks WHERE due_on IS NOT NULL AND done_at IS NULL)
       OR case_id IN (SELECT case_id FROM case_deadlines WHERE actor = 'payer' AND status = 'missed')`.execute(
    db,
  );
}
