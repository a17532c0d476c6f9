import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localToday } from '../../src/shared/schemas/fields';
import {
  type ContractSession,
  startContractSession,
  startTeamContractSession,
} from '../helpers/contract-session';
import { createTeamTestDatabase, type TeamPerson, type TeamTestDatabase } from '../helpers/team-database';

// Handing cases over through the app's contract, on the run's real PostgreSQL, each person
// connected with their own login: what they may do is the database's decision. (What a person
// reaches is read from the caseload's rows: its unfiltered total is the team-wide stage counts.)

let team: TeamTestDatabase;
let folder: string;
let ana: TeamPerson;
let ben: TeamPerson;
let sam: TeamPerson;
let vera: TeamPerson;
const sessions: ContractSession[] = [];

const as = async (person: TeamPerson) => {
  const session = await startTeamContractSession(folder, person.url);
  sessions.push(session);
  return session;
};

let asAna: ContractSession;
let asBen: ContractSession;
let asSam: ContractSession;
let asVera: ContractSession;

beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), 'advocase-test-'));
  team = await createTeamTestDatabase();
  ana = await team.addPerson('ana', 'navigator');
  ben = await team.addPerson('ben', 'navigator');
  sam = await team.addPerson('sam', 'supervisor');
  vera = await team.addPerson('vera', 'viewer');
  [asAna, asBen, asSam, asVera] = await Promise.all([as(ana), as(ben), as(sam), as(vera)]);
});

afterAll(async () => {
  for (const session of sessions) await session.close();
  await team.drop();
  rmSync(folder, { recursive: true, force: true });
});

function daysFromToday(days: number): string {
  const day = new Date();
  day.setDate(day.getDate() + days);
  return localToday(day);
}

/**
 * A case the navigator opens on an employer plan; with `deniedDaysAgo`, a denial received that
 * many days ago starts the 180-day appeal deadline (29 CFR 2560.503-1(h)(3)(i)).
 */
async function openCase(session: ContractSession, fullName: string, deniedDaysAgo?: number) {
  const { call } = session;
  const client = await call('clients.create', { fullName });
  const opened = await call('cases.create', { clientId: client.id, treatment: 'tms', payer: 'Aetna' });
  const coverage = await call('coverages.create', {
    clientId: client.id,
    payer: 'Aetna',
    planType: 'employer-self-funded',
  });
  await call('cases.update', {
    caseId: opened.id,
    changes: { coverageId: coverage.id, claimType: 'pre-service' },
  });
  if (deniedDaysAgo !== undefined) {
    const noticeDate = daysFromToday(-deniedDaysAgo);
    await call('events.add', {
      caseId: opened.id,
      event: {
        type: 'payer_decision',
        occurredAt: `${noticeDate}T15:00:00Z`,
        summary: 'Denied',
        details: { decision: 'denied', noticeDate, receivedOn: noticeDate },
      },
    });
  }
  return opened.id;
}

/** A day as the timeline notes spell it: "Jan 6, 2027". */
const spelled = (day: string) =>
  new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeZone: 'UTC' }).format(
    new Date(`${day}T00:00:00Z`),
  );

const notesOf = async (session: ContractSession, caseId: number) =>
  (await session.call('events.list', { caseId, order: 'oldest_first' })).events
    .filter((event) => event.type === 'note')
    .map((event) => event.summary);

const auditedTables = async (caseId: number) => {
  const owner = await team.connect(team.ownerUrl);
  const { rows } = await owner.query<{ table_name: string; actor: string }>(
    `SELECT table_name, actor FROM team_audit_log
     WHERE (table_name IN ('team_case_assignments', 'team_case_shares') AND row_id = $1)
        OR (table_name = 'events' AND after::jsonb ->> 'case_id' = $1::text)
     ORDER BY id`,
    [caseId],
  );
  return rows;
};

