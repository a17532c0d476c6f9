import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { AdvocaseDatabase } from '../../schema';
import {
  snippetMatchEnd,
  snippetMatchStart,
  type FullTextSearch,
  type RecordSearchIndex,
} from '../full-text-search';
import { postgresRowVisibility } from './postgres-row-visibility';
import { toTsquery } from './tsquery';

/**
 * Full-text search on PostgreSQL: tsvector columns with GIN indexes, in the search tables the
 * baseline creates (0101-baseline-upkeep.ts) and its triggers keep, read through the
 * `advocase_search` configuration (accents and case folded, no stemming), as SQLite's FTS5 tables
 * are read. A record's title words weigh A and its details B; a document's file name A, its text B.
 */

const configuration = sql`'advocase_search'::regconfig`;

const queryOf = (text: string) => sql`to_tsquery(${configuration}, ${text})`;

// ts_headline's options (https://www.postgresql.org/docs/current/textsearch-controls.html#TEXTSEARCH-HEADLINE):
// the matched words marked as every engine marks them, about 16 words around the best match.
const headlineOptions = `StartSel="${snippetMatchStart}", StopSel="${snippetMatchEnd}", MaxWords=16, MinWords=6, ShortWord=0, MaxFragments=1, FragmentDelimiter="…"`;

/** The tables search reads: the records' indexes and the documents' text. */
type SearchTable = RecordSearchIndex | 'document_text';

/**
 * The search table's rows matching a query, as the FROM of a search. In a team database a
 * navigator's or viewer's come from the table's matching function (migration 0201), which finds
 * the match through the table's GIN index and keeps the rows their own policy lets them read:
 * read directly, the policy comes before `@@` (not leakproof) and keeps the index from it.
 * Whoever sees every case reads the table itself, through the same index.
 */
async function matchingRows(
  db: Kysely<AdvocaseDatabase>,
  table: SearchTable,
  query: RawBuilder<unknown>,
): Promise<RawBuilder<unknown>> {
  // The table is one of SearchTable's, never input.
  return (await postgresRowVisibility.seesEveryCase(db))
    ? sql`(SELECT * FROM ${sql.table(table)} WHERE vector @@ ${query})`
    : sql`${sql.raw(`advocase_team_${table}_matches`)}(${query})`;
}

/** Title matches first, then the others, each newest first, as SQLite's two passes give them. */
const findRecordMatches: FullTextSearch['findRecordMatches'] = async (db, index, terms, limit) => {
  const { rows } = await sql<{ record_id: number; is_title_match: number }>`
    SELECT record_id, vector @@ ${queryOf(toTsquery(terms, 'A'))} AS is_title_match
    FROM ${await matchingRows(db, index, queryOf(toTsquery(terms)))} AS matches
    ORDER BY is_title_match DESC, record_id DESC
    LIMIT ${limit + 1}`.execute(db);
  return {
    matches: rows.slice(0, limit).map((row) => ({
      recordId: row.record_id,
      isTitleMatch: row.is_title_match === 1,
    })),
    hasMore: rows.length > limit,
  };
};

const searchDocumentText: FullTextSearch['searchDocumentText'] = async (db, terms, options) => {
  const caseFilter =
    options.caseId === undefined
      ? sql``
      : sql`AND d.id IN (SELECT document_id FROM document_cases WHERE case_id = ${options.caseId})`;
  // Rank first, then mark the page of results only: ts_headline reads the whole text again.
  // ts_rank's weights are {D, C, B, A}: a match in the file name (A) weighs double one in the text (B).
  const result = await sql<{ document_id: number; body_snippet: string; name_snippet: string }>`
    WITH query AS (SELECT ${queryOf(toTsquery(terms))} AS query),
    best AS (
      SELECT t.document_id, ts_rank('{0.1, 0.2, 0.5, 1.0}', t.vector, query.query) AS score
      FROM ${await matchingRows(db, 'document_text', queryOf(toTsquery(terms)))} AS t
      CROSS JOIN query
      JOIN documents d ON d.id = t.document_id
      WHERE d.deleted_at IS NULL ${caseFilter}
      ORDER BY score DESC, t.document_id DESC
      LIMIT ${options.limit}
    )
    SELECT best.document_id,
           ts_headline(${configuration}, t.body, query.query, ${headlineOptions}) AS body_snippet,
           ts_headline(${configuration}, t.file_name, query.query, ${headlineOptions}) AS name_snippet
    FROM best
    JOIN document_text t ON t.document_id = best.document_id
    CROSS JOIN query
    ORDER BY best.score DESC, best.document_id DESC`.execute(db);
  return result.rows.map((row) => ({
    documentId: row.document_id,
    snippet: row.body_snippet.includes(snippetMatchStart) ? row.body_snippet : row.name_snippet,
  }));
};

export const postgresFullTextSearch: FullTextSearch = {
  findRecordMatches,
  async indexDocumentText(db: Kysely<AdvocaseDatabase>, documentId, fileName, body) {
    await sql`
      INSERT INTO document_text (document_id, file_name, body, vector)
      VALUES (${documentId}, ${fileName}, ${body}, advocase_search_vector(${fileName}, ${body}))
      ON CONFLICT (document_id) DO UPDATE
        SET file_name = excluded.file_name, body = excluded.body, vector = excluded.vector`.execute(db);
  },
  async removeDocumentText(db, documentId) {
    await sql`DELETE FROM document_text WHERE document_id = ${documentId}`.execute(db);
  },
  async readDocumentText(db, documentId) {
    const { rows } = await sql<{ body: string }>`
      SELECT body FROM document_text WHERE document_id = ${documentId}`.execute(db);
    return rows[0]?.body ?? '';
  },
  async renameDocumentText(db, documentId, fileName) {
    await sql`
      UPDATE document_text SET file_name = ${fileName}, vector = advocase_search_vector(${fileName}, body)
      WHERE document_id = ${documentId}`.execute(db);
  },
  searchDocumentText,
};
