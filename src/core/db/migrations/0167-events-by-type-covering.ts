/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are frozen history, typed against no schema (Kysely's guidance) */
import type { Kysely } from 'kysely';

/**
 * Outcomes reads a year's payer decisions by type and date (0053's index), and every payer
 * decision of the cases decided in the year to find each case's first one. At 100,000 cases these
 * are ~18,000 and 20,000 events scattered over a million, and reading each row's page for its case
 * and deletion mark was most of the time (disk-bound: 1.4–3.3 s for the two reads under load).
 * The same index with the case and the deletion mark lets those reads stay in the index. It
 * replaces 0053's, whose columns are its first two.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('events_by_type_occurred_at_case')
    .on('events')
    .columns(['type', 'occurred_at', 'case_id', 'deleted_at'])
    .execute();
  await db.schema.dropIndex('events_by_type_occurred_at').execute();
}
