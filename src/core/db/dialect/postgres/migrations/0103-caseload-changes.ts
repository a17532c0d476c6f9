import { sql, type Kysely } from 'kysely';

/**
 * The PostgreSQL half of 0103 (the SQLite chain's `0103-caseload-changes.ts` says why): one row
 * whose number moves with every row inserted, updated or deleted in `caseload_entries`, whoever
 * changes it, so the caseload's kept counts (caseload-count-cache.ts) are never older than the
 * entries. A row trigger, as SQLite's are: it moves when an entry changes, and never otherwise.
 * The row is locked by each transaction that changes entries until it ends, as the stage counts'
 * rows already are (0101's caseload_stage_counts_follow_entries).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('caseload_changes')
    .addColumn('generation', 'bigint', (column) => column.notNull())
    .execute();
  await sql`INSERT INTO caseload_changes (generation) VALUES (0)`.execute(db);
  await sql`CREATE FUNCTION caseload_changes_follow_entries() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
              UPDATE caseload_changes SET generation = generation + 1;
              RETURN NULL;
            END $$`.execute(db);
  await sql`CREATE TRIGGER caseload_changes_follow_entries
              AFTER INSERT OR UPDATE OR DELETE ON caseload_entries
              FOR EACH ROW EXECUTE FUNCTION caseload_changes_follow_entries()`.execute(db);
}
