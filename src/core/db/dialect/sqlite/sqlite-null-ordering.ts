import { sql } from 'kysely';
import type { NullOrdering } from '../null-ordering';

/** SQLite's own order (https://sqlite.org/lang_select.html#the_order_by_clause): nothing to add. */
export const sqliteNullOrdering: NullOrdering = {
  direction: (descending) => sql.raw(descending ? 'desc' : 'asc'),
};
