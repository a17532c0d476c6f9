import { sql, type Kysely } from 'kysely';
import type { AdvocaseDatabase } from '../db/schema';

/**
 * The vault's full-text index: every query against SQLite FTS5 is in this module (its table is
 * created by migration 0010), so a PostgreSQL store for teams can swap in tsvector here alone.
 * The index lives inside the encrypted database; rowid is documents.id.
 */

// Private-use characters mark matches in snippets: they cannot occur in a query's quoted terms
// and are turned into structured parts before anything reaches the renderer.
const matchStart = '\uE000';
const matchEnd = '\uE001';

export async function indexDocumentText(
  db: Kysely<AdvocaseDatabase>,
  documentId: number,
  fileName: string,
  body: string,
): Promise<void> {
  await removeDocumentText(db, documentId);
  await sql`INSERT INTO document_text (rowid, file_name, body) VALUES (${documentId}, ${fileName}, ${body})`.execute(
    db,
  );
}

export async function removeDocumentText(db: Kysely<AdvocaseDatabase>, documentId: number): Promise<void> {
  await sql`DELETE FROM document_text WHERE rowid = ${documentId}`.execute(db);
}

export async function renameDocumentText(
  db: Kysely<AdvocaseDatabase>,
  documentId: number,
  fileName: string,
): Promise<void> {
  await sql`UPDATE document_text SET file_name = ${fileName} WHERE rowid = ${documentId}`.execute(db);
}

/**
 * Turns what a person typed into an FTS5 query: each word quoted (so AND, OR, NEAR, quotes and
 * column filters typed by the user are plain words), all required, the last one as a prefix so
 * results come while typing. Null when nothing searchable is left.
 */
export function toFtsQuery(typed: string): string | null {
  const words = typed.normalize('NFC').match(/[\p{L}\p{N}]+/gu) ?? [];
  if (words.length === 0) return null;
  return words
    .slice(0, 12)
    .map((word, index, all) => `"${word}"${index === all.length - 1 ? '*' : ''}`)
    .join(' ');
}

export type TextMatch = { readonly documentId: number; readonly snippet: string };

/** Best matches first (FTS5's bm25), among documents not in the trash. */
export async function searchDocumentText(
  db: Kysely<AdvocaseDatabase>,
  typed: string,
  options: { readonly caseId?: number; readonly limit: number },
): Promise<TextMatch[]> {
  const query = toFtsQuery(typed);
  if (!query) return [];
  const caseFilter =
    options.caseId === undefined
      ? sql``
      : sql`AND d.id IN (SELECT document_id FROM document_cases WHERE case_id = ${options.caseId})`;
  // Rank first, then build snippets for the page of results only: snippet() is the costly part,
  // and a common word can match every document.
  const result = await sql<{ document_id: number; body_snippet: string; name_snippet: string }>`
    WITH best AS (
      SELECT document_text.rowid AS id, bm25(document_text, 2.0, 1.0) AS score
      FROM document_text
      JOIN documents d ON d.id = document_text.rowid
      WHERE document_text MATCH ${query} AND d.deleted_at IS NULL ${caseFilter}
      ORDER BY score
      LIMIT ${options.limit}
    )
    SELECT document_text.rowid AS document_id,
           snippet(document_text, 1, ${matchStart}, ${matchEnd}, '…', 16) AS body_snippet,
           snippet(document_text, 0, ${matchStart}, ${matchEnd}, '…', 16) AS name_snippet
    FROM document_text
    JOIN best ON best.id = document_text.rowid
    WHERE document_text MATCH ${query}
    ORDER BY best.score
  `.execute(db);
  // The words around the match in the text; the file name only when the match is there alone.
  return result.rows.map((row) => ({
    documentId: row.document_id,
    snippet: row.body_snippet.includes(matchStart) ? row.body_snippet : row.name_snippet,
  }));
}

/** A snippet as text pieces, the matched words flagged, for the renderer to emphasise safely. */
export function splitSnippet(snippet: string): Array<{ text: string; isMatch: boolean }> {
  const parts: Array<{ text: string; isMatch: boolean }> = [];
  const pattern = new RegExp(`${matchStart}([^${matchEnd}]*)${matchEnd}`, 'g');
  let last = 0;
  for (const match of snippet.matchAll(pattern)) {
    if (match.index > last) parts.push({ text: snippet.slice(last, match.index), isMatch: false });
    parts.push({ text: match[1] ?? '', isMatch: true });
    last = match.index + match[0].length;
  }
  if (last < snippet.length) parts.push({ text: snippet.slice(last), isMatch: false });
  return parts.map((part) => ({ ...part, text: part.text.replace(/\s+/g, ' ') }));
}
