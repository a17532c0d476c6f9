import type { ColumnType, Generated, Selectable } from 'kysely';

/**
 * A run of audit-log entries (ids first..last, written in one transaction) that is one edit as
 * the user sees it, or the entries an undo wrote. Entries outside any group are edits of their own.
 */
export type EditGroupsTable = {
  id: Generated<number>;
  actor: ColumnType<string, string, never>;
  at: ColumnType<string, string, never>;
  /** `edit`: something the user did; `undo`: what an undo wrote (never itself undone). */
  kind: ColumnType<'edit' | 'undo', 'edit' | 'undo', never>;
  /** What the user sees in the Undo menu, e.g. "Moved client Maria Lopez to the trash". */
  label: string;
  first_audit_id: ColumnType<number, number, never>;
  last_audit_id: ColumnType<number, number, never>;
  undone_at: string | null;
};

export type EditGroupRow = Selectable<EditGroupsTable>;
