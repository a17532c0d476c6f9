import { Kysely } from 'kysely';
import pg from 'pg';
import Cursor from 'pg-cursor';
import { logger } from '../../../logging/logger';
import type { OpenConnection } from '../connection';
import { TeamAuditSealingDialect } from './seal-team-audit-trail-after-commit';

const postgresTypes = { int8: 20, bool: 16, numeric: 1700 } as const;

/** int8 (bigint, and what count() returns) as a number, as SQLite's integers come back. */
function parseBigint(text: string): number {
  const value = Number(text);
  if (!Number.isSafeInteger(value)) {
    throw new Error(`The database returned the whole number ${text}, too large to read exactly.`);
  }
  return value;
}

/**
 * Values come back as the local store returns them, so a service reads the same shapes from both
 * engines: whole numbers (bigint columns, count) as numbers rather than pg's strings, numeric (sum
 * and avg of whole numbers) as numbers, and booleans (a comparison selected as a column) as 1 or 0,
 * which is how SQLite answers them.
 */
function getTypeParser(oid: number, format?: 'text' | 'binary'): (text: string) => unknown {
  if (format !== 'binary') {
    if (oid === postgresTypes.int8) return parseBigint;
    if (oid === postgresTypes.numeric) return Number;
    if (oid === postgresTypes.bool) return (text) => (text === 't' ? 1 : 0);
  }
  return pg.types.getTypeParser(oid, format ?? 'text') as (text: string) => unknown;
}

/**
 * Where a team database is: a `postgres://user:password@host:port/db?sslmode=…` URL (the CLI,
 * ADVOCASE_DATABASE_URL), or the fields a person typed in the app (src/core/team/team-connection.ts),
 * whose CA certificate is text rather than a file path.
 */
export type PostgresLocation = { readonly url: string } | { readonly config: pg.ClientConfig };

/**
 * A team store: the PostgreSQL database at that location, through a small pool of connections as
 * that person's own database login. The parsers are the pool's own, not pg's global ones, so
 * nothing else in the process reads values differently.
 */
export const openPostgresConnection: OpenConnection<PostgresLocation> = <Database>(
  location: PostgresLocation,
) => {
  const pool = new pg.Pool({
    ...('url' in location ? { connectionString: location.url } : location.config),
    types: { getTypeParser: getTypeParser as typeof pg.types.getTypeParser },
    max: 4,
    // Idle connections never keep a CLI run or a test process alive.
    allowExitOnIdle: true,
  });
  // An idle connection the server ended (a restart, an administrator) is dropped by the pool and
  // the next query opens a new one; unheard, the error would end the process.
  pool.on('error', (error: Error & { code?: string }) => {
    logger.warn('postgres.idle_connection_lost', { code: error.code ?? 'unknown' });
  });
  // A connection lent out (a transaction under way) has no listener of the pool's: when the server
  // goes away then, the query fails (and the caller says so) and the connection's own error event
  // would end the process. Heard here, the pool drops that connection when it is given back.
  pool.on('connect', (client) => {
    client.on('error', () => undefined);
  });
  // A cursor lets a long read (the caseload's CSV export) come row by row, as SQLite's iterator
  // does; each commit seals the team audit trail's new entries after it.
  return new Kysely<Database>({ dialect: new TeamAuditSealingDialect({ pool, cursor: Cursor }) });
};
