import pg from 'pg';

/** The records that carry a version in a team database (migration 0148-team-row-versions). */
export type VersionedTable = 'cases' | 'clients' | 'coverages';

/** Who last changed a record, and when, for "Changed by J. Rivera at 14:02". */
export type RecordVersion = {
  readonly version: number;
  readonly changedBy: string | null;
  readonly changedByName: string | null;
  readonly changedAt: Date | null;
};

export type VersionedUpdate =
  | { readonly saved: true; readonly version: number }
  | { readonly saved: false; readonly current: RecordVersion };

/** A record's version now; 0 for one never changed in team mode. */
export async function readRecordVersion(
  client: pg.ClientBase,
  table: VersionedTable,
  id: number,
): Promise<RecordVersion> {
  const { rows } = await client.query<{
    version: string;
    changed_by: string;
    full_name: string | null;
    changed_at: Date;
  }>(
    `SELECT v.version, v.changed_by, m.full_name, v.changed_at
     FROM team_row_versions v LEFT JOIN team_members m ON m.login = v.changed_by
     WHERE v.table_name = $1 AND v.row_id = $2`,
    [table, id],
  );
  const row = rows[0];
  return row
    ? {
        version: Number(row.version),
        changedBy: row.changed_by,
        changedByName: row.full_name,
        changedAt: row.changed_at,
      }
    : { version: 0, changedBy: null, changedByName: null, changedAt: null };
}

/**
 * Saves `changes` to a record only if it is still at the version the person saw, in one
 * transaction that locks the record first, so two saves from the same version cannot both pass:
 * the second is refused with who changed it and when, and changes nothing. The policies still
 * decide whether the person may change the record at all (no row: nothing saved, no conflict).
 */
export async function updateUnlessChanged(
  client: pg.ClientBase,
  table: VersionedTable,
  id: number,
  seenVersion: number,
  changes: Readonly<Record<string, unknown>>,
): Promise<VersionedUpdate> {
  const columns = Object.keys(changes);
  if (columns.length === 0) throw new Error('Nothing to save.');
  const name = pg.escapeIdentifier(table);
  await client.query('BEGIN');
  try {
    const locked = await client.query(`SELECT 1 FROM ${name} WHERE id = $1 FOR UPDATE`, [id]);
    if (locked.rowCount === 0) throw new Error(`No ${table} record ${id} that you may change.`);
    const current = await readRecordVersion(client, table, id);
    if (current.version !== seenVersion) {
      await client.query('ROLLBACK');
      return { saved: false, current };
    }
    const assignments = columns.map((column, index) => `${pg.escapeIdentifier(column)} = $${index + 2}`);
    await client.query(`UPDATE ${name} SET ${assignments.join(', ')} WHERE id = $1`, [
      id,
      ...columns.map((column) => changes[column]),
    ]);
    const { version } = await readRecordVersion(client, table, id);
    await client.query('COMMIT');
    return { saved: true, version };
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  }
}
