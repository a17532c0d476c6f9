/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are frozen history, typed against no schema (Kysely's guidance) */
import { sql, type Kysely } from 'kysely';

/**
 * The caseload's stage counts without a filter, kept as they change. The caseload shows a count
 * per stage above every page; counted from the index on each query it cost 13.5 ms of a 21 ms
 * sort at 100,000 cases, growing with the caseload. `caseload_stage_counts` holds one row per
 * stage rank, moved by triggers on `caseload_entries` itself, so every path that changes an entry
 * (the triggers of 0004/0005/0070, an import, undo, the trash) moves the counts with it. The trigger
 * bodies are SQLite; a PostgreSQL store would keep the same table with its own triggers.
 */
const triggers: ReadonlyArray<readonly [name: string, definition: string]> = [
  [
    'caseload_stage_counts_insert',
    `AFTER INSERT ON caseload_entries BEGIN
       INSERT INTO caseload_stage_counts (stage_rank, total) VALUES (new.stage_rank, 1)
         ON CONFLICT (stage_rank) DO UPDATE SET total = total + 1; END`,
  ],
  [
    'caseload_stage_counts_delete',
    `AFTER DELETE ON caseload_entries BEGIN
       UPDATE caseload_stage_counts SET total = total - 1 WHERE stage_rank = old.stage_rank; END`,
  ],
  [
    'caseload_stage_counts_update',
    `AFTER UPDATE OF stage_rank ON caseload_entries WHEN old.stage_rank IS NOT new.stage_rank BEGIN
       UPDATE caseload_stage_counts SET total = total - 1 WHERE stage_rank = old.stage_rank;
       INSERT INTO caseload_stage_counts (stage_rank, total) VALUES (new.stage_rank, 1)
         ON CONFLICT (stage_rank) DO UPDATE SET total = total + 1; END`,
  ],
];

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('caseload_stage_counts')
    .addColumn('stage_rank', 'integer', (column) => column.primaryKey())
    .addColumn('total', 'integer', (column) => column.notNull())
    .execute();
  await sql`INSERT INTO caseload_stage_counts (stage_rank, total)
            SELECT stage_rank, count(*) FROM caseload_entries GROUP BY stage_rank`.execute(db);
  for (const [name, definition] of triggers) {
    await sql.raw(`CREATE TRIGGER ${name} ${definition}`).execute(db);
  }
}
