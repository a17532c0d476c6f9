/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are frozen history, typed against no schema (Kysely's guidance) */
import type { Kysely } from 'kysely';

/** The CSV column mapping last used for each import source, so the next file from it maps itself. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('import_mappings')
    .addColumn('source_key', 'text', (column) => column.primaryKey())
    .addColumn('mapping', 'text', (column) => column.notNull())
    .addColumn('updated_at', 'text', (column) => column.notNull())
    .execute();
}
