import type { FullTextSearch } from '../full-text-search';

const notYet = (): never => {
  throw new Error('Search is not yet available on a team database.');
};

/** PostgreSQL full-text search: tsvector, GIN and unaccent (written in the next step). */
export const postgresFullTextSearch: FullTextSearch = {
  findRecordMatches: notYet,
  indexDocumentText: notYet,
  removeDocumentText: notYet,
  renameDocumentText: notYet,
  searchDocumentText: notYet,
};
