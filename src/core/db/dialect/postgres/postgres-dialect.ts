import type { DatabaseDialect } from '../database-dialect';
import { postgresCaseloadChanges } from './postgres-caseload-changes';
import { postgresRecordEditing } from './postgres-record-editing';
import { postgresMigrations } from './migrations';
import { postgresChainAppend } from './postgres-chain-append';
import { postgresCaseInsensitiveText } from './postgres-text';
import { postgresDerivedTables } from './postgres-derived-tables';
import { postgresFullTextSearch } from './postgres-full-text-search';
import { postgresRowVisibility } from './postgres-row-visibility';
import { postgresJsonField } from './postgres-json-field';
import { postgresNullOrdering } from './postgres-null-ordering';
import { postgresQueryPlanHints } from './postgres-query-plan-hints';
import { readPostgresLogicalSchema } from './read-postgres-logical-schema';

/** A team store's engine: PostgreSQL with tsvector full-text search, unaccent and pg_trgm. */
export const postgresDialect: DatabaseDialect = {
  fullTextSearch: postgresFullTextSearch,
  caseInsensitiveText: postgresCaseInsensitiveText,
  jsonField: postgresJsonField,
  queryPlanHints: postgresQueryPlanHints,
  nullOrdering: postgresNullOrdering,
  derivedTables: postgresDerivedTables,
  chainAppend: postgresChainAppend,
  caseloadChanges: postgresCaseloadChanges,
  rowVisibility: postgresRowVisibility,
  recordEditing: postgresRecordEditing,
  migrations: postgresMigrations,
  readLogicalSchema: readPostgresLogicalSchema,
};
