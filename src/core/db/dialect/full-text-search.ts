import type { Kysely } from 'kysely';
import type { AdvocaseDatabase } from '../schema';

/**
 * What a person typed in a search box, as terms every engine can answer: each phrase is words that
 * must appear together in that order, every phrase is required, and the last word may be a prefix
 * so results come while typing. The words hold letters and digits only, so no engine's query
 * syntax (quotes, operators, column filters) can be typed in.
 */
export type SearchTerms = {
  readonly phrases: ReadonlyArray<readonly string[]>;
  readonly isLastWordPrefix: boolean;
};

/** The record indexes of global search, one per kind of record (the vault's documents have their own). */
export type RecordSearchIndex = 'client_search' | 'case_search' | 'event_search';

export type IndexedMatch = {
  readonly recordId: number;
  /** Every word matched in the name or title, not only in the details. */
  readonly isTitleMatch: boolean;
};

export type DocumentTextMatch = { readonly documentId: number; readonly snippet: string };

// Private-use characters mark the matched words in every engine's snippets: they cannot come from
// a query (only letters and digits reach one) and are turned into segments before anything leaves
// the core.
export const snippetMatchStart = '\uE000';
export const snippetMatchEnd = '\uE001';

/**
 * Full-text search, the part of the database that differs most between engines (SQLite FTS5,
 * PostgreSQL tsvector). Records (clients, cases, timeline events) are indexed by the database
 * itself as they change (see `DerivedTableUpkeep`); a document's text is indexed when the vault
 * extracts it. A document's snippets mark matched words with `snippetMatchStart` and
 * `snippetMatchEnd`; a record's result has none, since search shows the record's own fields
 * (search/labelled-snippet.ts), never an index row's text.
 */
export type FullTextSearch = {
  /**
   * The best `limit` records of one index: those whose name or title holds every term first,
   * then the others, each newest first; and whether more matched.
   */
  readonly findRecordMatches: (
    db: Kysely<AdvocaseDatabase>,
    index: RecordSearchIndex,
    terms: SearchTerms,
    limit: number,
  ) => Promise<{ matches: IndexedMatch[]; hasMore: boolean }>;
  /** Indexes a document's file name and extracted text, replacing what was indexed before. */
  readonly indexDocumentText: (
    db: Kysely<AdvocaseDatabase>,
    documentId: number,
    fileName: string,
    body: string,
  ) => Promise<void>;
  readonly removeDocumentText: (db: Kysely<AdvocaseDatabase>, documentId: number) => Promise<void>;
  /** The text indexed for a document ('' when none was). */
  readonly readDocumentText: (db: Kysely<AdvocaseDatabase>, documentId: number) => Promise<string>;
  readonly renameDocumentText: (
    db: Kysely<AdvocaseDatabase>,
    documentId: number,
    fileName: string,
  ) => Promise<void>;
  /**
   * Documents not in the trash holding every term, best ranked first (a match in the file name
   * weighs double); the snippet is the words around the match in the text, or the file name when
   * the match is there alone.
   */
  readonly searchDocumentText: (
    db: Kysely<AdvocaseDatabase>,
    terms: SearchTerms,
    options: { readonly caseId?: number; readonly limit: number },
  ) => Promise<DocumentTextMatch[]>;
};
