import type { ColumnType, Generated, Selectable } from 'kysely';

/** The actions that record a row of a table being written. */
export type RowAuditAction = 'insert' | 'update' | 'delete';

/**
 * What an entry records: a row written (insert, update, delete), an access to the data (unlock,
 * export, backup… in `src/core/audit/access-events.ts`), or a blanking of deleted records'
 * content (`blankAuditedContent` in ../audit-log.ts).
 */
export type AuditAction = RowAuditAction | 'access' | 'blank';

/**
 * Append-only: ../audit-log.ts offers no way to change or remove an entry but `blankAuditedContent`,
 * and the database's triggers (migration 0064) refuse anything else.
 */
export type AuditLogTable = {
  id: Generated<number>;
  actor: ColumnType<string, string, never>;
  at: ColumnType<string, string, never>;
  table_name: ColumnType<string, string, never>;
  row_id: ColumnType<number, number, never>;
  action: ColumnType<AuditAction, AuditAction, never>;
  /** JSON of the row before and after the change; null where there is none, or once blanked. */
  before: ColumnType<string | null, string | null, never>;
  after: ColumnType<string | null, string | null, never>;
  /** The hash chain (`audit-chain.ts`): the salt is blanked with the content, the hashes never change. */
  content_salt: ColumnType<string | null, string, never>;
  content_hash: ColumnType<string, string, never>;
  entry_hash: ColumnType<string, string, never>;
};

export type AuditEntryRow = Selectable<AuditLogTable>;
