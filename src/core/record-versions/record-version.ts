import { sql, type Expression, type Kysely } from 'kysely';
import type { AdvocaseDatabase } from '../db/schema';
import type { VersionedTable } from '../db/tables/record-versions';

/**
 * A record's version (migration 0150: moved by the database on every change to the record's
 * edited fields), with who made the change and when; 0 for a record unchanged since it was added.
 */
export type RecordVersion = {
  readonly version: number;
  /** A team database's login; null in a local store (one person) and for version 0. */
  readonly changedBy: string | null;
  readonly changedAt: string | null;
};

export async function readRecordVersion(
  db: Kysely<AdvocaseDatabase>,
  table: VersionedTable,
  id: number,
): Promise<RecordVersion> {
  const row = await db
    .selectFrom('record_versions')
    .select(['version', 'changed_by', 'changed_at'])
    .where('table_name', '=', table)
    .where('row_id', '=', id)
    .executeTakeFirst();
  return row
    ? { version: Number(row.version), changedBy: row.changed_by, changedAt: row.changed_at }
    : { version: 0, changedBy: null, changedAt: null };
}

/**
 * The version of each row of `table` a query reads, as a column (`.select(versionOf('cases',
 * 'cases.id'))`), so a list gives each record the version a form edited from it sends back.
 */
export function versionOf(table: VersionedTable, idColumn: string) {
  const id: Expression<number> = sql.ref(idColumn);
  return sql<number>`coalesce((select rv.version from record_versions rv where rv.table_name = ${table} and rv.row_id = ${id}), 0)`.as(
    'version',
  );
}
