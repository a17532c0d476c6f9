import { createServer } from 'node:net';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../src/core/errors';
import { disableTeamMember } from '../../src/core/team/team-administration';
import { testTeamConnection } from '../../src/core/team/team-connection';
import type { TeamConnectionInput } from '../../src/shared/schemas/team';
import { createPostgresTestDatabase, type PostgresTestDatabase } from '../helpers/postgres-database';
import {
  connectionInputOf,
  createTeamTestDatabase,
  type TeamPerson,
  type TeamTestDatabase,
} from '../helpers/team-database';

let team: TeamTestDatabase;
let navigator: TeamPerson;
const otherDatabases: PostgresTestDatabase[] = [];

beforeAll(async () => {
  team = await createTeamTestDatabase();
  navigator = await team.addPerson('jrivera', 'navigator');
});

afterAll(async () => {
  await team.drop();
  for (const database of otherDatabases.splice(0)) await database.drop();
});

/** The failure "Test connection" reports, as the contract carries it. */
async function failureOf(input: TeamConnectionInput): Promise<{ message: string; field?: string }> {
  const error = await testTeamConnection(input).then(
    () => {
      throw new Error('The connection should have failed.');
    },
    (failure: unknown) => failure,
  );
  expect(error).toBeInstanceOf(AppError);
  const { code, message, field } = (error as AppError).toApiError();
  expect(code).toBe('TEAM_CONNECTION_FAILED');
  // Whatever the cause, the password typed is never in what comes back.
  expect(message).not.toContain(input.password);
  return field === undefined ? { message } : { message, field };
}

async function asOwner(url: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

async function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

describe('testing a connection to a team database (Settings → Team)', () => {
  it('says who the server takes the login for: full name and role from the team list', async () => {
    const input = connectionInputOf(navigator.url);
    expect(await testTeamConnection(input)).toEqual({
      server: `127.0.0.1:${input.port}`,
      database: input.database,
      login: navigator.login,
      fullName: navigator.fullName,
      role: 'navigator',
    });
  });

  it('a wrong password, or a login the server does not have: the password field, with the server and login', async () => {
    const input = connectionInputOf(navigator.url);
    const wrong = await failureOf({ ...input, password: 'not-the-password-at-all' });
    expect(wrong.field).toBe('password');
    expect(wrong.message).toContain(
      `The server at 127.0.0.1:${input.port} refused the password for ${navigator.login}, or has no such login.`,
    );
    const stranger = await failureOf({ ...input, user: 'nobody_here' });
    expect(stranger.field).toBe('password');
    expect(stranger.message).toMatch(/refused the password for nobody_here/);
  });

  it('a server that does not answer: its host:port', async () => {
    const port = await closedPort();
    const failure = await failureOf({ ...connectionInputOf(navigator.url), port });
    expect(failure.field).toBe('host');
    expect(failure.message).toMatch(
      new RegExp(`^Cannot reach the PostgreSQL server at 127\\.0\\.0\\.1:${port} \\(ECONNREFUSED\\)`),
    );
  });

  it('TLS asked of a server that offers none: a TLS problem, about the CA certificate', async () => {
    const failure = await failureOf({ ...connectionInputOf(navigator.url), tlsMode: 'require' });
    expect(failure.field).toBe('caCertificate');
    expect(failure.message).toMatch(
      /^The secure \(TLS\) connection to 127\.0\.0\.1:\d+ failed: The server does not support SSL connections\./,
    );
  });

  it('a disabled login: the server no longer lets it in', async () => {
    const leaver = await team.addPerson('leaver', 'navigator');
    await disableTeamMember(team.ownerUrl, leaver.login);
    const failure = await failureOf(connectionInputOf(leaver.url));
    expect(failure.field).toBe('user');
    expect(failure.message).toMatch(
      new RegExp(
        `does not let ${leaver.login} connect .*A disabled team member can no longer connect; ask an admin\\.`,
      ),
    );
  });

  it('a database with no team schema yet: the administrator runs team init', async () => {
    const empty = await createPostgresTestDatabase({ migrated: false });
    otherDatabases.push(empty);
    const failure = await failureOf(connectionInputOf(empty.url));
    expect(failure).toEqual({
      field: 'database',
      message:
        'This database is not set up for team mode yet: ask your administrator to run advocase team init with the owner’s connection.',
    });
  });

  it('a database that does not exist: its name and server', async () => {
    const input = connectionInputOf(navigator.url);
    const failure = await failureOf({ ...input, database: 'no_such_team' });
    expect(failure).toEqual({
      field: 'database',
      message: `There is no database no_such_team on 127.0.0.1:${input.port}. Check the database name, or ask your administrator to create it.`,
    });
  });

  it('a schema a newer Advocase made: update this app; one an older one made: team init; neither is changed', async () => {
    const newer = await createTeamTestDatabase();
    const person = await newer.addPerson('kim', 'navigator');
    await asOwner(
      newer.ownerUrl,
      `INSERT INTO kysely_migration (name, timestamp) VALUES ('9999-from-the-future', now()::text)`,
    );
    expect((await failureOf(connectionInputOf(person.url))).message).toBe(
      'This team database was set up by a newer version of Advocase. Update Advocase on this computer to connect; nothing was changed.',
    );
    await asOwner(
      newer.ownerUrl,
      `DELETE FROM kysely_migration WHERE name IN ('9999-from-the-future', '0148-team-row-versions')`,
    );
    expect(await failureOf(connectionInputOf(person.url))).toEqual({
      field: 'database',
      message:
        'This team database was set up by an older version of Advocase. Ask your administrator to run advocase team init, which brings it up to date; nothing was changed.',
    });
    await newer.drop();
  });

  it('a login on no team list (the database’s owner): ask an admin to be added', async () => {
    const input = connectionInputOf(team.ownerUrl);
    expect(await failureOf(input)).toEqual({
      field: 'user',
      message: `${input.user} is not on this team’s list of people. Ask an admin to add you (advocase team add-user), then use the login and password they give you.`,
    });
  });
});
