import type { RawBuilder } from 'kysely';

/**
 * Telling the planner which index to walk, for engines whose planner lacks the statistics to
 * choose well (SQLite without ANALYZE); an engine that keeps statistics (PostgreSQL) adds nothing.
 */
export type QueryPlanHints = {
  /** Placed after the table name: walk this index, or (null) no index, for the query's sort order. */
  readonly walkIndex: (index: string | null) => RawBuilder<unknown>;
  /**
   * The column, compared without its index: the query starts from another table's index (the
   * one that narrows the rows) and looks this table's rows up by key.
   */
  readonly withoutIndex: <Value>(column: RawBuilder<Value>) => RawBuilder<Value>;
};
