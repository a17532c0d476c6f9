import { sql, type Kysely } from 'kysely';
import type { AdvocaseDatabase } from '../../schema';
import {
  snippetMatchEnd,
  snippetMatchStart,
  type FullTextSearch,
  type IndexedMatch,
  type RecordSearchIndex,
  type SearchTerms,
} from '../full-text-search';
import { inFts5Column, toFts5Match } from './fts5-match';

/**
 * Full-text search on SQLite FTS5. The record indexes (client_search, case_search, event_search)
 * are created by migration 0020-global-search and kept by its triggers; the vault's document_text
 * by migration 0010, written here. rowid is minus the record's id in the record indexes (so rowid
 * order is newest first) and the document's id in document_text.
 */

const titleColumns: Readonly<Record<RecordSearchIndex, string>> = {
  client_search: 'name',
  case_search: 'title',
  event_search: 'summary',
};

/**
 * The record indexes keep every prefix of two and three letters as a word of its own (migration
 * 0020-global-search, `prefix = '2 3'`), read newest first like any word: only a longer prefix
 * makes FTS5 gather the rows of every word it begins.
 */
const longestKeptPrefix = 3;

/**
 * Past this many words, a prefix stays a prefix: an OR opens one reader per word, and each word
 * is looked up first (the fixture's member IDs, thousands beginning "M1000", one row each, pay
 * about 1 ms for 33 lookups before being asked as a prefix).
 */
const mostWordsForPrefix = 32;

/**
 * The words of `index` that begin with `prefix` (already as the tokenizer writes words), or null
 * when there are more than `most`. Read from an fts5vocab table of the 'instance' kind, a seek
 * per word (https://www.sqlite.org/fts5.html#the_fts5vocab_virtual_table_module): the 'row' kind
 * counts every row of each word, which costs as much as the prefix query it would spare. The
 * table is a connection's own (temp), so it adds nothing to the stored schema.
 */
async function wordsStartingWith(
  db: Kysely<AdvocaseDatabase>,
  index: RecordSearchIndex,
  prefix: string,
  most: number,
): Promise<string[] | null> {
  const vocabulary = sql.table(`temp.${index}_words`);
  await sql`CREATE VIRTUAL TABLE IF NOT EXISTS ${vocabulary} USING fts5vocab(main, ${sql.raw(index)}, 'instance')`.execute(
    db,
  );
  // One statement walks the words, each found from the one before: fts5vocab answers
  // "term > x" by starting at x and stepping over each of its rows, so the next word is asked as
  // the first from x + U+0001 (no word holds U+0001, a separator to the tokenizer).
  const { rows } = await sql<{ term: string }>`
    WITH RECURSIVE word (term, position) AS (
      SELECT (SELECT term FROM ${vocabulary} WHERE term >= ${prefix} LIMIT 1), 1
      UNION ALL
      SELECT (SELECT term FROM ${vocabulary} WHERE term >= word.term || char(1) LIMIT 1), position + 1
      FROM word
      WHERE substr(word.term, 1, ${prefix.length}) = ${prefix} AND position <= ${most}
    )
    SELECT term FROM word WHERE substr(term, 1, ${prefix.length}) = ${prefix}`.execute(db);
  return rows.length > most ? null : rows.map((row) => row.term);
}

/**
 * `terms` as query text for `index`, the last word's prefix asked as the index's words it begins
 * when they are few (toFts5Match); null when it begins none, so nothing can match.
 */
async function recordMatchOf(
  db: Kysely<AdvocaseDatabase>,
  index: RecordSearchIndex,
  terms: SearchTerms,
): Promise<string | null> {
  const lastWord = terms.phrases.at(-1)?.at(-1);
  // unicode61 writes a word of ASCII letters and digits in lower case and nothing else; other
  // letters it folds by its own tables (diacritics, case), not repeated here, so such a word
  // stays a prefix.
  const isPlainLongPrefix =
    terms.isLastWordPrefix &&
    lastWord !== undefined &&
    lastWord.length > longestKeptPrefix &&
    /^[A-Za-z0-9]+$/.test(lastWord);
  if (!isPlainLongPrefix) return toFts5Match(terms);
  const words = await wordsStartingWith(db, index, lastWord.toLowerCase(), mostWordsForPrefix);
  if (words === null) return toFts5Match(terms);
  return words.length === 0 ? null : toFts5Match(terms, words);
}

