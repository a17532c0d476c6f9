import { sql, type Kysely } from 'kysely';
import type { AdvocaseDatabase } from '../db/schema';
import type { FtsQuery } from './fts-query';
import { matchEnd, matchStart } from './snippet-segments';

/**
 * Every query against the SQLite FTS5 search indexes (created by migration 0020-global-search)
 * is in this module; a PostgreSQL store for teams would answer `findIndexedMatches` with
 * tsvector queries instead.
 */

export type SearchIndex = 'client_search' | 'case_search' | 'event_search';

const titleColumns: Readonly<Record<SearchIndex, string>> = {
  client_search: 'name',
  case_search: 'title',
  event_search: 'summary',
};

export type IndexedMatch = {
  readonly recordId: number;
  /** Every word matched in the name or title, not only in the details. */
  readonly isTitleMatch: boolean;
  readonly snippet: string | null;
};

async function matchesOf(
  db: Kysely<AdvocaseDatabase>,
  index: SearchIndex,
  match: string,
  limit: number,
): Promise<Array<{ rowid: number; snippet: string | null }>> {
  // The table name comes from the fixed list above, never from input.
  const table = sql.table(index);
  const result = await sql<{ rowid: number; snippet: string | null }>`
    SELECT rowid, snippet(${table}, -1, ${matchStart}, ${matchEnd}, '…', 12) AS snippet
    FROM ${table}
    WHERE ${table} MATCH ${match}
    ORDER BY rowid
    LIMIT ${limit}`.execute(db);
  return result.rows;
}

/**
 * The best `limit` matches in one index: records whose name or title holds every word first, then
 * the others, each newest first (rowid is minus the record's id), and whether there are more.
 *
 * Not `ORDER BY rank`: bm25 first counts, for each word, every row holding it, so a common word
 * or a long prefix costs a pass over hundreds of thousands of rows (measured 13–85 ms per query
 * over 1,000,000 events), while these two passes stop after `limit` rows.
 */
export async function findIndexedMatches(
  db: Kysely<AdvocaseDatabase>,
  index: SearchIndex,
  query: FtsQuery,
  limit: number,
): Promise<{ matches: IndexedMatch[]; hasMore: boolean }> {
  const inTitle = await matchesOf(db, index, query.inColumn(titleColumns[index]), limit + 1);
  const titleIds = new Set(inTitle.map((row) => row.rowid));
  const anywhere =
    inTitle.length > limit ? [] : await matchesOf(db, index, query.anywhere, limit + 1 + inTitle.length);
  const matches = [
    ...inTitle.map((row) => ({ recordId: -row.rowid, isTitleMatch: true, snippet: row.snippet })),
    ...anywhere
      .filter((row) => !titleIds.has(row.rowid))
      .map((row) => ({ recordId: -row.rowid, isTitleMatch: false, snippet: row.snippet })),
  ];
  return { matches: matches.slice(0, limit), hasMore: matches.length > limit };
}
