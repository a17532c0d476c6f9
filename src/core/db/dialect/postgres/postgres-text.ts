import { sql } from 'kysely';
import { containsPattern, type CaseInsensitiveText } from '../case-insensitive-text';

/**
 * PostgreSQL's ILIKE ignores case (https://www.postgresql.org/docs/current/functions-matching.html#FUNCTIONS-LIKE),
 * and `lower()` gives the sort key, where SQLite uses LIKE and `collate nocase`.
 */
export const postgresCaseInsensitiveText: CaseInsensitiveText = {
  contains: (text, fragment) => sql<boolean>`${text} ilike ${containsPattern(fragment)} escape '\\'`,
  // pg_trgm's GIN index answers ILIKE itself (https://www.postgresql.org/docs/current/pgtrgm.html#PGTRGM-INDEX),
  // so `contains` is already the indexed lookup and there is no separate index to ask.
  rowidsContaining: () => null,
  sortKey: (text) => sql<string>`lower(${text})`,
};
