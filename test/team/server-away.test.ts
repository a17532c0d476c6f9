import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addTeamMember, initTeamDatabase } from '../../src/core/team/team-administration';
import type { LiveChangesOutput } from '../../src/shared/schemas/live';
import { startTeamContractSession, type ContractSession } from '../helpers/contract-session';
import { startPostgresServer, type PostgresServer } from '../helpers/postgres-server';
import { createTeamTestDatabase, urlAs, type TeamTestDatabase } from '../helpers/team-database';
import { useTemporaryDataDirectory } from '../helpers/temporary-data-directory';

const newDataDirectory = useTemporaryDataDirectory();

/** Asks live.changes, as the screen's loop does, until `wanted` or `withinMs` has passed. */
async function listenUntil(
  session: ContractSession,
  from: LiveChangesOutput,
  wanted: (answer: LiveChangesOutput) => boolean,
  withinMs: number,
): Promise<LiveChangesOutput> {
  let last = from;
  const deadline = Date.now() + withinMs;
  while (!wanted(last) && Date.now() < deadline) {
    last = await session.call('live.changes', {
      stream: last.stream,
      after: last.cursor,
      reachable: last.reachable,
    });
  }
  return last;
}

describe('a save cut off half way', () => {
  let team: TeamTestDatabase;
  // The first test database of a run migrates the shared template, which takes a while under load.
  beforeAll(async () => {
    team = await createTeamTestDatabase();
  }, 120_000);
  afterAll(() => team.drop());

  it('leaves nothing of it, says the server cannot be reached, and the same save works when tried again', async () => {
    const alice = await team.addPerson('alice', 'navigator');
    const asAlice = await startTeamContractSession(newDataDirectory(), alice.url);
    const owner = await team.connect(team.ownerUrl);
    try {
      // Nobody may add an audit entry until the owner lets go (a table lock an insert waits for).
      await owner.query('BEGIN');
      await owner.query('LOCK TABLE audit_log IN SHARE ROW EXCLUSIVE MODE');
      const save = asAlice.failure('clients.create', { fullName: 'Ruth Abara' });
      // The client's row is written; the save waits for its audit entry, inside its transaction.
      let waiting: number | undefined;
      while (waiting === undefined) {
        const { rows } = await owner.query<{ pid: number }>(
          `SELECT pid FROM pg_stat_activity WHERE usename = $1 AND wait_event_type = 'Lock'`,
          [alice.login],
        );
        waiting = rows[0]?.pid;
        if (waiting === undefined) await sleep(20);
      }
      await owner.query('SELECT pg_terminate_backend($1)', [waiting]);
      await owner.query('ROLLBACK');

      const error = await save;
      expect(error.code).toBe('SERVER_UNREACHABLE');
      expect(error.message).toBe(
        'The team database cannot be reached, so nothing was changed. What you typed is still here: try again in a moment.',
      );
      expect(await asAlice.call('clients.list', {})).toEqual([]);

      const retried = await asAlice.call('clients.create', { fullName: 'Ruth Abara' });
      expect((await asAlice.call('clients.list', {})).map((client) => client.id)).toEqual([retried.id]);
    } finally {
      await asAlice.close();
    }
  });
});

describe('when the team database’s server stops and starts again', () => {
  let server: PostgresServer;
  let navigatorUrl: string;
  beforeAll(async () => {
    // A server of this file's own: stopping the run's shared one would stop every other test file.
    server = await startPostgresServer();
    const maintenance = new pg.Client({ connectionString: server.urlOf('postgres') });
    await maintenance.connect();
    await maintenance.query('CREATE DATABASE advocase_team');
    await maintenance.end();
    const ownerUrl = server.urlOf('advocase_team');
    await initTeamDatabase(ownerUrl);
    const password = await addTeamMember(ownerUrl, {
      login: 'jrivera',
      role: 'navigator',
      fullName: 'Jordan Rivera',
    });
    navigatorUrl = urlAs(ownerUrl, 'jrivera', password);
  }, 120_000);
  afterAll(() => server?.stop());

  it('refuses saves and reads with a clear message while it is away, then reads, saves and hears changes again without a restart', async () => {
    const asJordan = await startTeamContractSession(newDataDirectory(), navigatorUrl);
    try {
      const kept = await asJordan.call('clients.create', { fullName: 'Ana Souza' });
      const start = await asJordan.call('live.changes', {});
      expect(start.reachable).toBe(true);

      await server.stopForAWhile();
      const refusedSave = await asJordan.failure('clients.create', { fullName: 'Tomás Reyes' });
      expect(refusedSave.code).toBe('SERVER_UNREACHABLE');
      expect((await asJordan.failure('clients.list', {})).code).toBe('SERVER_UNREACHABLE');
      const away = await listenUntil(asJordan, start, (answer) => !answer.reachable, 10_000);
      expect(away.reachable).toBe(false);

      await server.startAgain();
      const back = await listenUntil(asJordan, away, (answer) => answer.reachable, 30_000);
      expect(back).toMatchObject({ reachable: true, everything: true });
      expect((await asJordan.call('clients.list', {})).map((client) => client.fullName)).toEqual([
        'Ana Souza',
      ]);
      const saved = await asJordan.call('clients.create', { fullName: 'Tomás Reyes' });
      const heard = await listenUntil(
        asJordan,
        back,
        (answer) => answer.changes.some((change) => change.id === saved.id),
        2_000,
      );
      expect(heard.changes).toContainEqual({ table: 'clients', id: saved.id, caseId: null });
      expect(kept.id).not.toBe(saved.id);
    } finally {
      await asJordan.close();
    }
  });
});
