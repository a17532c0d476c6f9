import { describe, expect, it } from 'vitest';
import { escapeMarkdownText, parseInline, parseLetterMarkdown } from './letter-markdown';
import { parseLetterTemplateFile, writeLetterTemplateFile } from './letter-template-file';

describe('parseLetterMarkdown', () => {
  it('reads headings, paragraphs with their line breaks, and both kinds of list', () => {
    const document = parseLetterMarkdown(
      [
        '# Deadlines',
        '',
        'Member: Ana',
        'Member ID: X1',
        '',
        '- first',
        '- second',
        '  continued',
        '1. one',
        '2) two',
        'After the list.',
      ].join('\n'),
    );
    expect(document.blocks).toEqual([
      { type: 'heading', runs: [{ text: 'Deadlines' }] },
      { type: 'paragraph', runs: [{ text: 'Member: Ana\nMember ID: X1' }] },
      { type: 'bulleted_list', items: [[{ text: 'first' }], [{ text: 'second continued' }]] },
      { type: 'numbered_list', items: [[{ text: 'one' }], [{ text: 'two' }]] },
      { type: 'paragraph', runs: [{ text: 'After the list.' }] },
    ]);
  });

  it('reads bold, italic and both, and takes escaped characters literally', () => {
    expect(parseInline('a **b** *c* ***d*** \\*e\\*')).toEqual([
      { text: 'a ' },
      { text: 'b', bold: true },
      { text: ' ' },
      { text: 'c', italic: true },
      { text: ' ' },
      { text: 'd', bold: true, italic: true },
      { text: ' *e*' },
    ]);
  });

  it.each(['Dr. *Star* O\\Neil', '1. reason one', '- not a bullet', '# not a heading', 'plain'])(
    'escapes a value so %j reads back as the same plain text',
    (value) => {
      const document = parseLetterMarkdown(escapeMarkdownText(value));
      expect(document.blocks).toEqual([{ type: 'paragraph', runs: [{ text: value }] }]);
    },
  );
});

describe('template files', () => {
  it('writes and reads back a template with its front matter', () => {
    const template = {
      id: 'my-appeal',
      title: 'My appeal',
      kind: 'internal_appeal' as const,
      description: 'A short appeal.',
      body: 'Dear {{payer_name}},\n\n**Please** reverse it.',
    };
    expect(parseLetterTemplateFile(writeLetterTemplateFile(template))).toEqual(template);
  });

  it('names the missing front matter and an unknown kind', () => {
    expect(() => parseLetterTemplateFile('---\nid: x\ntitle: X\n---\nBody')).toThrow(
      'The front matter is missing: kind, description.',
    );
    expect(() =>
      parseLetterTemplateFile('---\nid: x\ntitle: X\nkind: memo\ndescription: d\n---\nBody'),
    ).toThrow(/Kind "memo" is not one Advocase knows/);
  });
});
