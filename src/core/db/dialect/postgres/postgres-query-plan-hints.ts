import { sql } from 'kysely';
import type { QueryPlanHints } from '../query-plan-hints';

/** PostgreSQL keeps statistics and chooses the index itself: no hint is written. */
export const postgresQueryPlanHints: QueryPlanHints = {
  walkIndex: () => sql``,
  // The bare column: the planner weighs its index against the others from their statistics.
  withoutIndex: (column) => column,
};
