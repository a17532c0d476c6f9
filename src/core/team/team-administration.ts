import { randomBytes } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import pg from 'pg';
import { openPostgresConnection } from '../db/dialect/postgres/open-postgres-connection';
import { migrateDatabase } from '../db/migrate';
import type { AuditVerification } from '../../shared/schemas/audit';
import type { TeamMember } from '../../shared/schemas/assignments';
import type { AdvocaseDatabase } from '../db/schema';
import { assignCaseTo, listTeamMembersIn, reassignAllCases, shareCaseWith } from './case-handover';
import { scramSha256Secret } from './scram-secret';
import { verifyTeamAuditTrail } from './team-audit-trail';
import { addressOfUrl, describeTeamDatabaseFailure, TeamModeError } from './team-mode-error';
import { isTeamRole, teamRoles, type TeamRole } from './team-roles';

export type { TeamMember };

/**
 * Setting up a team database and managing its people (`advocase team …`, docs/team-mode.md).
 * Every rule is the database's: these calls run its `advocase_team_*` functions with the
 * caller's own login, and the functions decide whether that person may.
 */

function parseDatabaseUrl(url: string): URL {
  const parsed = URL.canParse(url) ? new URL(url) : null;
  if (!parsed || !['postgres:', 'postgresql:'].includes(parsed.protocol)) {
    throw new TeamModeError(
      'The database address must look like postgres://user:password@host:5432/database?sslmode=verify-full.',
    );
  }
  return parsed;
}

async function withTeamDatabase<Result>(
  url: string,
  work: (client: pg.Client) => Promise<Result>,
): Promise<Result> {
  const address = parseDatabaseUrl(url);
  const client = new pg.Client({ connectionString: url });
  // A server that goes away mid-call is reported by the query that fails, not as an unhandled event.
  client.on('error', () => undefined);
  try {
    await client.connect();
    return await work(client);
  } catch (error) {
    throw describeTeamDatabaseFailure(error, addressOfUrl(address));
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * Brings a database to this build's team schema with the owner's connection: the PostgreSQL
 * chain (app tables, then team mode's roles, policies, audit trail and change announcements),
 * all pending steps in one transaction. On a database already up to date it changes nothing.
 * Returns the steps it applied.
 */
export async function initTeamDatabase(url: string): Promise<string[]> {
  const address = parseDatabaseUrl(url);
  // The owner's policies let it see the rows while it says it is maintaining the database, so a
  // step that changes data changes all of it (0145-team-members-and-row-security.ts).
  const maintenance = new URL(address);
  maintenance.searchParams.set('options', '-c advocase.owner_maintenance=on');
  const db = openPostgresConnection<unknown>({ url: maintenance.toString() });
  const appliedSteps = async () => {
    const { rows } = await sql<{
      exists: number;
    }>`SELECT to_regclass('kysely_migration') IS NOT NULL AS exists`.execute(db);
    if (!rows[0]?.exists) return [];
    return (await sql<{ name: string }>`SELECT name FROM kysely_migration`.execute(db)).rows.map(
      (row) => row.name,
    );
  };
  try {
    const before = new Set(await appliedSteps());
    await migrateDatabase(db);
    return (await appliedSteps()).filter((name) => !before.has(name)).sort();
  } catch (error) {
    throw describeTeamDatabaseFailure(error, addressOfUrl(address));
  } finally {
    await db.destroy();
  }
}

const loginPattern = /^[a-z][a-z0-9_.-]{0,62}$/;

function checkLogin(login: string): void {
  if (!loginPattern.test(login) || /^(pg_|advocase_)/.test(login)) {
    throw new TeamModeError(
      `"${login}" cannot be a login: use 1 to 63 lowercase letters, digits, ".", "-" or "_", starting with a letter (not "pg_" or "advocase_"), for example jrivera.`,
    );
  }
}

export function checkTeamRole(role: string): TeamRole {
  if (!isTeamRole(role)) {
    throw new TeamModeError(`"${role}" is not a team role: use one of ${teamRoles.join(', ')}.`);
  }
  return role;
}

/**
 * Adds a person: a LOGIN role in their role's group, and their row in team_members, in one
 * transaction. Returns the one-time password, which exists nowhere else: the server is given
 * only its SCRAM secret.
 */
export async function addTeamMember(
  url: string,
  member: { readonly login: string; readonly fullName: string; readonly role: string },
): Promise<string> {
  checkLogin(member.login);
  const role = checkTeamRole(member.role);
  const fullName = member.fullName.trim();
  if (!fullName) throw new TeamModeError('Give the person’s full name (--full-name "Jordan Rivera").');
  const password = randomBytes(18).toString('base64url');
  await withTeamDatabase(url, (client) =>
    client.query('SELECT advocase_team_add_member($1, $2, $3, $4)', [
      member.login,
      fullName,
      role,
      scramSha256Secret(password),
    ]),
  );
  return password;
}

export async function setTeamMemberRole(url: string, login: string, role: string): Promise<void> {
  const checked = checkTeamRole(role);
  await withTeamDatabase(url, (client) =>
    client.query('SELECT advocase_team_set_role($1, $2)', [login, checked]),
  );
}

/**
 * Disables a person: their login can no longer connect and their open sessions are ended. Their
 * cases stay, assigned to them until a supervisor reassigns them. Returns the sessions ended.
 */
export async function disableTeamMember(url: string, login: string): Promise<number> {
  return withTeamDatabase(url, async (client) => {
    const { rows } = await client.query<{ ended: number }>(
      'SELECT advocase_team_disable_member($1) AS ended',
      [login],
    );
    return rows[0]!.ended;
  });
}

/**
 * The app's own connection to a team database as `login` (the address's user), for the hand-over
 * calls the app's contract makes too (case-handover.ts): one implementation for both.
 */
async function withTeamStore<Result>(
  url: string,
  work: (db: Kysely<AdvocaseDatabase>, actor: string) => Promise<Result>,
): Promise<Result> {
  const address = parseDatabaseUrl(url);
  const db = openPostgresConnection<AdvocaseDatabase>({ url });
  try {
    return await work(db, decodeURIComponent(address.username));
  } catch (error) {
    throw describeTeamDatabaseFailure(error, addressOfUrl(address));
  } finally {
    await db.destroy();
  }
}

/** Moves every case and client assigned to one navigator to another; returns the cases moved. */
export function reassignCases(url: string, fromLogin: string, toLogin: string): Promise<number> {
  return withTeamStore(url, (db, actor) => reassignAllCases(db, actor, { fromLogin, toLogin }));
}

export async function assignCase(url: string, caseId: number, toLogin: string): Promise<void> {
  await withTeamStore(url, (db, actor) => assignCaseTo(db, actor, caseId, toLogin));
}

/** Shares a case with someone through its last day, `lastDay` (YYYY-MM-DD, the server's calendar). */
export async function shareCase(
  url: string,
  caseId: number,
  withLogin: string,
  lastDay: string,
): Promise<void> {
  await withTeamStore(url, (db, actor) => shareCaseWith(db, actor, caseId, withLogin, lastDay));
}

/** The team as the caller may see it, with each person's count of assigned cases. */
export function listTeamMembers(url: string): Promise<TeamMember[]> {
  return withTeamStore(url, (db) => listTeamMembersIn(db));
}

/** Walks the team audit trail's chain with the app's verifier (supervisors may read it). */
export function checkTeamAuditTrail(url: string): Promise<AuditVerification> {
  return withTeamDatabase(url, verifyTeamAuditTrail);
}
