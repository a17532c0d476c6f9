import { sql } from 'kysely';
import type { QueryPlanHints } from '../query-plan-hints';

/** PostgreSQL keeps statistics and chooses the index itself: no hint is written. */
export const postgresQueryPlanHints: QueryPlanHints = {
  walkIndex: () => sql``,
  withoutItsIndex: (column) => sql.ref(column),
};
