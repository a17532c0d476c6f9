import { sql } from 'kysely';
import type { QueryPlanHints } from '../query-plan-hints';

/** SQLite's `INDEXED BY` and `NOT INDEXED` (https://sqlite.org/lang_indexedby.html). */
export const sqliteQueryPlanHints: QueryPlanHints = {
  // Index names come from the code's fixed lists, never from input.
  walkIndex: (index) => sql.raw(index ? `indexed by ${index}` : 'not indexed'),
  // A unary + makes the term an expression, which no index on the column serves
  // (https://sqlite.org/optoverview.html#disqualifying_where_clause_terms_using_unary_).
  withoutItsIndex: (column) => sql`+${sql.ref(column)}`,
};
