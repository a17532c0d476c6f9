import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shareCase } from '../../src/core/team/team-administration';
import { readRecordVersion, updateUnlessChanged } from '../../src/core/team/update-unless-changed';
import {
  addClientWithCase,
  createTeamTestDatabase,
  type TeamPerson,
  type TeamTestDatabase,
} from '../helpers/team-database';

let team: TeamTestDatabase;
let alice: TeamPerson;
let sam: TeamPerson;

beforeAll(async () => {
  team = await createTeamTestDatabase();
  alice = await team.addPerson('alice', 'navigator');
  sam = await team.addPerson('sam', 'supervisor');
});

afterAll(() => team.drop());

describe('two people saving the same case', () => {
  it('the second save from the same version is refused with who changed it and when, and changes nothing', async () => {
    const asAlice = await team.connect(alice.url);
    const asSam = await team.connect(sam.url);
    const { caseId } = await addClientWithCase(asAlice, 'Vic Vega');
    const seenByAlice = await readRecordVersion(asAlice, 'cases', caseId);
    const seenBySam = await readRecordVersion(asSam, 'cases', caseId);
    expect(seenByAlice).toEqual(seenBySam);
    expect(seenByAlice).toMatchObject({ version: 1, changedBy: alice.login, changedByName: alice.fullName });

    const first = await updateUnlessChanged(asSam, 'cases', caseId, seenBySam.version, {
      priority: 'urgent',
    });
    expect(first).toEqual({ saved: true, version: 2 });

    const second = await updateUnlessChanged(asAlice, 'cases', caseId, seenByAlice.version, {
      priority: 'low',
    });
    expect(second).toMatchObject({
      saved: false,
      current: { version: 2, changedBy: sam.login, changedByName: sam.fullName },
    });
    expect(second.saved ? null : second.current.changedAt).toBeInstanceOf(Date);
    expect((await asAlice.query('SELECT priority FROM cases WHERE id = $1', [caseId])).rows).toEqual([
      { priority: 'urgent' },
    ]);
    // Having seen Sam's version, her save goes through.
    expect(await updateUnlessChanged(asAlice, 'cases', caseId, 2, { priority: 'low' })).toEqual({
      saved: true,
      version: 3,
    });
  });

  it('counts a change made with any SQL client, outside the helper', async () => {
    const asAlice = await team.connect(alice.url);
    const { clientId } = await addClientWithCase(asAlice, 'Wen Wu');
    await (
      await team.connect(sam.url)
    ).query(`UPDATE clients SET phone = '555-0100' WHERE id = $1`, [clientId]);
    const refused = await updateUnlessChanged(asAlice, 'clients', clientId, 1, { phone: '555-0199' });
    expect(refused).toMatchObject({ saved: false, current: { version: 2, changedBy: sam.login } });
  });

  it('still leaves the policies to say who may change a record at all', async () => {
    const asSam = await team.connect(sam.url);
    const viewer = await team.addPerson('vera', 'viewer');
    const { caseId } = await addClientWithCase(await team.connect(alice.url), 'Xia Xu');
    await shareCase(sam.url, caseId, viewer.login, '2999-12-31');
    const asVera = await team.connect(viewer.url);
    const { version } = await readRecordVersion(asSam, 'cases', caseId);
    await expect(updateUnlessChanged(asVera, 'cases', caseId, version, { priority: 'low' })).rejects.toThrow(
      /permission denied/,
    );
  });
});
