import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LiveChange, LiveChangesOutput } from '../../src/shared/schemas/live';
import {
  startContractSession,
  startTeamContractSession,
  type ContractSession,
} from '../helpers/contract-session';
import { createTeamTestDatabase, type TeamPerson, type TeamTestDatabase } from '../helpers/team-database';
import { useTemporaryDataDirectory } from '../helpers/temporary-data-directory';

const newDataDirectory = useTemporaryDataDirectory();

let team: TeamTestDatabase;
let alice: TeamPerson;
let sam: TeamPerson;

beforeAll(async () => {
  team = await createTeamTestDatabase();
  alice = await team.addPerson('alice', 'navigator');
  sam = await team.addPerson('sam', 'supervisor');
});

afterAll(() => team.drop());

/**
 * Asks `live.changes` again and again, as the screen's loop does, until `wanted` is among what it
 * answered or `withinMs` has passed (the promise made to people: "within 2 seconds").
 */
async function listenUntil(
  session: ContractSession,
  from: LiveChangesOutput,
  wanted: (answer: LiveChangesOutput) => boolean,
  withinMs = 2_000,
): Promise<LiveChangesOutput[]> {
  const answers: LiveChangesOutput[] = [];
  let last = from;
  const deadline = Date.now() + withinMs;
  while (!answers.some(wanted) && Date.now() < deadline) {
    const answer = await Promise.race([
      session.call('live.changes', { stream: last.stream, after: last.cursor, reachable: last.reachable }),
      sleep(Math.max(deadline - Date.now(), 0)).then(() => null),
    ]);
    if (!answer) break;
    answers.push(answer);
    last = answer;
  }
  return answers;
}

const changesIn = (answers: readonly LiveChangesOutput[]): LiveChange[] => answers.flatMap((a) => a.changes);

describe('live.changes', () => {
  it('brings a case another person opens to a second copy within 2 seconds', async () => {
    const asAlice = await startTeamContractSession(newDataDirectory(), alice.url);
    const asSam = await startTeamContractSession(newDataDirectory(), sam.url);
    try {
      const start = await asSam.call('live.changes', {});
      expect(start).toMatchObject({ live: true, reachable: true, everything: false, changes: [] });

      const client = await asAlice.call('clients.create', { fullName: 'Lia Lopez' });
      const opened = await asAlice.call('cases.create', { clientId: client.id, treatment: 'tms' });
      const answers = await listenUntil(asSam, start, (answer) =>
        answer.changes.some((change) => change.table === 'cases'),
      );

      expect(changesIn(answers)).toContainEqual({ table: 'cases', id: opened.id, caseId: opened.id });
      expect(changesIn(answers)).toContainEqual({ table: 'clients', id: client.id, caseId: null });
      // Only ids travel; the second copy reads the case through its own policies.
      const seen = await asSam.call('cases.get', { caseId: opened.id });
      expect(seen.clientName).toBe('Lia Lopez');
    } finally {
      await asAlice.close();
      await asSam.close();
    }
  });

  it('answers a copy whose cursor is from another feed (a restart) that everything must be read again', async () => {
    const asSam = await startTeamContractSession(newDataDirectory(), sam.url);
    try {
      const answer = await asSam.call('live.changes', { stream: 'from-before-a-restart', after: 12 });
      expect(answer).toMatchObject({ live: true, everything: true, changes: [] });
    } finally {
      await asSam.close();
    }
  });

  it('hears again after its connection is cut, and says to re-read what it may have missed', async () => {
    const asAlice = await startTeamContractSession(newDataDirectory(), alice.url);
    const asSam = await startTeamContractSession(newDataDirectory(), sam.url);
    try {
      const start = await asSam.call('live.changes', {});
      const owner = await team.connect(team.ownerUrl);
      await owner.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = $1', [
        sam.login,
      ]);

      // The cut is noticed (unreachable), then the feed connects again by itself and says so.
      const afterCut = await listenUntil(asSam, start, (answer) => answer.everything, 10_000);
      expect(afterCut.at(-1)).toMatchObject({ reachable: true, everything: true });

      const client = await asAlice.call('clients.create', { fullName: 'Omar Haddad' });
      const heard = await listenUntil(asSam, afterCut.at(-1)!, (answer) =>
        answer.changes.some((change) => change.table === 'clients' && change.id === client.id),
      );
      expect(changesIn(heard)).toContainEqual({ table: 'clients', id: client.id, caseId: null });
      // The pool's connections were cut too: reads go on without a restart.
      expect((await asSam.call('clients.list', {})).map((each) => each.fullName)).toContain('Omar Haddad');
    } finally {
      await asAlice.close();
      await asSam.close();
    }
  });

  it('on the local store answers that nothing is live', async () => {
    const local = await startContractSession(newDataDirectory());
    try {
      expect(await local.call('live.changes', {})).toMatchObject({ live: false, changes: [] });
    } finally {
      await local.close();
    }
  });
});
