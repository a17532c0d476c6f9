import { sql, type Kysely } from 'kysely';
import type pg from 'pg';
import { isLoopbackHost, type TeamConnectionInput, type TeamConnectionTest } from '../../shared/schemas/team';
import { AppError } from '../errors';
import { postgresMigrations } from '../db/dialect/postgres/migrations';
import { openPostgresConnection } from '../db/dialect/postgres/open-postgres-connection';
import type { AdvocaseDatabase } from '../db/schema';
import type { Store } from '../db/store';
import {
  describeTeamDatabaseFailure,
  notSetUpMessage,
  schemaNewerMessage,
  schemaOlderMessage,
  TeamModeError,
  type TeamDatabaseAddress,
} from './team-mode-error';
import { isTeamRole, type TeamRole } from './team-roles';

/** A server that does not answer is reported after this long, not after the OS gives up. */
const connectTimeoutMs = 10_000;

export function addressOfInput(input: TeamConnectionInput): TeamDatabaseAddress {
  return { server: `${input.host}:${input.port}`, user: input.user, database: input.database };
}

/**
 * The connection a person's fields describe (docs/team-mode.md, "TLS"): verify-full checks the
 * server's certificate against the CA certificate given (or the system's), require only
 * encrypts, and no TLS at all only to this computer. The CA certificate is text, never a path.
 */
export function postgresConfigOf(input: TeamConnectionInput): pg.ClientConfig {
  if (input.tlsMode === 'disable' && !isLoopbackHost(input.host)) {
    throw new TeamModeError(
      `A connection without TLS is allowed only to this computer, not to ${input.host}. Choose verify-full.`,
      'tlsMode',
    );
  }
  const ca = input.caCertificate?.trim();
  return {
    host: input.host,
    port: input.port,
    database: input.database,
    user: input.user,
    password: input.password,
    connectionTimeoutMillis: connectTimeoutMs,
    ssl:
      input.tlsMode === 'disable'
        ? false
        : { rejectUnauthorized: input.tlsMode === 'verify-full', ...(ca ? { ca } : {}) },
  };
}

/** Who the server takes this login for, from the team's list; null for a login on no list (the owner). */
export type TeamMemberIdentity = {
  readonly login: string;
  readonly fullName: string;
  readonly role: TeamRole;
};

/**
 * Checks that the database is a team database at exactly this build's schema, without changing
 * it (a person's login may not migrate; the administrator's `advocase team init` does), then
 * reads who this login is.
 */
export async function readTeamIdentity(db: Kysely<unknown>): Promise<TeamMemberIdentity | null> {
  const { rows } = await sql<{ migrated: number; team: number }>`
    SELECT to_regclass('kysely_migration') IS NOT NULL AS migrated,
           to_regclass('team_members') IS NOT NULL AS team`.execute(db);
  if (!rows[0]?.migrated || !rows[0].team) throw new TeamModeError(notSetUpMessage, 'database');
  const applied = (await sql<{ name: string }>`SELECT name FROM kysely_migration`.execute(db)).rows.map(
    (row) => row.name,
  );
  if (applied.some((name) => !(name in postgresMigrations))) {
    throw new TeamModeError(schemaNewerMessage);
  }
  if (Object.keys(postgresMigrations).some((name) => !applied.includes(name))) {
    throw new TeamModeError(schemaOlderMessage, 'database');
  }
  const member = await sql<{ login: string; full_name: string; role: string }>`
    SELECT login, full_name, role FROM team_members WHERE login = session_user`.execute(db);
  const row = member.rows[0];
  if (!row || !isTeamRole(row.role)) return null;
  return { login: row.login, fullName: row.full_name, role: row.role };
}

/**
 * Opens the team database a person's fields describe, as that person, and says who they are;
 * a login that is on no team list (the database's owner, a stranger) is refused, since what it
 * would see is no one's caseload. Every failure comes back classified (team-mode-error.ts).
 */
export async function openTeamDatabase(
  input: TeamConnectionInput,
): Promise<{ readonly store: Store; readonly identity: TeamConnectionTest }> {
  const address = addressOfInput(input);
  const db = openPostgresConnection<AdvocaseDatabase>({ config: postgresConfigOf(input) });
  try {
    const member = await readTeamIdentity(db as Kysely<unknown>);
    if (!member) {
      throw new TeamModeError(
        `${input.user} is not on this team’s list of people. Ask an admin to add you (advocase team add-user), then use the login and password they give you.`,
        'user',
      );
    }
    return {
      store: { db, close: () => db.destroy() },
      identity: { server: address.server, database: input.database, ...member },
    };
  } catch (error) {
    await db.destroy().catch(() => undefined);
    throw describeTeamDatabaseFailure(error, address);
  }
}

/** Connects once, says who this login is, and disconnects: Settings → Team's "Test connection". */
export async function testTeamConnection(input: TeamConnectionInput): Promise<TeamConnectionTest> {
  try {
    const { store, identity } = await openTeamDatabase(input);
    await store.close();
    return identity;
  } catch (error) {
    throw asTeamConnectionFailure(error);
  }
}

/** A classified team database failure as the contract reports it (field: the input to fix); anything else unchanged. */
export function asTeamConnectionFailure(error: unknown): unknown {
  return error instanceof TeamModeError
    ? new AppError('TEAM_CONNECTION_FAILED', error.message, error.field)
    : error;
}
