/**
 * Tables the database keeps in step by itself, so that no code path (a service, the importer, a
 * restore, a SQL client) can leave them stale: the caseload's row per case and the search indexes.
 * Application code reads them and never writes them. How they are kept is each engine's own
 * (SQLite triggers created by the frozen migrations; PostgreSQL triggers in its own steps), and
 * each engine must keep the same tables from the same sources.
 */
export type DerivedTable = {
  readonly table: string;
  /** The tables whose changes it follows. */
  readonly follows: readonly string[];
};

export type DerivedTableUpkeep = {
  readonly derivedTables: readonly DerivedTable[];
  /** Tables the database itself refuses to let change but in one way (the append-only audit log). */
  readonly guardedTables: readonly string[];
};
