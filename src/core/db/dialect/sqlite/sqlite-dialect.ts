import { migrations } from '../../migrations';
import type { DatabaseDialect } from '../database-dialect';
import { sqliteCaseloadChanges } from './sqlite-caseload-changes';
import { sqliteRecordEditing } from './sqlite-record-editing';
import { fts5Search } from './fts5-search';
import { sqliteChainAppend } from './sqlite-chain-append';
import { sqliteDerivedTables } from './sqlite-derived-tables';
import { sqliteRowVisibility } from './sqlite-row-visibility';
import { sqliteJsonField } from './sqlite-json-field';
import { sqliteNullOrdering } from './sqlite-null-ordering';
import { sqliteQueryPlanHints } from './sqlite-query-plan-hints';
import { readSqliteLogicalSchema } from './read-sqlite-logical-schema';
import { sqliteCaseInsensitiveText } from './sqlite-text';

/** The local encrypted store's engine: SQLite (encrypted by SQLite3 Multiple Ciphers) with FTS5 and JSON1. */
export const sqliteDialect: DatabaseDialect = {
  fullTextSearch: fts5Search,
  caseInsensitiveText: sqliteCaseInsensitiveText,
  jsonField: sqliteJsonField,
  queryPlanHints: sqliteQueryPlanHints,
  nullOrdering: sqliteNullOrdering,
  derivedTables: sqliteDerivedTables,
  chainAppend: sqliteChainAppend,
  caseloadChanges: sqliteCaseloadChanges,
  rowVisibility: sqliteRowVisibility,
  recordEditing: sqliteRecordEditing,
  migrations,
  readLogicalSchema: readSqliteLogicalSchema,
};
