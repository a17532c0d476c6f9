import { describe, expect, it } from 'vitest';
import { toSearchTerms } from '../../../search/search-terms';
import { toDocumentSearchTerms } from '../../../vault/document-text-index';
import { toFts5Match } from './fts5-match';

describe('global search terms, as FTS5 query text', () => {
  it.each([
    ['maria', '"maria"*'],
    ['Maria Lop', '"Maria" AND "Lop"*'],
    ['REF-20931', '"REF 20931"*'],
    ['(555) 123-4567', '"555" AND "123 4567"*'],
    ['Maria L', '"Maria"'],
    ['say "NEAR" OR x AND', '"say" AND "NEAR" AND "OR" AND "x" AND "AND"*'],
    ['title:secret', '"title secret"*'],
  ])('%s → %s', (typed, expected) => {
    const terms = toSearchTerms(typed);
    expect(terms && toFts5Match(terms)).toBe(expected);
  });

  it.each([
    ['clinic lett', ['letter', 'letters'], '"clinic" AND ("letter" OR "letters")'],
    ['REF-2093', ['2093', '20931'], '("REF 2093" OR "REF 20931")'],
    ['Maria Lopez', ['lopez'], '"Maria" AND ("lopez")'],
    ['Maria L', ['lopez'], '"Maria"'],
  ] as const)('%s, the last word as %j → %s', (typed, lastWordAs, expected) => {
    expect(toFts5Match(toSearchTerms(typed)!, lastWordAs)).toBe(expected);
  });

  it.each(['', '   ', 'm', '"*"', '-'])('%j searches nothing', (typed) => {
    expect(toSearchTerms(typed)).toBeNull();
  });
});

describe('document search terms, as FTS5 query text', () => {
  it.each([
    ['esketamine', '"esketamine"*'],
    ['  denial   Aetna ', '"denial" AND "Aetna"*'],
    ['"quoted" OR NEAR(x)', '"quoted" AND "OR" AND "NEAR" AND "x"*'],
    ['body:secret -minus', '"body" AND "secret" AND "minus"*'],
    ['Müller', '"Müller"*'],
    ['!!! ***', null],
    ['', null],
  ])('%j → %j', (typed, expected) => {
    const terms = toDocumentSearchTerms(typed);
    expect(terms && toFts5Match(terms)).toBe(expected);
  });
});