async function matchesOf(
  db: Kysely<AdvocaseDatabase>,
  index: RecordSearchIndex,
  match: string,
  limit: number,
  amongRowids?: readonly number[],
): Promise<Array<{ rowid: number }>> {
  // The table name comes from the fixed list above, never from input.
  const table = sql.table(index);
  // FTS5 looks each listed rowid up in the index: no pass over the word's rows.
  const among = amongRowids ? sql`AND rowid IN (${sql.join(amongRowids)})` : sql``;
  const result = await sql<{ rowid: number }>`
    SELECT rowid
    FROM ${table}
    WHERE ${table} MATCH ${match} ${among}
    ORDER BY rowid
    LIMIT ${limit}`.execute(db);
  return result.rows;
}

/**
 * Title matches first, then any: not `ORDER BY rank`, because bm25 first counts, for each word,
 * every row holding it, so a common word or a long prefix costs a pass over hundreds of thousands
 * of rows (measured 13–85 ms per query over 1,000,000 events), while these passes stop after
 * `limit` rows. The pass over any column comes first: a search with few matches (two common words
 * seldom together, "clinic REF") reads the words' rows to their end, and then it has every match,
 * so the title matches are found among those few by rowid instead of by a second such read
 * (measured 77 + 32 ms → 47 ms over 1,000,000 events).
 */
const findRecordMatches: FullTextSearch['findRecordMatches'] = async (db, index, terms, limit) => {
  const anywhere = await recordMatchOf(db, index, terms);
  if (anywhere === null) return { matches: [], hasMore: false };
  const titleMatch = inFts5Column(titleColumns[index], anywhere);
  const first = await matchesOf(db, index, anywhere, limit + 1);
  const hasEveryMatch = first.length <= limit;
  const inTitle = hasEveryMatch
    ? first.length === 0
      ? []
      : await matchesOf(
          db,
          index,
          titleMatch,
          limit + 1,
          first.map((row) => row.rowid),
        )
    : await matchesOf(db, index, titleMatch, limit + 1);
  const titleIds = new Set(inTitle.map((row) => row.rowid));
  const elsewhere =
    hasEveryMatch || inTitle.length === 0
      ? first
      : inTitle.length > limit
        ? []
        : await matchesOf(db, index, anywhere, limit + 1 + inTitle.length);
  const matches: IndexedMatch[] = [
    ...inTitle.map((row) => ({ recordId: -row.rowid, isTitleMatch: true })),
    ...elsewhere
      .filter((row) => !titleIds.has(row.rowid))
      .map((row) => ({ recordId: -row.rowid, isTitleMatch: false })),
  ];
  return { matches: matches.slice(0, limit), hasMore: matches.length > limit };
};

const removeDocumentText: FullTextSearch['removeDocumentText'] = async (db, documentId) => {
  await sql`DELETE FROM document_text WHERE rowid = ${documentId}`.execute(db);
};

const searchDocumentText: FullTextSearch['searchDocumentText'] = async (db, terms, options) => {
  const match = toFts5Match(terms);
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
      WHERE document_text MATCH ${match} AND d.deleted_at IS NULL ${caseFilter}
      ORDER BY score
      LIMIT ${options.limit}
    )
    SELECT document_text.rowid AS document_id,
           snippet(document_text, 1, ${snippetMatchStart}, ${snippetMatchEnd}, '…', 16) AS body_snippet,
           snippet(document_text, 0, ${snippetMatchStart}, ${snippetMatchEnd}, '…', 16) AS name_snippet
    FROM document_text
    JOIN best ON best.id = document_text.rowid
    WHERE document_text MATCH ${match}
    ORDER BY best.score
  `.execute(db);
  return result.rows.map((row) => ({
    documentId: row.document_id,
    snippet: row.body_snippet.includes(snippetMatchStart) ? row.body_snippet : row.name_snippet,
  }));
};

export const fts5Search: FullTextSearch = {
  findRecordMatches,
  async indexDocumentText(db, documentId, fileName, body) {
    await removeDocumentText(db, documentId);
    await sql`INSERT INTO document_text (rowid, file_name, body) VALUES (${documentId}, ${fileName}, ${body})`.execute(
      db,
    );
  },
  removeDocumentText,
  async readDocumentText(db, documentId) {
    const { rows } = await sql<{ body: string | null }>`
      SELECT body FROM document_text WHERE rowid = ${documentId}`.execute(db);
    return rows[0]?.body ?? '';
  },
  async renameDocumentText(db, documentId, fileName) {
    await sql`UPDATE document_text SET file_name = ${fileName} WHERE rowid = ${documentId}`.execute(db);
  },
  searchDocumentText,
};
