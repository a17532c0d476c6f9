import { sql } from 'kysely';
import type { RecordEditing } from '../record-editing';

/**
 * A team database: the record's row lock (`FOR UPDATE`, held until commit) makes a second save of
 * the same record wait, then read the version the first one left. Who changed it is a login
 * (`record_versions.changed_by`, written by the trigger from `session_user`), shown by the
 * person's name on the team list; the reader's own login means another window of theirs.
 */
export const postgresRecordEditing: RecordEditing = {
  async lockForEdit(trx, table, id) {
    await sql`SELECT 1 FROM ${sql.table(table)} WHERE id = ${id} FOR UPDATE`.execute(trx);
  },
  async nameOfEditor(db, changedBy) {
    if (changedBy === null) return null;
    const { rows } = await sql<{ is_reader: boolean; full_name: string | null }>`
      SELECT ${changedBy} = session_user AS is_reader,
             (SELECT full_name FROM team_members WHERE login = ${changedBy}) AS full_name`.execute(db);
    const row = rows[0];
    if (!row || row.is_reader) return null;
    return row.full_name ?? changedBy;
  },
};
