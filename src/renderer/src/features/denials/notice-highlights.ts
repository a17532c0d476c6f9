import type { NoticeSource } from '@shared/schemas/denial-notice';

export type HighlightSource = { readonly field: string; readonly source: NoticeSource };

export type TextSegment =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'mark'; readonly text: string; readonly field: string };

/**
 * Cuts the notice's text into plain runs and marked runs, one mark per field's source. Where two
 * sources overlap, the active field keeps its mark (it is the one the user asked to see), then the
 * earlier source; a source outside the text is ignored rather than shown in the wrong place.
 */
export function segmentNoticeText(
  text: string,
  sources: readonly HighlightSource[],
  activeField: string | null,
): TextSegment[] {
  const valid = sources.filter(({ source }) => source.start < source.end && source.end <= text.length);
  const ordered = [
    ...valid.filter((entry) => entry.field === activeField),
    ...valid.filter((entry) => entry.field !== activeField).sort((a, b) => a.source.start - b.source.start),
  ];
  const kept: HighlightSource[] = [];
  for (const entry of ordered) {
    const overlaps = kept.some(
      (other) => entry.source.start < other.source.end && other.source.start < entry.source.end,
    );
    if (!overlaps) kept.push(entry);
  }
  kept.sort((a, b) => a.source.start - b.source.start);
  const segments: TextSegment[] = [];
  let position = 0;
  for (const { field, source } of kept) {
    if (source.start > position) segments.push({ kind: 'text', text: text.slice(position, source.start) });
    segments.push({ kind: 'mark', text: text.slice(source.start, source.end), field });
    position = source.end;
  }
  if (position < text.length) segments.push({ kind: 'text', text: text.slice(position) });
  return segments;
}
