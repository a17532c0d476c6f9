/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are frozen history, typed against no schema (Kysely's guidance) */
import type { Kysely } from 'kysely';

/**
 * The outcomes dashboard reads one period at a time: payer decisions and submissions by type and
 * date (without this, every event of every case is read), and cases by the day they closed.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('events_by_type_occurred_at')
    .on('events')
    .columns(['type', 'occurred_at'])
    .execute();
  await db.schema.createIndex('cases_closed_on').on('cases').column('closed_on').execute();
}
