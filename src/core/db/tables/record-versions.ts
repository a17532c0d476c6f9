import type { Selectable } from 'kysely';

/** The records that carry a version (migration 0150): what a person edits in a form. */
export type VersionedTable = 'cases' | 'clients' | 'coverages';

/**
 * One editable record's version, kept by triggers (migration 0150) and never written by app code.
 * No row: the record has not changed since it was added (version 0).
 */
export type RecordVersionsTable = {
  table_name: VersionedTable;
  row_id: number;
  version: number;
  /** A team database's login; null in a local store, which has one person. */
  changed_by: string | null;
  /** ISO 8601, UTC. */
  changed_at: string;
};

export type RecordVersionRow = Selectable<RecordVersionsTable>;
