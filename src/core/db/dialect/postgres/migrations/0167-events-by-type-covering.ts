/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are frozen history, typed against no schema (Kysely's guidance) */
import type { Kysely } from 'kysely';

/**
 * The PostgreSQL half of 0167 (the SQLite chain's `0167-events-by-type-covering.ts` says why):
 * the events' type-and-date index also holds the case and the deletion mark, so a year's payer
 * decisions and their cases are read by an index-only scan.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('events_by_type_occurred_at_case')
    .on('events')
    .columns(['type', 'occurred_at', 'case_id', 'deleted_at'])
    .execute();
  await db.schema.dropIndex('events_by_type_occurred_at').execute();
}
