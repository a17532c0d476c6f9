/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are frozen history, typed against no schema (Kysely's guidance) */
import { sql, type Kysely } from 'kysely';

/**
 * A case's open dated tasks (a promise from a call, the advocate's own date) now count in its
 * next date and overdue work (core/deadlines/open-work.ts), which the caseload's "Next deadline"
 * column copies from `case_deadline_summaries`. Summaries written before left them out. Those of
 * cases with an open dated task are marked as judged on no day in no time zone, and the day of
 * the last status refresh is forgotten, so the refresh that follows the next unlock computes them
 * again (core/deadlines/daily-refresh.ts). Data only: the same statements on both engines, and
 * the PostgreSQL chain has this step under the same name.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`UPDATE case_deadline_summaries SET as_of = '0000-00-00', time_zone = ''
    WHERE case_id IN (SELECT case_id FROM tasks WHERE due_on IS NOT NULL AND done_at IS NULL)`.execute(db);
  await sql`DELETE FROM settings WHERE key = 'deadlines.statusesRefreshed'`.execute(db);
}
