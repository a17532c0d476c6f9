/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are frozen history, typed against no schema (Kysely's guidance) */
import type { Kysely } from 'kysely';

/**
 * When a deadline's awaited event happened, even late: a payer's decision that came after its
 * deadline leaves the deadline missed for the record, but it is no longer work on the agenda.
 * Rows are rewritten by the next recompute of their case.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('case_deadlines').addColumn('answered_on', 'text').execute();
}
