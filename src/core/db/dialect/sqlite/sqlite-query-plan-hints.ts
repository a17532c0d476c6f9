import { sql } from 'kysely';
import type { QueryPlanHints } from '../query-plan-hints';

/**
 * SQLite's `INDEXED BY` and `NOT INDEXED` (https://sqlite.org/lang_indexedby.html), and the unary
 * `+` that keeps a term from constraining an index
 * (https://sqlite.org/optoverview.html#disqualifying_where_clause_terms_using_unary_).
 */
export const sqliteQueryPlanHints: QueryPlanHints = {
  // Index names come from the code's fixed lists, never from input.
  walkIndex: (index) => sql.raw(index ? `indexed by ${index}` : 'not indexed'),
  withoutIndex: (column) => sql`+${column}`,
};
