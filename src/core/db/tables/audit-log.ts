import type { ColumnType, Generated, Insertable, Kysely, Selectable } from 'kysely';
import type { AdvocaseDatabase } from '../schema';

export type AuditAction = 'insert' | 'update' | 'delete';

/** Append-only: this module offers no way to change or remove an entry. */
export type AuditLogTable = {
  id: Generated<number>;
  actor: ColumnType<string, string, never>;
  at: ColumnType<string, string, never>;
  table_name: ColumnType<string, string, never>;
  row_id: ColumnType<number, number, never>;
  action: ColumnType<AuditAction, AuditAction, never>;
  /** JSON of the row before and after the change; null where there is none. */
  before: ColumnType<string | null, string | null, never>;
  after: ColumnType<string | null, string | null, never>;
};

export type AuditEntryRow = Selectable<AuditLogTable>;

export type AuditEntry = {
  readonly actor: string;
  readonly tableName: string;
  readonly rowId: number;
  readonly action: AuditAction;
  readonly before: unknown;
  readonly after: unknown;
};

export async function appendAuditEntry(db: Kysely<AdvocaseDatabase>, entry: AuditEntry): Promise<void> {
  const row: Insertable<AuditLogTable> = {
    actor: entry.actor,
    at: new Date().toISOString(),
    table_name: entry.tableName,
    row_id: entry.rowId,
    action: entry.action,
    before: entry.before == null ? null : JSON.stringify(entry.before),
    after: entry.after == null ? null : JSON.stringify(entry.after),
  };
  await db.insertInto('audit_log').values(row).execute();
}

/**
 * The one change ever made to written entries: when a record is deleted for good, the copies of
 * its content that earlier entries hold are blanked, so "deleted" means deleted (health data is
 * not kept once the user has chosen to remove it). Who did what and when stays.
 */
export async function redactAuditedContent(
  db: Kysely<AdvocaseDatabase>,
  tableName: string,
  rowIds: readonly number[],
): Promise<void> {
  if (rowIds.length === 0) return;
  await db
    .updateTable('audit_log')
    // Typed as never-updatable to keep every other caller append-only; this is the deliberate exception.
    .set({ before: null, after: null } as never)
    .where('table_name', '=', tableName)
    .where('row_id', 'in', rowIds)
    .execute();
}

/** Many inserts at once, as one statement per few hundred (the CSV import writes thousands). */
export async function appendAuditEntries(
  db: Kysely<AdvocaseDatabase>,
  entries: readonly AuditEntry[],
): Promise<void> {
  const at = new Date().toISOString();
  const rows: Array<Insertable<AuditLogTable>> = entries.map((entry) => ({
    actor: entry.actor,
    at,
    table_name: entry.tableName,
    row_id: entry.rowId,
    action: entry.action,
    before: entry.before == null ? null : JSON.stringify(entry.before),
    after: entry.after == null ? null : JSON.stringify(entry.after),
  }));
  for (let start = 0; start < rows.length; start += 500) {
    await db
      .insertInto('audit_log')
      .values(rows.slice(start, start + 500))
      .execute();
  }
}
