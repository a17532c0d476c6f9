import { sql } from 'kysely';
import { containsPattern, type CaseInsensitiveText } from '../case-insensitive-text';

/**
 * SQLite's LIKE ignores the case of ASCII letters (https://sqlite.org/lang_expr.html#like), and
 * `collate nocase` sorts the same way.
 */
export const sqliteCaseInsensitiveText: CaseInsensitiveText = {
  contains: (text, fragment) => sql<boolean>`${text} like ${containsPattern(fragment)} escape '\\'`,
  rowidsContaining: (trigramIndex, fragment) => {
    // An FTS5 trigram index looks up fragments of three characters or more
    // (https://www.sqlite.org/fts5.html#the_trigram_tokenizer). Index names come from the code, never from input.
    if ([...fragment].length < 3) return null;
    const index = sql.raw(trigramIndex);
    // Printable ASCII: the fragment as a phrase of its trigrams, each the next character on, is
    // the fragment itself, folded as LIKE folds ASCII, and is answered from the index alone. LIKE
    // on the index takes the same rows as candidates and then reads each row's text to test it
    // again (at 100,000 cases: "stellate" 80 → 35 ms, "chen" 13 → 1.3 ms).
    if (/^[\x20-\x7e]+$/.test(fragment)) {
      return sql<number>`select rowid from ${index} where ${index} match ${`"${fragment.replaceAll('"', '""')}"`}`;
    }
    // Other letters: LIKE, which folds only ASCII, as `contains` does; its wildcards are left to `contains`.
    return /[\\%_]/.test(fragment)
      ? null
      : sql<number>`select rowid from ${index} where text like ${`%${fragment}%`}`;
  },
  sortKey: (text) => sql<string>`${text} collate nocase`,
};
