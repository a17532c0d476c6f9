import { sql, type Kysely } from 'kysely';

/**
 * The PostgreSQL half of 0102 (the SQLite chain's `0102-case-outcome-facts.ts` says why the table
 * exists): one narrow row per live case with what Outcomes counts of it, indexed for each figure.
 * The same table, rows and indexes; the triggers are PL/pgSQL, firing on the same changes as
 * SQLite's and writing the same rows (checked by derived-tables-match.test.ts):
 * - an entry inserted into `caseload_entries` (its case became live, or was rebuilt) gets its row
 *   read again from `cases`; an entry deleted takes its row away; an entry's case id changed moves it;
 * - a change to the case's counted columns that leaves its entry as it is (a closing recorded
 *   without touching what the caseload shows) is copied into the row.
 */
const columns = 'case_id, client_id, assigned_advocate, opened_on, closed_on, outcome, saved_cents';
const facts =
  'SELECT id, client_id, assigned_advocate, opened_on, closed_on, outcome, saved_cents FROM cases';

const indexes: ReadonlyArray<readonly [name: string, columns: readonly string[]]> = [
  ['case_outcome_facts_by_client', ['client_id', 'opened_on', 'closed_on']],
  ['case_outcome_facts_by_advocate_client', ['assigned_advocate', 'client_id', 'opened_on', 'closed_on']],
  ['case_outcome_facts_by_opened_on', ['opened_on']],
  ['case_outcome_facts_by_advocate_opened_on', ['assigned_advocate', 'opened_on']],
  ['case_outcome_facts_by_closed_on', ['closed_on', 'outcome', 'saved_cents']],
  ['case_outcome_facts_by_advocate_closed_on', ['assigned_advocate', 'closed_on', 'outcome', 'saved_cents']],
];

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('case_outcome_facts')
    .addColumn('case_id', 'bigint', (column) => column.primaryKey())
    .addColumn('client_id', 'bigint', (column) => column.notNull())
    .addColumn('assigned_advocate', 'text')
    .addColumn('opened_on', 'text', (column) => column.notNull())
    .addColumn('closed_on', 'text')
    .addColumn('outcome', 'text')
    .addColumn('saved_cents', 'bigint')
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
  // SQLite's case_outcome_facts_insert, _delete and _update (UPDATE OF case_id), in one function.
  await sql
    .raw(
      `CREATE FUNCTION case_outcome_facts_follow_entries() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
         IF TG_OP IN ('DELETE', 'UPDATE') THEN
           DELETE FROM case_outcome_facts WHERE case_id = OLD.case_id;
         END IF;
         IF TG_OP IN ('INSERT', 'UPDATE') THEN
           DELETE FROM case_outcome_facts WHERE case_id = NEW.case_id;
           INSERT INTO case_outcome_facts (${columns}) ${facts} WHERE id = NEW.case_id;
         END IF;
         RETURN NULL;
       END $$`,
    )
    .execute(db);
  await sql`CREATE TRIGGER case_outcome_facts_follow_entries
              AFTER INSERT OR UPDATE OF case_id OR DELETE ON caseload_entries
              FOR EACH ROW EXECUTE FUNCTION case_outcome_facts_follow_entries()`.execute(db);
  // SQLite's case_outcome_facts_cases_update.
  await sql`CREATE FUNCTION case_outcome_facts_follow_cases() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
              UPDATE case_outcome_facts SET client_id = NEW.client_id,
                assigned_advocate = NEW.assigned_advocate, opened_on = NEW.opened_on,
                closed_on = NEW.closed_on, outcome = NEW.outcome, saved_cents = NEW.saved_cents
              WHERE case_id = NEW.id;
              RETURN NULL;
            END $$`.execute(db);
  await sql`CREATE TRIGGER case_outcome_facts_follow_cases
              AFTER UPDATE OF client_id, assigned_advocate, opened_on, closed_on, outcome, saved_cents ON cases
              FOR EACH ROW EXECUTE FUNCTION case_outcome_facts_follow_cases()`.execute(db);
}
