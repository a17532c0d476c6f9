import type { SnippetSegment } from '../../shared/schemas/search';

/** One field of a found record as a person reads it: "Member ID", "W123456789"; an empty label for the record's own name or summary. */
export type LabelledField = readonly [label: string, value: string | null | undefined];

const maxFields = 3;
const maxValueLength = 90;

/** Lower case without accents, so "muller" finds "Müller" as the index does. */
function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

function typedWords(typed: string): string[] {
  return (typed.normalize('NFC').match(/[\p{L}\p{N}]+/gu) ?? []).map(fold);
}

/** The value cut to a window around its first match, with "…" where text was left out. */
function window(value: string, firstMatch: number): { text: string; offset: number } {
  if (value.length <= maxValueLength) return { text: value, offset: 0 };
  const start = Math.max(0, Math.min(firstMatch - 30, value.length - maxValueLength));
  const end = Math.min(value.length, start + maxValueLength);
  return {
    text: `${start > 0 ? '…' : ''}${value.slice(start, end)}${end < value.length ? '…' : ''}`,
    offset: start > 0 ? start - 1 : 0,
  };
}

/** The value as segments, each word that starts with a typed word flagged as a match. */
function markMatches(value: string, words: readonly string[]): SnippetSegment[] | null {
  const tokens = [...value.matchAll(/[\p{L}\p{N}]+/gu)];
  const hits = tokens.filter((token) => words.some((word) => fold(token[0]).startsWith(word)));
  if (hits.length === 0) return null;
  const { text, offset } = window(value, hits[0]!.index);
  const segments: SnippetSegment[] = [];
  let last = 0;
  for (const hit of hits) {
    const at = hit.index - offset;
    if (at < last || at + hit[0].length > text.length) continue;
    if (at > last) segments.push({ text: text.slice(last, at), isMatch: false });
    segments.push({ text: hit[0], isMatch: true });
    last = at + hit[0].length;
  }
  if (last < text.length) segments.push({ text: text.slice(last), isMatch: false });
  return joinPunctuatedMatches(segments);
}

/** "REF", "-", "20931" typed as one reference reads as one match: "REF-20931". */
function joinPunctuatedMatches(segments: readonly SnippetSegment[]): SnippetSegment[] {
  const joined: SnippetSegment[] = [];
  for (const [index, segment] of segments.entries()) {
    const previous = joined.at(-1);
    const next = segments[index + 1];
    if (
      previous?.isMatch &&
      !segment.isMatch &&
      next?.isMatch &&
      /^[^\s\p{L}\p{N}]{1,2}$/u.test(segment.text)
    ) {
      joined[joined.length - 1] = { text: previous.text + segment.text, isMatch: true };
    } else if (previous?.isMatch && segment.isMatch) {
      joined[joined.length - 1] = { text: previous.text + segment.text, isMatch: true };
    } else {
      joined.push(segment);
    }
  }
  return joined;
}

/**
 * What a search result shows under its title: the fields that hold the typed words, each with
 * its label ("Member ID W123456789 · Group 0881234-10-001"), the matched words flagged. Built
 * from the record, never from the search index's own row, whose text is for matching only and
 * reads as "1 IV ketamine Aetna Aetna W123456789 0881234-10-001 [] []".
 */
export function labelledSnippet(typed: string, fields: readonly LabelledField[]): SnippetSegment[] {
  const words = typedWords(typed);
  if (words.length === 0) return [];
  const segments: SnippetSegment[] = [];
  let shown = 0;
  for (const [label, value] of fields) {
    if (shown === maxFields) break;
    const trimmed = value?.replace(/\s+/g, ' ').trim();
    if (!trimmed) continue;
    const marked = markMatches(trimmed, words);
    if (!marked) continue;
    const lead = `${shown > 0 ? ' · ' : ''}${label ? `${label} ` : ''}`;
    segments.push(...(lead ? [{ text: lead, isMatch: false }] : []), ...marked);
    shown += 1;
  }
  return segments;
}
