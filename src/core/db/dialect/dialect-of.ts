import { PostgresAdapter, SqliteAdapter, type QueryExecutor } from 'kysely';
import type { DatabaseDialect } from './database-dialect';
import { postgresDialect } from './postgres/postgres-dialect';
import { sqliteDialect } from './sqlite/sqlite-dialect';

/**
 * The dialect of the engine behind a connection or transaction, read from the Kysely adapter the
 * connection was opened with, so every function taking a database keeps taking just that.
 */
export function dialectOf(db: { getExecutor(): QueryExecutor }): DatabaseDialect {
  const { adapter } = db.getExecutor();
  if (adapter instanceof SqliteAdapter) return sqliteDialect;
  if (adapter instanceof PostgresAdapter) return postgresDialect;
  throw new Error(`No database dialect for a ${adapter.constructor.name} connection.`);
}
