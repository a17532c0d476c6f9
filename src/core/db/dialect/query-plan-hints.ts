import type { RawBuilder } from 'kysely';

/**
 * Telling the planner which index to walk, for engines whose planner lacks the statistics to
 * choose well (SQLite without ANALYZE); an engine that keeps statistics (PostgreSQL) adds nothing.
 */
export type QueryPlanHints = {
  /** Placed after the table name: walk this index, or (null) no index, for the query's sort order. */
  readonly walkIndex: (index: string | null) => RawBuilder<unknown>;
  /**
   * The column, compared or grouped by without its index, so that the planner starts from the
   * index that fits the query's other conditions (another table's, or a covering one) and reads
   * this column from the rows it finds.
   */
  readonly withoutIndex: <Value>(column: RawBuilder<Value>) => RawBuilder<Value>;
};
