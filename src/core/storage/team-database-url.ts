import { AppError } from '../errors';

/**
 * The team's PostgreSQL database, when this copy of Advocase uses one: ADVOCASE_DATABASE_URL,
 * `postgres://user:password@host:port/database?sslmode=…`. Unset, the local store is used.
 */
export function resolveTeamDatabaseUrl(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const url = env.ADVOCASE_DATABASE_URL;
  if (!url) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new AppError(
      'INVALID_INPUT',
      'ADVOCASE_DATABASE_URL is not a URL. Write it as postgres://user:password@host:5432/database.',
    );
  }
  if (
    !['postgres:', 'postgresql:'].includes(parsed.protocol) ||
    !parsed.hostname ||
    parsed.pathname.length < 2
  ) {
    throw new AppError(
      'INVALID_INPUT',
      'ADVOCASE_DATABASE_URL must name a server and a database: postgres://user:password@host:5432/database.',
    );
  }
  return url;
}

/** Where the team database is, for a person to read: host, port and database, never the login or password. */
export function describeTeamDatabase(url: string): string {
  const parsed = new URL(url);
  return `${parsed.hostname}${parsed.port ? `:${parsed.port}` : ''}${decodeURIComponent(parsed.pathname)}`;
}
