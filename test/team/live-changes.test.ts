import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

type Announcement = { table: string; id: number; case_id: number | null; by: string };

describe('live changes', () => {
  it('a change one session commits reaches another session’s LISTEN within 2 seconds', async () => {
    const asAlice = await team.connect(alice.url);
    const { caseId } = await addClientWithCase(asAlice, 'Lia Lopez');
    const asSam = await team.connect(sam.url);
    await asSam.query('LISTEN advocase_changes');
    const heard: Announcement[] = [];
    asSam.on('notification', (message) => heard.push(JSON.parse(message.payload ?? '{}') as Announcement));

    await asAlice.query(`UPDATE cases SET stage = 'appealed' WHERE id = $1`, [caseId]);
    // Two seconds is the promise made to people ("appears within 2 seconds"), not a speed goal.
    const deadline = Date.now() + 2000;
    while (!heard.some((change) => change.table === 'cases') && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(heard).toContainEqual({ table: 'cases', id: caseId, case_id: caseId, by: alice.login });
  });

  it('says nothing of a change that was rolled back', async () => {
    const asAlice = await team.connect(alice.url);
    const asSam = await team.connect(sam.url);
    await asSam.query('LISTEN advocase_changes');
    const heard: string[] = [];
    asSam.on('notification', (message) => heard.push(message.payload ?? ''));
    await asAlice.query('BEGIN');
    await asAlice.query(`UPDATE cases SET stage = 'closed'`);
    await asAlice.query('ROLLBACK');
    // A committed change after it: once that one is heard, the rolled-back one would have been too.
    await asAlice.query(`UPDATE cases SET stage = 'won'`);
    while (heard.length === 0) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(heard.map((payload) => (JSON.parse(payload) as Announcement).table)).toEqual(['cases']);
  });
});
