import { describe, expect, it } from 'vitest';
import { splitSnippet, toFtsQuery } from './document-text-index';

describe('toFtsQuery', () => {
  it.each([
    ['esketamine', '"esketamine"*'],
    ['  denial   Aetna ', '"denial" "Aetna"*'],
    ['"quoted" OR NEAR(x)', '"quoted" "OR" "NEAR" "x"*'],
    ['body:secret -minus', '"body" "secret" "minus"*'],
    ['Müller', '"Müller"*'],
    ['!!! ***', null],
    ['', null],
  ])('%j → %j', (typed, expected) => {
    expect(toFtsQuery(typed)).toBe(expected);
  });
});

describe('splitSnippet', () => {
  it('marks the matched words and keeps the rest as plain text', () => {
    expect(splitSnippet('…the \uE000denial\uE001 of\n\uE000Spravato\uE001…')).toEqual([
      { text: '…the ', isMatch: false },
      { text: 'denial', isMatch: true },
      { text: ' of ', isMatch: false },
      { text: 'Spravato', isMatch: true },
      { text: '…', isMatch: false },
    ]);
  });
});
