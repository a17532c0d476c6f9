import { sql } from 'kysely';
import { containsPattern, type CaseInsensitiveText } from '../case-insensitive-text';

/**
 * SQLite's LIKE ignores the case of ASCII letters (https://sqlite.org/lang_expr.html#like), and
 * `collate nocase` sorts the same way.
 */
export const sqliteCaseInsensitiveText: CaseInsensitiveText = {
  contains: (text, fragment) => sql<boolean>`${text} like ${containsPattern(fragment)} escape '\\'`,
  sortKey: (text) => sql<string>`${text} collate nocase`,
};
