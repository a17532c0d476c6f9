import type { SearchTerms } from '../full-text-search';

/**
 * Search terms as FTS5 query text (https://www.sqlite.org/fts5.html#full_text_query_syntax):
 * each phrase quoted, all required, the last word a prefix when the terms say so. The words hold
 * letters and digits only, so nothing typed becomes an operator or a column filter.
 */
export function toFts5Match(terms: SearchTerms): string {
  return terms.phrases
    .map((words, index) => {
      const phrase = `"${words.join(' ')}"`;
      return terms.isLastWordPrefix && index === terms.phrases.length - 1 ? `${phrase}*` : phrase;
    })
    .join(' ');
}

/** The same query, every phrase in the one named column. */
export function inFts5Column(column: string, match: string): string {
  return `${column} : (${match})`;
}
