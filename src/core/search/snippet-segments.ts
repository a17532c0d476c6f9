import type { SnippetSegment } from '../../shared/schemas/search';
import { snippetMatchEnd, snippetMatchStart } from '../db/dialect/full-text-search';

/** A snippet as plain-text segments with the matched words flagged, for the renderer to emphasise. */
export function toSnippetSegments(snippet: string | null): SnippetSegment[] {
  if (!snippet) return [];
  const segments: SnippetSegment[] = [];
  const pattern = new RegExp(`${snippetMatchStart}([^${snippetMatchEnd}]*)${snippetMatchEnd}`, 'g');
  let last = 0;
  const push = (text: string, isMatch: boolean) => {
    const clean = text.replace(/[\uE000\uE001]/g, '').replace(/\s+/g, ' ');
    if (clean) segments.push({ text: clean, isMatch });
  };
  for (const match of snippet.matchAll(pattern)) {
    push(snippet.slice(last, match.index), false);
    push(match[1] ?? '', true);
    last = match.index + match[0].length;
  }
  push(snippet.slice(last), false);
  return segments;
}
