/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are frozen history, typed against no schema (Kysely's guidance) */
import { sql, type Kysely } from 'kysely';

/**
 * A number that moves whenever any caseload entry changes, so what was counted from the entries
 * (the stage counts of a filtered view or a quick filter: 0.1–0.4 s at 100,000 cases, growing with
 * the caseload) can be kept and reused until it moves. One row; triggers on `caseload_entries`
 * itself, so every path that changes an entry (the triggers that keep it, an import, undo, the
 * trash, another user of a shared store) moves it. The trigger bodies are SQLite; a PostgreSQL
 * store keeps the same table with its own triggers.
 */
const bump = 'UPDATE caseload_changes SET generation = generation + 1;';

const triggers: ReadonlyArray<readonly [name: string, definition: string]> = [
  ['caseload_changes_insert', `AFTER INSERT ON caseload_entries BEGIN ${bump} END`],
  ['caseload_changes_update', `AFTER UPDATE ON caseload_entries BEGIN ${bump} END`],
  ['caseload_changes_delete', `AFTER DELETE ON caseload_entries BEGIN ${bump} END`],
];

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('caseload_changes')
    .addColumn('generation', 'integer', (column) => column.notNull())
    .execute();
  await sql`INSERT INTO caseload_changes (generation) VALUES (0)`.execute(db);
  for (const [name, definition] of triggers) {
    await sql.raw(`CREATE TRIGGER ${name} ${definition}`).execute(db);
  }
}
