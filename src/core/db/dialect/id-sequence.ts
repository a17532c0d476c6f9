import type { Kysely } from 'kysely';

/**
 * The counter behind a table's generated ids, which engines keep in different places (SQLite's
 * sqlite_sequence for AUTOINCREMENT, a PostgreSQL sequence for an identity column). The audit
 * log's check reads it to see that no newest entries were removed.
 */
export type IdSequence = {
  /** The highest id ever handed out for `table`'s rows (0 when none was). */
  readonly highestIdIssued: <Database>(db: Kysely<Database>, table: string) => Promise<number>;
};
