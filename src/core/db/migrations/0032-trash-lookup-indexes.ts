/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are frozen history, typed against no schema (Kysely's guidance) */
import { sql, type Kysely } from 'kysely';

/**
 * Finding what is in the trash without reading every row: partial indexes hold only trashed
 * rows, so the purge run after each unlock costs milliseconds at 1,000,000 events. SQLite uses
 * them for any comparison on deleted_at (https://www.sqlite.org/partialindex.html, §2.2).
 */
export async function up(db: Kysely<any>): Promise<void> {
  for (const table of ['clients', 'cases', 'events']) {
    await sql
      .raw(`CREATE INDEX ${table}_in_trash ON ${table} (deleted_at) WHERE deleted_at IS NOT NULL`)
      .execute(db);
  }
}
