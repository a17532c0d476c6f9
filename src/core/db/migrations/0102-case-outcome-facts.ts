/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are frozen history, typed against no schema (Kysely's guidance) */
import { sql, type Kysely } from 'kysely';

/**
 * What Outcomes counts of each live case, in a narrow row of its own. The dashboard's case figures
 * (opened and closed by month, active cases and the clients they serve, how closed cases ended)
 * read the case's advocate, client, opening and closing days, outcome and money saved; joined from
 * `caseload_entries` (which has no closing day) to the wide `cases` rows, a year at 100,000 cases
 * read every case row (0.4 s per figure, growing with the caseload). Here each figure is a walk of
 * one covering index.
 *
 * A row exists exactly while the case has a caseload entry (live, and its client too), so Outcomes
 * and the caseload count the same cases. The triggers follow `caseload_entries` (every change to a
 * case, client or coverage replaces its entries) and, for a closing recorded by an update that
 * leaves the entry as it is, `cases` itself. The trigger bodies are SQLite; a PostgreSQL store
 * keeps the same table with its own triggers (sqlite-derived-tables.ts lists them).
 */
const facts = `SELECT id, client_id, assigned_advocate, opened_on, closed_on, outcome, saved_cents FROM cases`;
const columns = 'case_id, client_id, assigned_advocate, opened_on, closed_on, outcome, saved_cents';

const triggers: ReadonlyArray<readonly [name: string, definition: string]> = [
  [
    'case_outcome_facts_insert',
    `AFTER INSERT ON caseload_entries BEGIN
       DELETE FROM case_outcome_facts WHERE case_id = new.case_id;
       INSERT INTO case_outcome_facts (${columns}) ${facts} WHERE id = new.case_id; END`,
  ],
  [
    'case_outcome_facts_delete',
    `AFTER DELETE ON caseload_entries BEGIN
       DELETE FROM case_outcome_facts WHERE case_id = old.case_id; END`,
  ],
  [
    'case_outcome_facts_update',
    `AFTER UPDATE OF case_id ON caseload_entries BEGIN
       DELETE FROM case_outcome_facts WHERE case_id IN (old.case_id, new.case_id);
       INSERT INTO case_outcome_facts (${columns}) ${facts} WHERE id = new.case_id; END`,
  ],
  [
    'case_outcome_facts_cases_update',
    `AFTER UPDATE OF client_id, assigned_advocate, opened_on, closed_on, outcome, saved_cents ON cases BEGIN
       UPDATE case_outcome_facts SET client_id = new.client_id, assigned_advocate = new.assigned_advocate,
         opened_on = new.opened_on, closed_on = new.closed_on, outcome = new.outcome, saved_cents = new.saved_cents
       WHERE case_id = new.id; END`,
  ],
];

/**
 * One index per figure, each holding every column its query reads: the clients served are
 * counted in client order (no sort of every case to find the distinct ones).
 */
const indexes: ReadonlyArray<readonly [name: string, columns: readonly string[]]> = [
  ['case_outcome_facts_by_client', ['client_id', 'opened_on', 'closed_on']],
  ['case_outcome_facts_by_advocate_client', ['assigned_advocate', 'client_id', 'opened_on', 'closed_on']],
  ['case_outcome_facts_by_opened_on', ['opened_on']],
  ['case_outcome_facts_by_advocate_opened_on', ['assigned_advocate', 'opened_on']],
  ['case_outcome_facts_by_closed_on', ['closed_on', 'outcome', 'saved_cents']],
  ['case_outcome_facts_by_advocate_closed_on', ['assigned_advocate', 'closed_on', 'outcome', 'saved_cents']],
];

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('case_outcome_facts')
    .addColumn('case_id', 'integer', (column) => column.primaryKey())
    .addColumn('client_id', 'integer', (column) => column.notNull())
    .addColumn('assigned_advocate', 'text')
    .addColumn('opened_on', 'text', (column) => column.notNull())
    .addColumn('closed_on', 'text')
    .addColumn('outcome', 'text')
    .addColumn('saved_cents', 'integer')
    .execute();
  await sql
    .raw(
      `INSERT INTO case_outcome_facts (${columns}) ${facts} WHERE id IN (SELECT case_id FROM caseload_entries)`,
    )
    .execute(db);
  for (const [name, indexColumns] of indexes) {
    await db.schema
      .createIndex(name)
      .on('case_outcome_facts')
      .columns([...indexColumns])
      .execute();
  }
  for (const [name, definition] of triggers) {
    await sql.raw(`CREATE TRIGGER ${name} ${definition}`).execute(db);
  }
}