describe('assigning a case', () => {
  it('a case a navigator opens is theirs, named as its advocate', async () => {
    const caseId = await openCase(asAna, 'Ada Ames');
    expect(await asSam.call('assignments.ofCase', { caseId })).toEqual({
      caseId,
      assignedTo: { login: ana.login, fullName: ana.fullName },
      shares: [],
    });
    const { rows } = await asSam.call('caseload.query', { filters: { advocates: [ana.fullName] } });
    expect(rows.map((row) => row.id)).toContain(caseId);
  });

  it('a supervisor assigns it to another navigator: the case, the caseload, the timeline and the audit trail say so', async () => {
    const caseId = await openCase(asAna, 'Bo Burke');
    const holders = await asSam.call('assignments.assign', { caseId, login: ben.login });
    expect(holders.assignedTo).toEqual({ login: ben.login, fullName: ben.fullName });
    // Ben now reaches it, Ana no longer does.
    expect((await asBen.call('cases.get', { caseId })).assignedAdvocate).toBe(ben.fullName);
    expect((await asAna.failure('cases.get', { caseId })).code).toBe('NOT_FOUND');
    expect(await notesOf(asBen, caseId)).toEqual([
      `Assigned to ${ben.fullName} (was ${ana.fullName}) by ${sam.fullName}`,
    ]);
    const audited = await auditedTables(caseId);
    expect(audited).toContainEqual({ table_name: 'team_case_assignments', actor: sam.login });
    expect(audited).toContainEqual({ table_name: 'events', actor: sam.login });
  });

  it('a navigator is refused by the database, in words that say who can, and nothing changes', async () => {
    const caseId = await openCase(asAna, 'Cy Cole');
    const refusal = await asAna.failure('assignments.assign', { caseId, login: ben.login });
    expect(refusal).toEqual({
      code: 'UNAUTHORIZED',
      message:
        'Only a supervisor can assign, share or hand over cases. Ask a supervisor on your team to make this change.',
    });
    expect((await asSam.call('assignments.ofCase', { caseId })).assignedTo?.login).toBe(ana.login);
    expect(await notesOf(asAna, caseId)).toEqual([]);
  });

  it('someone not on the team, or not a navigator, cannot be given a case', async () => {
    const caseId = await openCase(asAna, 'Di Dunn');
    const unknown = await asSam.failure('assignments.assign', { caseId, login: 'nobody_here' });
    expect(unknown).toMatchObject({
      code: 'NOT_FOUND',
      message: 'No one with the login nobody_here is on the team.',
    });
    expect(await notesOf(asAna, caseId)).toEqual([]);
  });
});

describe('sharing a case', () => {
  it('a viewer reads it through the last day; ending the share takes it away; the timeline says both', async () => {
    const caseId = await openCase(asAna, 'Eve Ellis');
    const lastDay = daysFromToday(30);
    expect((await asVera.call('caseload.query', {})).rows).toEqual([]);
    const shared = await asSam.call('assignments.share', { caseId, login: vera.login, lastDay });
    expect(shared.shares).toEqual([{ login: vera.login, fullName: vera.fullName, lastDay }]);
    expect((await asVera.call('caseload.query', {})).rows.map((row) => row.id)).toEqual([caseId]);
    // Whoever reads the case reads who holds it: the navigator it is assigned to and the viewer;
    // a navigator who does not hold it learns nothing of it.
    expect(await asAna.call('assignments.ofCase', { caseId })).toEqual(shared);
    expect(await asVera.call('assignments.ofCase', { caseId })).toEqual(shared);
    expect(await asBen.failure('assignments.ofCase', { caseId })).toMatchObject({ code: 'NOT_FOUND' });

    // Reading is all a viewer may do: a change is refused in words, and nothing is written.
    const refused = await asVera.failure('events.add', {
      caseId,
      event: {
        type: 'phone_call',
        occurredAt: new Date(Date.now() - 60_000).toISOString(),
        summary: 'Called by the attorney',
        details: {},
      },
    });
    expect(refused).toMatchObject({ code: 'UNAUTHORIZED' });
    expect(refused.message).toContain('your role on the team is viewer');
    const summaries = (await asAna.call('events.list', { caseId })).events.map((event) => event.summary);
    expect(summaries).not.toContain('Called by the attorney');

    const ended = await asSam.call('assignments.endShare', { caseId, login: vera.login });
    expect(ended.shares).toEqual([]);
    expect((await asVera.call('caseload.query', {})).rows).toEqual([]);
    expect(await notesOf(asAna, caseId)).toEqual([
      `Shared with ${vera.fullName} through ${spelled(lastDay)} by ${sam.fullName}`,
      `Share with ${vera.fullName} ended by ${sam.fullName}`,
    ]);
    expect((await auditedTables(caseId)).filter((row) => row.table_name === 'team_case_shares')).toHaveLength(
      2,
    );
  });

  it('a last day in the past is refused before anything is asked of the database; a navigator may not share', async () => {
    const caseId = await openCase(asAna, 'Flo Finch');
    const past = await asSam.failure('assignments.share', {
      caseId,
      login: vera.login,
      lastDay: daysFromToday(-1),
    });
    expect(past).toMatchObject({ code: 'INVALID_INPUT', field: 'lastDay' });
    const refused = await asAna.failure('assignments.share', {
      caseId,
      login: vera.login,
      lastDay: daysFromToday(3),
    });
    expect(refused.code).toBe('UNAUTHORIZED');
    expect((await asSam.call('assignments.ofCase', { caseId })).shares).toEqual([]);
  });
});

