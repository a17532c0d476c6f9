/**
 * The PostgreSQL chain's own full-text tables (tsvector columns with GIN indexes), named as the
 * SQLite store's FTS5 tables are: engine tables, left out of the logical schema and compared
 * through `DerivedTableUpkeep` instead. (The caseload's quick filter needs no table here: a
 * pg_trgm index on caseload_entries answers it.)
 */
export const postgresSearchTables: readonly string[] = [
  'client_search',
  'case_search',
  'event_search',
  'document_text',
];
