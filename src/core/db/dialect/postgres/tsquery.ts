import type { SearchTerms } from '../full-text-search';

/**
 * Search terms as to_tsquery text (https://www.postgresql.org/docs/current/datatype-textsearch.html#DATATYPE-TSQUERY):
 * the words of a phrase joined by `<->` (next to each other, in order), every phrase required
 * (`&`), the last word a prefix (`:*`) when the terms say so; `weight` A keeps every word to the
 * title. The words hold letters and digits only, so nothing typed becomes an operator.
 */
export function toTsquery(terms: SearchTerms, weight: 'A' | '' = ''): string {
  const lastPhrase = terms.phrases.length - 1;
  return terms.phrases
    .map((words, phraseIndex) =>
      words
        .map((word, wordIndex) => {
          const isPrefix =
            terms.isLastWordPrefix && phraseIndex === lastPhrase && wordIndex === words.length - 1;
          const label = `${isPrefix ? '*' : ''}${weight}`;
          return label ? `${word}:${label}` : word;
        })
        .join(' <-> '),
    )
    .map((phrase) => `(${phrase})`)
    .join(' & ');
}
