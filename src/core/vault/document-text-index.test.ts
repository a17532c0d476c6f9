import { describe, expect, it } from 'vitest';
import { splitSnippet } from './document-text-index';

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
