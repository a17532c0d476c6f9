import { sql } from 'kysely';
import type { QueryPlanHints } from '../query-plan-hints';

/** SQLite's `INDEXED BY` and `NOT INDEXED` (https://sqlite.org/lang_indexedby.html). */
export const sqliteQueryPlanHints: QueryPlanHints = {
  // Index names come from the code's fixed lists, never from input.
  walkIndex: (index) => sql.raw(index ? `indexed by ${index}` : 'not indexed'),
};
