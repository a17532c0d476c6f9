import { sql, type Kysely } from 'kysely';
import { editedColumns } from '../../../migrations/0150-record-versions';

/**
 * The PostgreSQL half of 0150 (the SQLite chain's `0150-record-versions.ts` says why): the same
 * table, moved by a PL/pgSQL row trigger on the same columns, with who made the change
 * (`session_user`: the person's own login, whatever program they used) and when.
 *
 * The function runs as the owner (SECURITY DEFINER, schema fixed), so a person whose save moves a
 * version needs no right to write versions themselves and cannot forge one. Team mode's
 * `0155-record-versions-for-the-team` carries the versions kept since 0148 over and lets the team
 * read them.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const { rows } = await sql<{ schema: string }>`SELECT current_schema() AS schema`.execute(db);
  await db.schema
    .createTable('record_versions')
    .addColumn('table_name', 'text', (column) => column.notNull())
    .addColumn('row_id', 'bigint', (column) => column.notNull())
    .addColumn('version', 'bigint', (column) => column.notNull())
    .addColumn('changed_by', 'text')
    .addColumn('changed_at', 'text', (column) => column.notNull())
    .addPrimaryKeyConstraint('record_versions_pkey', ['table_name', 'row_id'])
    .execute();
  await sql
    .raw(
      `CREATE FUNCTION record_versions_follow() RETURNS trigger LANGUAGE plpgsql
       SECURITY DEFINER SET search_path = "${rows[0]!.schema}", pg_temp AS $fn$
       BEGIN
         IF TG_OP = 'DELETE' THEN
           DELETE FROM record_versions WHERE table_name = TG_TABLE_NAME AND row_id = OLD.id;
         ELSE
           INSERT INTO record_versions (table_name, row_id, version, changed_by, changed_at)
           VALUES (TG_TABLE_NAME, NEW.id, 1, session_user,
                   to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))
           ON CONFLICT (table_name, row_id) DO UPDATE SET version = record_versions.version + 1,
             changed_by = excluded.changed_by, changed_at = excluded.changed_at;
         END IF;
         RETURN NULL;
       END $fn$`,
    )
    .execute(db);
  await sql`REVOKE ALL ON FUNCTION record_versions_follow() FROM PUBLIC`.execute(db);
  for (const [table, columns] of Object.entries(editedColumns)) {
    await sql
      .raw(
        `CREATE TRIGGER record_versions_${table}_follow AFTER UPDATE OF ${columns.join(', ')} OR DELETE ON ${table}
         FOR EACH ROW EXECUTE FUNCTION record_versions_follow()`,
      )
      .execute(db);
  }
}
