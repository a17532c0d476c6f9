import { createServer } from 'node:net';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { openPostgresConnection } from '../../src/core/db/dialect/postgres/open-postgres-connection';
import { migrateDatabase } from '../../src/core/db/migrate';
import type { TeamMember } from '../../src/core/team/team-administration';
import { postgresMigrations } from '../../src/core/db/dialect/postgres/migrations';
import { createPostgresTestDatabase, type PostgresTestDatabase } from '../helpers/postgres-database';
import { runAdvocase } from '../helpers/run-cli-in-process';
import { useTemporaryDataDirectory } from '../helpers/temporary-data-directory';
import { urlAs } from '../helpers/team-database';

const newDataDirectory = useTemporaryDataDirectory();
const databases: PostgresTestDatabase[] = [];

afterAll(async () => {
  for (const database of databases.splice(0)) await database.drop();
});

async function emptyDatabase(): Promise<PostgresTestDatabase> {
  const database = await createPostgresTestDatabase({ migrated: false });
  databases.push(database);
  return database;
}

const team = (args: readonly string[], url: string) =>
  runAdvocase(['team', ...args], { ADVOCASE_DATA_DIR: newDataDirectory(), ADVOCASE_DATABASE_URL: url });

/**
 * Everything `team init` makes, read from the catalog (the embedded server has no pg_dump):
 * tables and columns, row-security switches, policies, triggers, functions with their bodies,
 * table and function grants, the group roles and the migration steps recorded.
 */
async function schemaDump(url: string): Promise<unknown> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const read = async (text: string) => (await client.query<Record<string, unknown>>(text)).rows;
    return {
      columns: await read(`SELECT table_name, column_name, data_type, is_nullable, column_default
        FROM information_schema.columns WHERE table_schema = current_schema() ORDER BY 1, 2`),
      security: await read(`SELECT relname, relrowsecurity, relforcerowsecurity FROM pg_class
        WHERE relnamespace = current_schema()::regnamespace AND relkind = 'r' ORDER BY 1`),
      policies: await read(
        `SELECT tablename, policyname, roles::text, cmd, qual, with_check FROM pg_policies ORDER BY 1, 2`,
      ),
      triggers:
        await read(`SELECT tgrelid::regclass::text AS "table", tgname, pg_get_triggerdef(oid) AS definition
        FROM pg_trigger WHERE NOT tgisinternal ORDER BY 1, 2`),
      functions:
        await read(`SELECT oid::regprocedure::text AS signature, prosrc, prosecdef, proconfig::text, proacl::text
        FROM pg_proc WHERE pronamespace = current_schema()::regnamespace ORDER BY 1`),
      grants: await read(`SELECT grantee, table_name, privilege_type FROM information_schema.role_table_grants
        WHERE table_schema = current_schema() ORDER BY 1, 2, 3`),
      roles: await read(
        `SELECT rolname, rolcanlogin FROM pg_roles WHERE rolname LIKE 'advocase\\_%' ORDER BY 1`,
      ),
      steps: await read(`SELECT name FROM kysely_migration ORDER BY name`),
      auditHead: await read(`SELECT last_id FROM team_audit_head`),
    };
  } finally {
    await client.end();
  }
}

describe('advocase team init', () => {
  // Said as one number, not the steps' internal names (0198-team-search-scoped is 198).
  const latestVersion = Number.parseInt(Object.keys(postgresMigrations).at(-1)!, 10);

  it('sets a new database up, and run again changes nothing at all', async () => {
    const database = await emptyDatabase();
    const first = await team(['init'], database.url);
    expect(first).toMatchObject({ code: 0, stderr: '' });
    expect(first.stdout).toBe(
      `Team database set up (schema version ${latestVersion}). Next: advocase team add-user --login NAME --role admin --full-name "…".\n`,
    );
    const before = await schemaDump(database.url);

    const again = await team(['init'], database.url);
    expect(again).toMatchObject({
      code: 0,
      stdout: `The team database is already up to date (schema version ${latestVersion}); nothing changed.\n`,
    });
    expect(await schemaDump(database.url)).toEqual(before);
  });

  it('brings a database of an older schema up to date, in one step', async () => {
    const database = await emptyDatabase();
    const db = openPostgresConnection<unknown>({ url: database.url });
    await migrateDatabase(db, '0101-caseload-quick-filter-trigrams');
    await db.destroy();

    const result = await team(['init'], database.url);
    expect(result.code).toBe(0);
    // Every step after the baseline (0101): the chain's later pairs and the team's own.
    expect(result.stdout).toBe(`Team database brought up to date: schema version 101 to ${latestVersion}.\n`);
  });
});

describe('advocase --help', () => {
  it('lists the team commands and where their connection comes from', async () => {
    const help = await runAdvocase(['--help'], { ADVOCASE_DATA_DIR: newDataDirectory() });
    expect(help.stdout).toContain('advocase team init | add-user --login NAME --role ROLE --full-name');
    expect(help.stdout).toContain('--database-url or ADVOCASE_DATABASE_URL');
  });
});

