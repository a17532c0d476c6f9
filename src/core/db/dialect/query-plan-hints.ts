import type { RawBuilder } from 'kysely';

/**
 * Telling the planner which index to walk, for engines whose planner lacks the statistics to
 * choose well (SQLite without ANALYZE); an engine that keeps statistics (PostgreSQL) adds nothing.
 */
export type QueryPlanHints = {
  /** Placed after the table name: walk this index, or (null) no index, for the query's sort order. */
  readonly walkIndex: (index: string | null) => RawBuilder<unknown>;
  /**
   * A column as a grouping or filter term that must not lead the planner to the column's own
   * index, so that it picks an index fitting the query's other conditions.
   */
  readonly withoutItsIndex: (column: string) => RawBuilder<unknown>;
};
