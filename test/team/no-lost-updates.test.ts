import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { Session } from '../../src/core/session/session';
import { addTeamMember } from '../../src/core/team/team-administration';
import type { ApiError } from '../../src/shared/result';
import { contractCaller, startContractSession, type ContractCaller } from '../helpers/contract-session';
import { createTeamTestDatabase, urlAs } from '../helpers/team-database';
import { useTemporaryDataDirectory } from '../helpers/temporary-data-directory';
import { storeEngines, type StoreEngine } from '../helpers/test-stores';

/**
 * No lost updates (docs/team-mode.md, "Two people editing at once"), through the contract on both
 * stores: on PostgreSQL two people of the team with their own logins (a navigator and a
 * supervisor, who both may change the navigator's case); on SQLite two windows of the one person
 * (two sets of handlers over one session), where the one who saved first is "you".
 */
type Editors = {
  readonly jordan: ContractCaller;
  readonly mei: ContractCaller;
  /** How each is named to the other in a conflict. */
  readonly jordanAsSeenByMei: string | null;
  readonly meiAsSeenByJordan: string | null;
};

const newDataDirectory = useTemporaryDataDirectory();
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function teamSession(url: string, login: string): Promise<ContractCaller> {
  const session = new Session({ dataDirectory: newDataDirectory(), actor: login, teamDatabaseUrl: url });
  await session.connectTeamDatabase();
  cleanups.push(async () => void (await session.lock()));
  return contractCaller(session);
}

async function twoEditors(engine: StoreEngine): Promise<Editors> {
  if (engine === 'sqlite') {
    const window = await startContractSession(newDataDirectory(), 'navigator', 'sqlite');
    cleanups.push(window.close);
    return {
      jordan: window,
      mei: contractCaller(window.session),
      jordanAsSeenByMei: null,
      meiAsSeenByJordan: null,
    };
  }
  const team = await createTeamTestDatabase();
  cleanups.push(team.drop);
  const person = async (login: string, fullName: string, role: string) => {
    const unique = `${login}_${randomBytes(3).toString('hex')}`;
    const password = await addTeamMember(team.ownerUrl, { login: unique, fullName, role });
    return teamSession(urlAs(team.ownerUrl, unique, password), unique);
  };
  return {
    jordan: await person('jrivera', 'Jordan Rivera', 'navigator'),
    mei: await person('mchen', 'Mei Chen', 'supervisor'),
    jordanAsSeenByMei: 'Jordan Rivera',
    meiAsSeenByJordan: 'Mei Chen',
  };
}

async function openCase({ call }: ContractCaller) {
  const client = await call('clients.create', { fullName: 'Vic Vega', dateOfBirth: null, state: 'TX' });
  const opened = await call('cases.create', { clientId: client.id, treatment: 'tms', payer: 'Aetna' });
  return { client, caseId: opened.id };
}

function conflictOf(error: ApiError) {
  expect(error.code).toBe('EDIT_CONFLICT');
  return error.conflict!;
}

