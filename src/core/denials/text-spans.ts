/** Where sentences and paragraphs of a notice's text begin and end, as offsets into it. */
export type Span = { readonly start: number; readonly end: number };

/**
 * A blank line ends a paragraph, unless the next line goes on in lower case: OCR often puts a
 * blank line between every printed line ("…therapy because\n\nit is experimental…").
 */
const blankLine = /\n[ \t]*\n(?![ \t]*[a-z])/;

/**
 * Sentences: split at a full stop, question mark or blank line, not at "Dr." or "P.O." or an
 * initial, and after a heading (a short line starting with a capital, with no closing
 * punctuation, before a line starting with a capital: "Your right to appeal", "Phone: 1-800-…").
 */
export function sentenceSpans(text: string): Span[] {
  const spans: Span[] = [];
  let start = 0;
  const boundary = new RegExp(
    String.raw`(?<!\b(?:[Dd]r|[Mm]rs?|[Mm]s|[Ss]t|[Nn]o|[Pp]\.[Oo]|[A-Za-z]))[.?!](?=\s)|${blankLine.source}|(?<=^[ \t]*[A-Z][^\n]{0,48}[^\s.,;:])\n(?=[ \t]*[A-Z])`,
    'gm',
  );
  for (const match of text.matchAll(boundary)) {
    const end = match.index + (match[0].startsWith('\n') ? 0 : 1);
    if (text.slice(start, end).trim() !== '') spans.push(trimmed(text, start, end));
    start = match.index + match[0].length;
  }
  if (text.slice(start).trim() !== '') spans.push(trimmed(text, start, text.length));
  return spans;
}

/** Paragraphs: runs of lines between blank lines. */
export function paragraphSpans(text: string): Span[] {
  const spans: Span[] = [];
  let start = 0;
  for (const match of text.matchAll(new RegExp(blankLine.source, 'g'))) {
    if (text.slice(start, match.index).trim() !== '') spans.push(trimmed(text, start, match.index));
    start = match.index + match[0].length;
  }
  if (text.slice(start).trim() !== '') spans.push(trimmed(text, start, text.length));
  return spans;
}

function trimmed(text: string, start: number, end: number): Span {
  let first = start;
  let last = end;
  while (first < last && /\s/.test(text[first]!)) first += 1;
  while (last > first && /\s/.test(text[last - 1]!)) last -= 1;
  return { start: first, end: last };
}
