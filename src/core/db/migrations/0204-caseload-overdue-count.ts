/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are frozen history, typed against no schema (Kysely's guidance) */
import type { Kysely } from 'kysely';

/**
 * The caseload's "has an overdue deadline" filter reads the entries' own overdue count (migration
 * 0033 keeps it equal to the deadline summary's). With (overdue_count, stage_rank) indexed, its
 * stage counts read only index entries, as 0006's indexes do for the other filters.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('caseload_entries_count_overdue')
    .on('caseload_entries')
    .columns(['overdue_count', 'stage_rank'])
    .execute();
}
