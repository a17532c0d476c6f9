import { sql } from 'kysely';
import { containsPattern, type CaseInsensitiveText } from '../case-insensitive-text';

/**
 * SQLite's LIKE ignores the case of ASCII letters (https://sqlite.org/lang_expr.html#like), and
 * `collate nocase` sorts the same way.
 */
export const sqliteCaseInsensitiveText: CaseInsensitiveText = {
  contains: (text, fragment) => sql<boolean>`${text} like ${containsPattern(fragment)} escape '\\'`,
  // An FTS5 trigram table answers LIKE from the trigrams of a fragment of three characters or
  // more (https://www.sqlite.org/fts5.html#the_trigram_tokenizer); shorter ones, or ones with
  // LIKE's wildcards, are left to `contains`. Index names come from the code, never from input.
  rowidsContaining: (trigramIndex, fragment) =>
    fragment.length >= 3 && !/[\\%_]/.test(fragment)
      ? sql<number>`select rowid from ${sql.raw(trigramIndex)} where text like ${`%${fragment}%`}`
      : null,
  sortKey: (text) => sql<string>`${text} collate nocase`,
};
