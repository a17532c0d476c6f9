import type { Kysely } from 'kysely';
import type { VersionedTable } from '../tables/record-versions';

/**
 * What saving a record that several people (or windows) may edit needs, which engines do
 * differently (docs/team-mode.md, "Two people editing at once"; src/core/record-versions/).
 */
export type RecordEditing = {
  /**
   * Waits, inside `trx`, until no other transaction is saving this record; the turn ends with
   * `trx`. So a save that finds the version it was edited from cannot be overtaken before it writes.
   */
  readonly lockForEdit: <Database>(trx: Kysely<Database>, table: VersionedTable, id: number) => Promise<void>;
  /**
   * Who made a change, as the person reading it should see them: a colleague's full name, or null
   * when it was the reader themselves (another window of theirs; a local store's only person).
   */
  readonly nameOfEditor: <Database>(db: Kysely<Database>, changedBy: string | null) => Promise<string | null>;
};
