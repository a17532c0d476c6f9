import type { SearchTerms } from '../full-text-search';

/**
 * Search terms as FTS5 query text (https://www.sqlite.org/fts5.html#full_text_query_syntax):
 * each phrase quoted, all required, the last word a prefix when the terms say so. The words hold
 * letters and digits only, so nothing typed becomes an operator or a column filter.
 *
 * `lastWordAs`, when given, is every word of the index that begins with the last word: the last
 * phrase is then asked once per word, exactly (`"ref" AND ("letter" OR "letters")`), which
 * matches the same rows as the prefix. FTS5 gathers every row of every word a prefix matches
 * before it returns the first one, while a word asked exactly is read only until the page is
 * full. The phrases are joined by an explicit AND, since FTS5 takes no implicit AND before a
 * parenthesised group.
 */
export function toFts5Match(terms: SearchTerms, lastWordAs?: readonly string[]): string {
  const lastIndex = terms.phrases.length - 1;
  return terms.phrases
    .map((words, index) => {
      if (index < lastIndex || !terms.isLastWordPrefix) return `"${words.join(' ')}"`;
      if (!lastWordAs) return `"${words.join(' ')}"*`;
      const leading = words.slice(0, -1);
      return `(${lastWordAs.map((word) => `"${[...leading, word].join(' ')}"`).join(' OR ')})`;
    })
    .join(' AND ');
}

/** The same query, every phrase in the one named column. */
export function inFts5Column(column: string, match: string): string {
  return `${column} : (${match})`;
}
