import type { Kysely } from 'kysely';
import { dialectOf } from '../db/dialect/dialect-of';
import {
  snippetMatchEnd,
  snippetMatchStart,
  type DocumentTextMatch,
  type SearchTerms,
} from '../db/dialect/full-text-search';
import type { AdvocaseDatabase } from '../db/schema';

/**
 * The vault's full-text index of each document's file name and extracted text, kept inside the
 * database by its dialect's full-text search; the document's id is its key.
 */

export function indexDocumentText(
  db: Kysely<AdvocaseDatabase>,
  documentId: number,
  fileName: string,
  body: string,
): Promise<void> {
  return dialectOf(db).fullTextSearch.indexDocumentText(db, documentId, fileName, body);
}

export function removeDocumentText(db: Kysely<AdvocaseDatabase>, documentId: number): Promise<void> {
  return dialectOf(db).fullTextSearch.removeDocumentText(db, documentId);
}

export function renameDocumentText(
  db: Kysely<AdvocaseDatabase>,
  documentId: number,
  fileName: string,
): Promise<void> {
  return dialectOf(db).fullTextSearch.renameDocumentText(db, documentId, fileName);
}

/**
 * What a person typed, as search terms: each word its own phrase (so AND, OR, NEAR, quotes and
 * column filters typed by the user are plain words), all required, the last one as a prefix so
 * results come while typing. Null when nothing searchable is left.
 */
export function toDocumentSearchTerms(typed: string): SearchTerms | null {
  const words = typed.normalize('NFC').match(/[\p{L}\p{N}]+/gu) ?? [];
  if (words.length === 0) return null;
  return { phrases: words.slice(0, 12).map((word) => [word]), isLastWordPrefix: true };
}

/** Best matches first, among documents not in the trash. */
export async function searchDocumentText(
  db: Kysely<AdvocaseDatabase>,
  typed: string,
  options: { readonly caseId?: number; readonly limit: number },
): Promise<DocumentTextMatch[]> {
  const terms = toDocumentSearchTerms(typed);
  if (!terms) return [];
  return dialectOf(db).fullTextSearch.searchDocumentText(db, terms, options);
}

/** A snippet as text pieces, the matched words flagged, for the renderer to emphasise safely. */
export function splitSnippet(snippet: string): Array<{ text: string; isMatch: boolean }> {
  const parts: Array<{ text: string; isMatch: boolean }> = [];
  const pattern = new RegExp(`${snippetMatchStart}([^${snippetMatchEnd}]*)${snippetMatchEnd}`, 'g');
  let last = 0;
  for (const match of snippet.matchAll(pattern)) {
    if (match.index > last) parts.push({ text: snippet.slice(last, match.index), isMatch: false });
    parts.push({ text: match[1] ?? '', isMatch: true });
    last = match.index + match[0].length;
  }
  if (last < snippet.length) parts.push({ text: snippet.slice(last), isMatch: false });
  return parts.map((part) => ({ ...part, text: part.text.replace(/\s+/g, ' ') }));
}
