/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are frozen history, typed against no schema (Kysely's guidance) */
import type { Kysely } from 'kysely';

/**
 * The PostgreSQL half of 0204 (the SQLite chain's `0204-caseload-overdue-count.ts` says why): the
 * overdue filter's stage counts read the entries' (overdue_count, stage_rank) index alone.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('caseload_entries_count_overdue')
    .on('caseload_entries')
    .columns(['overdue_count', 'stage_rank'])
    .execute();
}
