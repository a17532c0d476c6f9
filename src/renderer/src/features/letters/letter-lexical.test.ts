import { createEditor } from 'lexical';
import { describe, expect, it } from 'vitest';
import type { LetterDocument } from '@shared/domain/letter-document';
import { $readLetterDocument, $writeLetterDocument, letterEditorNodes } from './letter-lexical';

function roundTrip(document: LetterDocument): LetterDocument {
  const editor = createEditor({
    nodes: [...letterEditorNodes],
    onError: (error) => {
      throw error;
    },
  });
  editor.update(() => $writeLetterDocument(document), { discrete: true });
  return editor.getEditorState().read($readLetterDocument);
}

describe('LetterDocument ↔ Lexical', () => {
  it('keeps every block type, bold and italic runs, and line breaks inside a paragraph', () => {
    const letter: LetterDocument = {
      blocks: [
        { type: 'paragraph', runs: [{ text: 'November 2, 2025' }] },
        {
          type: 'paragraph',
          runs: [
            { text: 'Re: Standard appeal', bold: true },
            { text: '\nMember: Maria Alvarez\nMember ID: ACM1' },
          ],
        },
        { type: 'heading', runs: [{ text: 'The denial is wrong' }] },
        {
          type: 'paragraph',
          runs: [
            { text: 'Your notice states ' },
            { text: 'not medically necessary', italic: true },
            { text: '; that is ' },
            { text: 'wrong', bold: true, italic: true },
            { text: '.' },
          ],
        },
        {
          type: 'bulleted_list',
          items: [[{ text: 'Two trials', bold: true }, { text: ' — met.' }], [{ text: 'Severity — met.' }]],
        },
        { type: 'numbered_list', items: [[{ text: 'Denial letter' }], [{ text: 'Pharmacy record' }]] },
        { type: 'paragraph', runs: [] },
        { type: 'paragraph', runs: [{ text: 'Jordan Ellis\nAuthorized representative' }] },
      ],
    };
    expect(roundTrip(letter)).toEqual(letter);
  });

  it('an empty letter opens as one empty paragraph and reads back as one', () => {
    expect(roundTrip({ blocks: [] })).toEqual({ blocks: [{ type: 'paragraph', runs: [] }] });
  });
});
