import { sql } from 'kysely';
import type { NullOrdering } from '../null-ordering';

/**
 * PostgreSQL sorts NULLs as larger than any value (https://www.postgresql.org/docs/current/queries-order.html):
 * said explicitly, they sort as SQLite sorts them.
 */
export const postgresNullOrdering: NullOrdering = {
  direction: (descending) => sql.raw(descending ? 'desc nulls last' : 'asc nulls first'),
};
