import { describe, expect, it } from 'vitest';
import { toSearchTerms } from '../../../search/search-terms';
import { toDocumentSearchTerms } from '../../../vault/document-text-index';
import { toFts5Match } from './fts5-match';

describe('global search terms, as FTS5 query text', () => {
  it.each([
    ['maria', '"maria"*'],
    ['Maria Lop', '"Maria" "Lop"*'],
    ['REF-20931', '"REF 20931"*'],
    ['(555) 123-4567', '"555" "123 4567"*'],
    ['Maria L', '"Maria"'],
    ['say "NEAR" OR x AND', '"say" "NEAR" "OR" "x" "AND"*'],
    ['title:secret', '"title secret"*'],
  ])('%s → %s', (typed, expected) => {
    const terms = toSearchTerms(typed);
    expect(terms && toFts5Match(terms)).toBe(expected);
  });

  it.each(['', '   ', 'm', '"*"', '-'])('%j searches nothing', (typed) => {
    expect(toSearchTerms(typed)).toBeNull();
  });
});

describe('document search terms, as FTS5 query text', () => {
  it.each([
    ['esketamine', '"esketamine"*'],
    ['  denial   Aetna ', '"denial" "Aetna"*'],
    ['"quoted" OR NEAR(x)', '"quoted" "OR" "NEAR" "x"*'],
    ['body:secret -minus', '"body" "secret" "minus"*'],
    ['Müller', '"Müller"*'],
    ['!!! ***', null],
    ['', null],
  ])('%j → %j', (typed, expected) => {
    const terms = toDocumentSearchTerms(typed);
    expect(terms && toFts5Match(terms)).toBe(expected);
  });
});