describe('reassigning all of a person’s cases', () => {
  it('moves what was confirmed, refuses a stale count, notes each case; a navigator is refused', async () => {
    const carl = await team.addPerson('carl', 'navigator');
    const asCarl = await as(carl);
    const first = await openCase(asCarl, 'Gil Grant');
    const second = await openCase(asCarl, 'Hal Hart');
    const members = await asSam.call('assignments.members', {});
    expect(members.find((member) => member.login === carl.login)).toMatchObject({
      fullName: carl.fullName,
      role: 'navigator',
      disabled: false,
      assignedCases: 2,
    });

    const stale = await asSam.failure('assignments.reassignAll', {
      fromLogin: carl.login,
      toLogin: ben.login,
      expectedCases: 1,
    });
    expect(stale).toMatchObject({ code: 'INVALID_INPUT', field: 'expectedCases' });
    expect(stale.message).toBe(
      `${carl.fullName} now has 2 cases, not 1: nothing was moved. Look at the count again and confirm.`,
    );
    expect((await asSam.call('assignments.ofCase', { caseId: first })).assignedTo?.login).toBe(carl.login);

    expect(
      (
        await asBen.failure('assignments.reassignAll', {
          fromLogin: carl.login,
          toLogin: ben.login,
          expectedCases: 2,
        })
      ).code,
    ).toBe('UNAUTHORIZED');

    expect(
      await asSam.call('assignments.reassignAll', {
        fromLogin: carl.login,
        toLogin: ben.login,
        expectedCases: 2,
      }),
    ).toEqual({ moved: 2 });
    for (const caseId of [first, second]) {
      expect((await asBen.call('cases.get', { caseId })).assignedAdvocate).toBe(ben.fullName);
      expect(await notesOf(asBen, caseId)).toEqual([
        `Assigned to ${ben.fullName} (was ${carl.fullName}) by ${sam.fullName}`,
      ]);
    }
    expect((await asCarl.call('caseload.query', {})).rows).toEqual([]);
  });
});

describe('the Team page', () => {
  it('each navigator’s figures are the caseload’s own, filtered by their name', async () => {
    const dee = await team.addPerson('dee', 'navigator');
    const asDee = await as(dee);
    await openCase(asDee, 'Ivy Irwin'); // open, nothing due
    await openCase(asDee, 'Jo Jones', 200); // appeal deadline passed: overdue
    await openCase(asDee, 'Kit Kane', 172); // appeal due in 8 days
    const closed = await openCase(asDee, 'Lu Lane');
    await asDee.call('cases.update', { caseId: closed, changes: { stage: 'resolved' } });
    const unheld = await openCase(asSam, 'Mo Moss');

    const overview = await asSam.call('teamViews.overview', {});
    const ofDee = overview.navigators.find((navigator) => navigator.login === dee.login);
    expect(ofDee).toEqual({
      login: dee.login,
      fullName: dee.fullName,
      disabled: false,
      openCases: 3,
      overdueCases: 1,
      dueWithin14Days: 1,
    });
    // Every navigator's row against the caseload screen's own queries with the same filters.
    for (const navigator of overview.navigators) {
      const total = async (filters: object) =>
        (await asSam.call('caseload.query', { filters: { advocates: [navigator.fullName], ...filters } }))
          .total;
      const stageCounts = (
        await asSam.call('caseload.query', { filters: { advocates: [navigator.fullName] } })
      ).stageCounts!;
      expect(navigator.openCases).toBe(
        Object.entries(stageCounts)
          .filter(([stage]) => stage !== 'resolved')
          .reduce((sum, [, count]) => sum + count, 0),
      );
      expect(navigator.overdueCases).toBe(await total({ hasOverdueDeadline: true }));
      expect(navigator.dueWithin14Days).toBe(await total({ claimantDeadlineWithinDays: 14 }));
    }
    expect(overview.unassigned.map((row) => row.caseId)).toContain(unheld);
    expect(overview.unassignedTotal).toBe(overview.unassigned.length);

    await asSam.call('assignments.assign', { caseId: unheld, login: dee.login });
    const after = await asSam.call('teamViews.overview', {});
    expect(after.unassigned.map((row) => row.caseId)).not.toContain(unheld);
    expect(after.navigators.find((navigator) => navigator.login === dee.login)?.openCases).toBe(4);
  });

  it('Outcomes by navigator is the Outcomes report with their name as its advocate filter', async () => {
    const from = daysFromToday(-365);
    const to = daysFromToday(0);
    const ofAna = await asSam.call('outcomes.report', { from, to, advocate: ana.fullName });
    const everyone = await asSam.call('outcomes.report', { from, to });
    expect(ofAna.advocates).toContain(ana.fullName);
    expect(ofAna.filters.advocate).toBe(ana.fullName);
    expect(JSON.stringify(ofAna)).not.toBe(JSON.stringify(everyone));
  });
});

describe('on the local store', () => {
  it('there is no team: the methods say so, and team.connection says local', async () => {
    const local = await startContractSession(mkdtempSync(join(tmpdir(), 'advocase-test-')));
    sessions.push(local);
    expect(await local.call('team.connection', {})).toEqual({ store: 'local' });
    expect((await local.failure('assignments.members', {})).message).toMatch(/^There is no team here/);
  });

  it('in team mode, team.connection names the person and their role', async () => {
    expect(await asSam.call('team.connection', {})).toMatchObject({
      store: 'team',
      login: sam.login,
      fullName: sam.fullName,
      role: 'supervisor',
    });
  });
});
