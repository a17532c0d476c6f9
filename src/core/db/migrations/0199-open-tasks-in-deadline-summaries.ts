/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are frozen history, typed against no schema (Kysely's guidance) */
import { sql, type Kysely } from 'kysely';

/**
 * A case's open dated tasks (a promise from a call, the advocate's own date) now count in its
 * next date and overdue work (core/deadlines/open-work.ts), which the caseload's "Next deadline"
 * column copies from `case_deadline_summaries`. Summaries written before left them out. Those of
 * cases with an open dated task are marked to be computed again (judged on no day, in no time
 * zone), and a partial index finds the marked ones, so the status refresh after each unlock
 * recomputes just them (core/deadlines/daily-refresh.ts) rather than every case of a large store.
 * The same statements on both engines; the PostgreSQL chain has this step under the same name.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`UPDATE case_deadline_summaries SET as_of = '0000-00-00', time_zone = ''
    WHERE case_id IN (SELECT case_id FROM tasks WHERE due_on IS NOT NULL AND done_at IS NULL)`.execute(db);
  await sql`CREATE INDEX IF NOT EXISTS case_deadline_summaries_to_recompute ON case_deadline_summaries (case_id)
    WHERE time_zone = ''`.execute(db);
}
