import { describe, expect, it } from 'vitest';
import { segmentNoticeText } from './notice-highlights';

const text = 'Date: May 1, 2026. Reason: not medically necessary.';
const source = (start: number, end: number) => ({ start, end, text: text.slice(start, end) });

describe('segmentNoticeText', () => {
  it('marks each source in place and keeps the text between', () => {
    const segments = segmentNoticeText(
      text,
      [
        { field: 'reasonText', source: source(27, 50) },
        { field: 'noticeDate', source: source(6, 17) },
      ],
      null,
    );
    expect(segments).toEqual([
      { kind: 'text', text: 'Date: ' },
      { kind: 'mark', text: 'May 1, 2026', field: 'noticeDate' },
      { kind: 'text', text: '. Reason: ' },
      { kind: 'mark', text: 'not medically necessary', field: 'reasonText' },
      { kind: 'text', text: '.' },
    ]);
  });

  it('gives an overlap to the field the user is looking at, and ignores a source past the end', () => {
    const sources = [
      { field: 'reasonText', source: source(19, 50) },
      { field: 'reasonCategory', source: source(27, 50) },
      { field: 'policyCited', source: { start: 60, end: 70, text: 'elsewhere' } },
    ];
    const marked = (active: string | null) =>
      segmentNoticeText(text, sources, active)
        .filter((segment) => segment.kind === 'mark')
        .map((segment) => (segment.kind === 'mark' ? segment.field : ''));
    expect(marked(null)).toEqual(['reasonText']);
    expect(marked('reasonCategory')).toEqual(['reasonCategory']);
  });
});