describe.each(storeEngines)('two people saving the same record (%s)', (engine) => {
  it('refuses the second save from the same version with who saved and when, changes nothing, and "save mine" then succeeds', async () => {
    const { jordan, mei, meiAsSeenByJordan } = await twoEditors(engine);
    const { caseId } = await openCase(jordan);
    const seenByJordan = await jordan.call('cases.get', { caseId });
    const seenByMei = await mei.call('cases.get', { caseId });
    expect(seenByMei.version).toBe(seenByJordan.version);

    const before = Date.now();
    const saved = await mei.call('cases.update', {
      caseId,
      version: seenByMei.version,
      changes: { priority: 'urgent' },
    });
    expect(saved.version).toBeGreaterThan(seenByMei.version);

    const refused = await jordan.failure('cases.update', {
      caseId,
      version: seenByJordan.version,
      changes: { priority: 'low', assignedAdvocate: 'Jordan' },
    });
    const conflict = conflictOf(refused);
    expect(conflict).toMatchObject({ version: saved.version, changedBy: meiAsSeenByJordan });
    expect(refused.message).toContain(meiAsSeenByJordan ?? 'you, in another window');
    expect(Date.parse(conflict.changedAt)).toBeGreaterThanOrEqual(before - 1000);
    // The advocate stays whom the case was opened for (a team names the navigator who opened it).
    expect(conflict.current).toMatchObject({
      id: caseId,
      priority: 'urgent',
      assignedAdvocate: seenByJordan.assignedAdvocate,
    });
    // Nothing of Jordan's save was written, for either of them.
    for (const reader of [jordan, mei]) {
      expect(await reader.call('cases.get', { caseId })).toMatchObject({
        priority: 'urgent',
        assignedAdvocate: seenByJordan.assignedAdvocate,
        version: saved.version,
      });
    }

    // "Save mine over theirs": sent again with the version now saved, it goes through.
    const mine = await jordan.call('cases.update', {
      caseId,
      version: conflict.version,
      changes: { priority: 'low', assignedAdvocate: 'Jordan' },
    });
    expect(mine).toMatchObject({ priority: 'low', assignedAdvocate: 'Jordan' });
    expect(mine.version).toBeGreaterThan(saved.version);
  });

  it('lets exactly one of two saves made at the same moment from the same version through', async () => {
    const { jordan, mei } = await twoEditors(engine);
    const { caseId } = await openCase(jordan);
    const { version } = await jordan.call('cases.get', { caseId });
    const results = await Promise.allSettled([
      jordan.call('cases.update', { caseId, version, changes: { payer: 'Cigna' } }),
      mei.call('cases.update', { caseId, version, changes: { payer: 'Humana' } }),
    ]);
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
    const winner = results.find((result) => result.status === 'fulfilled')!.value;
    expect((await mei.call('cases.get', { caseId })).payer).toBe(winner.payer);
  });

  it('never conflicts over timeline entries, which both add, nor makes a later save of the case conflict', async () => {
    const { jordan, mei } = await twoEditors(engine);
    const { caseId } = await openCase(jordan);
    const { version } = await mei.call('cases.get', { caseId });
    const note = (summary: string) => ({
      caseId,
      event: { type: 'note' as const, occurredAt: '2026-11-04T12:00:00Z', summary, details: {} },
    });
    await Promise.all([
      jordan.call('events.add', note('Jordan called the plan')),
      mei.call('events.add', note('Mei faxed the letter')),
    ]);
    const { events } = await jordan.call('events.list', { caseId });
    expect(events.map((event) => event.summary).sort()).toEqual([
      'Jordan called the plan',
      'Mei faxed the letter',
    ]);
    // The case form Mei opened before the entries were added still saves: additions change no field of it.
    expect(
      (await mei.call('cases.update', { caseId, version, changes: { priority: 'high' } })).priority,
    ).toBe('high');
  });

  it('guards a client and a coverage the same way', async () => {
    const { jordan, mei, jordanAsSeenByMei } = await twoEditors(engine);
    const { client } = await openCase(jordan);
    const coverage = await jordan.call('coverages.create', {
      clientId: client.id,
      payer: 'Aetna',
      planType: 'employer-fully-insured',
    });
    const { client: seenClient, coverages } = await mei.call('clients.get', { clientId: client.id });
    expect(coverages[0]!.version).toBe(coverage.version);

    await jordan.call('clients.update', {
      clientId: client.id,
      version: seenClient.version,
      changes: { phone: '(512) 555-0100' },
    });
    const clientConflict = conflictOf(
      await mei.failure('clients.update', {
        clientId: client.id,
        version: seenClient.version,
        changes: { phone: '(512) 555-0199' },
      }),
    );
    expect(clientConflict).toMatchObject({
      changedBy: jordanAsSeenByMei,
      current: { phone: '(512) 555-0100' },
    });

    await jordan.call('coverages.update', {
      coverageId: coverage.id,
      version: coverage.version,
      changes: { memberId: 'W111' },
    });
    const coverageConflict = conflictOf(
      await mei.failure('coverages.update', {
        coverageId: coverage.id,
        version: coverage.version,
        changes: { memberId: 'W222' },
      }),
    );
    expect(coverageConflict).toMatchObject({ changedBy: jordanAsSeenByMei, current: { memberId: 'W111' } });
    expect((await jordan.call('clients.get', { clientId: client.id })).coverages[0]!.memberId).toBe('W111');
  });
});

describe('on a team database', () => {
  it('names the person themselves as "you" when their other window saved first', async () => {
    const team = await createTeamTestDatabase();
    cleanups.push(team.drop);
    const login = `jrivera_${randomBytes(3).toString('hex')}`;
    const password = await addTeamMember(team.ownerUrl, {
      login,
      fullName: 'Jordan Rivera',
      role: 'navigator',
    });
    const url = urlAs(team.ownerUrl, login, password);
    const [first, second] = [await teamSession(url, login), await teamSession(url, login)];
    const { caseId } = await openCase(first);
    const { version } = await first.call('cases.get', { caseId });
    await first.call('cases.update', { caseId, version, changes: { priority: 'high' } });
    const conflict = conflictOf(
      await second.failure('cases.update', { caseId, version, changes: { priority: 'low' } }),
    );
    expect(conflict.changedBy).toBeNull();
  });

  it('counts a change made with any SQL client, outside the app', async () => {
    const team = await createTeamTestDatabase();
    cleanups.push(team.drop);
    const navigator = await team.addPerson('alice', 'navigator');
    const supervisor = await team.addPerson('sam', 'supervisor');
    const alice = await teamSession(navigator.url, navigator.login);
    const { client } = await openCase(alice);
    const { client: seen } = await alice.call('clients.get', { clientId: client.id });
    await (
      await team.connect(supervisor.url)
    ).query(`UPDATE clients SET phone = '555-0100' WHERE id = $1`, [client.id]);
    const conflict = conflictOf(
      await alice.failure('clients.update', {
        clientId: client.id,
        version: seen.version,
        changes: { phone: '555-0199' },
      }),
    );
    expect(conflict).toMatchObject({ changedBy: supervisor.fullName, current: { phone: '555-0100' } });
  });
});
