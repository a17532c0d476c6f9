import type { NoticeSource } from '../../shared/schemas/denial-notice';
import { reorderColumns, type Piece } from './column-layout';
import { paragraphSpans, sentenceSpans, type Span } from './text-spans';
import { repairOcrConfusions } from './ocr-confusions';

/**
 * The notice as the reader searches it, with a way back to the notice as given: two-column lines
 * put back in reading order, words broken by a hyphen at a line end joined again, and two
 * character-for-character views (so an offset in one is an offset in all):
 * - `repaired`: OCR confusions fixed by context (`0`/`O`, `1`/`l`/`I`, `5`/`S`), case kept, for values;
 * - `folded`: `repaired` in lower case with `i` written `l`, for matching keywords (see `foldPattern`).
 */
export class NoticeText {
  readonly text: string;
  readonly repaired: string;
  readonly folded: string;
  private readonly origins: readonly number[];
  private sentenceCache: readonly Span[] | undefined;
  private paragraphCache: readonly Span[] | undefined;

  constructor(readonly original: string) {
    const pieces = joinHyphenatedWords(reorderColumns(original.replace(/\r\n?/g, '\n')));
    this.text = pieces.map((piece) => piece.character).join('');
    this.origins = pieces.map((piece) => piece.origin);
    this.repaired = repairOcrConfusions(this.text);
    this.folded = this.repaired.toLowerCase().replace(/[i|!]/g, 'l');
  }

  /** The sentences of the reading text (computed once: every field and element looks through them). */
  get sentences(): readonly Span[] {
    this.sentenceCache ??= sentenceSpans(this.repaired);
    return this.sentenceCache;
  }

  get paragraphs(): readonly Span[] {
    this.paragraphCache ??= paragraphSpans(this.repaired);
    return this.paragraphCache;
  }

  /** Where `[start, end)` of the reading text lies in the notice as given, and the words there. */
  sourceOf(start: number, end: number): NoticeSource {
    let first = start;
    while (first < end && this.origins[first] === -1) first += 1;
    let last = end - 1;
    while (last > first && this.origins[last] === -1) last -= 1;
    const sourceStart = this.origins[first] ?? 0;
    const sourceEnd = (this.origins[last] ?? sourceStart - 1) + 1;
    return { start: sourceStart, end: sourceEnd, text: this.original.slice(sourceStart, sourceEnd) };
  }

  /** The reading-text span a source of this notice came from (sources are always contiguous there). */
  readingSpanOf(source: NoticeSource): { start: number; end: number } {
    const start = this.origins.indexOf(source.start);
    const last = this.origins.lastIndexOf(source.end - 1);
    return start < 0 || last < start ? { start: 0, end: 0 } : { start, end: last + 1 };
  }

  /** The repaired words of `[start, end)`, spaces collapsed. */
  valueOf(start: number, end: number): string {
    return collapseSpaces(this.repaired.slice(start, end));
  }
}

export function collapseSpaces(text: string): string {
  return text
    .replace(/\s+([,.;:)])/g, '$1')
    .replace(/\(\s+/g, '(')
    .replace(/\s+/g, ' ')
    .trim();
}

/** "treat-\nment" is one word broken by the line end: the hyphen and the break go, the word is whole again. */
function joinHyphenatedWords(pieces: readonly Piece[]): Piece[] {
  const text = pieces.map((piece) => piece.character).join('');
  const dropped = new Set<number>();
  for (const match of text.matchAll(/[a-z]-[ \t]*\n[ \t]*(?=[a-z])/g)) {
    for (let index = match.index + 1; index < match.index + match[0].length; index += 1) dropped.add(index);
  }
  return pieces.filter((_, index) => !dropped.has(index));
}
