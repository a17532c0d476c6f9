import type { TeamRole } from '../../src/core/team/team-roles';
import { startTeamDatabase as startTeamServer } from './team-database';
import { test as harnessTest } from './web-harness-fixture';

/** A person on the e2e team, with the one-time password `advocase team add-user` printed. */
export type TeamDatabasePerson = {
  readonly login: string;
  readonly fullName: string;
  readonly role: TeamRole;
  readonly password: string;
  /** `postgres://login:password@127.0.0.1:port/advocase_team` (no TLS: the server is on this computer). */
  readonly url: string;
};

export type RunningTeamDatabase = {
  readonly host: '127.0.0.1';
  readonly port: number;
  readonly database: string;
  /** The owner's URL (it ran `team init` and added the people): it sees no client's data. */
  readonly ownerUrl: string;
  readonly people: Readonly<Record<TeamPersonName, TeamDatabasePerson>>;
  readonly stop: () => Promise<void>;
};

/** The team every e2e run starts with: one of each role that works with cases, and an admin. */
export const e2eTeam = {
  jrivera: { fullName: 'Jordan Rivera', role: 'navigator' },
  mchen: { fullName: 'Mei Chen', role: 'supervisor' },
  counsel: { fullName: 'Sam Ortiz', role: 'viewer' },
  ada: { fullName: 'Ada Okafor', role: 'admin' },
} as const satisfies Record<string, { fullName: string; role: TeamRole }>;

export type TeamPersonName = keyof typeof e2eTeam;

/**
 * The team database of e2e/support/team-database.ts (its own embedded server, `team init`) with
 * the people of `e2eTeam` added as `team add-user` adds them.
 */
export async function startTeamDatabase(): Promise<RunningTeamDatabase> {
  const team = await startTeamServer();
  try {
    const ownerUrl = new URL(team.ownerUrl);
    const people = {} as Record<TeamPersonName, TeamDatabasePerson>;
    for (const [login, { fullName, role }] of Object.entries(e2eTeam)) {
      const person = await team.addPerson(login, role, fullName);
      const password = decodeURIComponent(new URL(person.url).password);
      people[login as TeamPersonName] = { login, fullName, role, password, url: person.url };
    }
    return {
      host: '127.0.0.1',
      port: Number(ownerUrl.port),
      database: ownerUrl.pathname.slice(1),
      ownerUrl: team.ownerUrl,
      people,
      stop: () => team.stop(),
    };
  } catch (error) {
    await team.stop();
    throw error;
  }
}

/**
 * The web harness fixture with a team database for the worker. `test.use({ teamLogin: 'jrivera' })`
 * starts each test's harness already on the team database as that person (ADVOCASE_DATABASE_URL);
 * left null, the harness opens the local store and the test joins from the app.
 */
export const test = harnessTest.extend<
  { teamLogin: TeamPersonName | null },
  { teamDatabase: RunningTeamDatabase }
>({
  teamDatabase: [
    // eslint-disable-next-line no-empty-pattern -- Playwright reads the fixtures a fixture needs from this pattern.
    async ({}, use) => {
      const teamDatabase = await startTeamDatabase();
      await use(teamDatabase);
      await teamDatabase.stop();
    },
    // Starting a server and running the whole chain outlasts a test's own time on a busy machine.
    { scope: 'worker', timeout: 180_000 },
  ],
  teamLogin: [null, { option: true }],
  harnessEnvironment: async ({ teamLogin, teamDatabase }, use) => {
    await use(teamLogin ? { ADVOCASE_DATABASE_URL: teamDatabase.people[teamLogin].url } : {});
  },
});

export { expect } from '@playwright/test';
