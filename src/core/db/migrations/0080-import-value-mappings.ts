/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are frozen history, typed against no schema (Kysely's guidance) */
import type { Kysely } from 'kysely';

/**
 * Besides its columns, each import source remembers how its values map to
 * Advocase's vocabulary ("Employer (self-funded)" → employer-self-funded), so the next file from
 * it asks only about values it has not seen.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('import_mappings')
    .addColumn('value_mappings', 'text', (column) => column.notNull().defaultTo('{}'))
    .execute();
}