describe('advocase team: people', () => {
  it('add-user prints only the one-time password, which then connects; the others manage and list people', async () => {
    const database = await emptyDatabase();
    await team(['init'], database.url);
    const admin = await team(
      ['add-user', '--login', 'ada_admin', '--role', 'admin', '--full-name', 'Ada Admin'],
      database.url,
    );
    expect(admin.code).toBe(0);
    expect(admin.stdout).toMatch(/^[A-Za-z0-9_-]{24}\n$/);
    expect(admin.stderr).toMatch(/shown once/);
    const adminUrl = urlAs(database.url, 'ada_admin', admin.stdout.trim());

    const added = await team(
      ['add-user', '--login', 'jrivera', '--role', 'navigator', '--full-name', 'Jordan Rivera'],
      adminUrl,
    );
    expect(added.code).toBe(0);
    const asJordan = new pg.Client({ connectionString: urlAs(database.url, 'jrivera', added.stdout.trim()) });
    await asJordan.connect();
    expect((await asJordan.query('SELECT session_user AS who')).rows).toEqual([{ who: 'jrivera' }]);
    await asJordan.end();

    expect((await team(['set-role', '--login', 'jrivera', '--role', 'supervisor'], adminUrl)).stdout).toBe(
      'jrivera is now a supervisor.\n',
    );
    const listed = await team(['list-users', '--json'], adminUrl);
    expect(JSON.parse(listed.stdout)).toEqual([
      { login: 'ada_admin', fullName: 'Ada Admin', role: 'admin', disabled: false, assignedCases: 0 },
      { login: 'jrivera', fullName: 'Jordan Rivera', role: 'supervisor', disabled: false, assignedCases: 0 },
    ]);
    const disabled = await team(['disable-user', '--login', 'jrivera'], adminUrl);
    expect(disabled.stdout).toMatch(/^jrivera can no longer connect \(0 open sessions ended\)/);
    const afterwards = JSON.parse((await team(['list-users', '--json'], adminUrl)).stdout) as TeamMember[];
    expect(afterwards[1]?.disabled).toBe(true);
    expect(await team(['verify-audit'], database.url)).toMatchObject({
      code: 0,
      stdout: expect.stringMatching(/check out/) as unknown,
    });
  });

  it('says what is wrong, exit 2, for bad input and every connection problem', async () => {
    const database = await emptyDatabase();
    const notSetUp = await team(['list-users'], database.url);
    expect(notSetUp).toMatchObject({ code: 2, stdout: '' });
    expect(notSetUp.stderr).toMatch(
      /not set up for team mode yet: ask your administrator to run advocase team init/,
    );

    await team(['init'], database.url);
    const unknownRole = await team(
      ['add-user', '--login', 'kim', '--role', 'boss', '--full-name', 'Kim'],
      database.url,
    );
    expect(unknownRole).toMatchObject({ code: 2, stdout: '' });
    expect(unknownRole.stderr).toMatch(
      /"boss" is not a team role: use one of navigator, supervisor, viewer, admin/,
    );

    const navigator = await team(
      ['add-user', '--login', 'kim', '--role', 'navigator', '--full-name', 'Kim Lee'],
      database.url,
    );
    const taken = await team(
      ['add-user', '--login', 'kim', '--role', 'viewer', '--full-name', 'Kim Other'],
      database.url,
    );
    expect(taken).toMatchObject({ code: 2, stdout: '' });
    expect(taken.stderr).toMatch(/The login kim is taken/);

    const kimUrl = urlAs(database.url, 'kim', navigator.stdout.trim());
    const notAdmin = await team(
      ['add-user', '--login', 'lee', '--role', 'navigator', '--full-name', 'Lee'],
      kimUrl,
    );
    expect(notAdmin).toMatchObject({ code: 2 });
    expect(notAdmin.stderr).toMatch(/kim is not an admin of this team/);

    const wrongPassword = await team(['list-users'], urlAs(database.url, 'kim', 'not-the-password'));
    expect(wrongPassword).toMatchObject({ code: 2 });
    expect(wrongPassword.stderr).toMatch(/refused the password for kim/);

    const closedPort = await new Promise<number>((resolve) => {
      const probe = createServer().listen(0, '127.0.0.1', () => {
        const { port } = probe.address() as { port: number };
        probe.close(() => resolve(port));
      });
    });
    const unreachable = await team(['list-users'], `postgres://kim:x@127.0.0.1:${closedPort}/team`);
    expect(unreachable).toMatchObject({ code: 2 });
    expect(unreachable.stderr).toMatch(
      new RegExp(`Cannot reach the PostgreSQL server at 127\\.0\\.0\\.1:${closedPort}`),
    );

    expect((await team(['list-users'], 'mysql://nope')).stderr).toMatch(
      /must name a server and a database: postgres:\/\//,
    );
    const noUrl = await runAdvocase(['team', 'list-users'], { ADVOCASE_DATA_DIR: newDataDirectory() });
    expect(noUrl).toMatchObject({ code: 2 });
    expect(noUrl.stderr).toMatch(/--database-url postgres:\/\//);
    expect(
      (await team(['share', '--case', '1', '--with', 'kim', '--until', 'tomorrow'], database.url)).stderr,
    ).toMatch(/--until takes the share's last day as YYYY-MM-DD/);
    expect((await team(['assign', '--case', 'x', '--to', 'kim'], database.url)).stderr).toMatch(
      /--case takes a case number/,
    );
    expect((await team(['promote'], database.url)).stderr).toMatch(
      /Say what to do: advocase team init, add-user/,
    );
    expect(
      (await team(['add-user', '--login', 'Bad Name', '--role', 'viewer', '--full-name', 'X'], database.url))
        .stderr,
    ).toMatch(/cannot be a login/);
  });
});
