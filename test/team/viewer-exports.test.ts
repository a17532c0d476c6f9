import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { localToday } from '../../src/shared/schemas/fields';
import { type ContractSession, startTeamContractSession } from '../helpers/contract-session';
import { createTeamTestDatabase, type TeamPerson, type TeamTestDatabase } from '../helpers/team-database';

// A viewer (an attorney, a funder's liaison) reads the cases shared with them and exports their
// summaries (docs/team-mode.md, "Who sees what"): every read an export makes must work under the
// viewer's own login, which may change no row, not even the deadlines a read would store for today.

let team: TeamTestDatabase;
let folder: string;
let ana: TeamPerson;
let mei: TeamPerson;
let vera: TeamPerson;
const sessions: ContractSession[] = [];

const as = async (person: TeamPerson) => {
  const session = await startTeamContractSession(folder, person.url);
  sessions.push(session);
  return session;
};

let asAna: ContractSession;
let asMei: ContractSession;
let asVera: ContractSession;

beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), 'advocase-test-'));
  team = await createTeamTestDatabase();
  ana = await team.addPerson('ana', 'navigator');
  mei = await team.addPerson('mei', 'supervisor');
  vera = await team.addPerson('vera', 'viewer');
  [asAna, asMei, asVera] = await Promise.all([as(ana), as(mei), as(vera)]);
});

afterAll(async () => {
  for (const session of sessions) await session.close();
  await team.drop();
  rmSync(folder, { recursive: true, force: true });
});

it('a viewer reads a case shared with them, its deadlines worked out for today, and its export choices', async () => {
  const client = await asAna.call('clients.create', { fullName: 'Rosa Delgado' });
  const opened = await asAna.call('cases.create', { clientId: client.id, treatment: 'tms', payer: 'Aetna' });
  const coverage = await asAna.call('coverages.create', {
    clientId: client.id,
    payer: 'Aetna',
    planType: 'employer-self-funded',
  });
  await asAna.call('cases.update', {
    caseId: opened.id,
    changes: { coverageId: coverage.id, claimType: 'pre-service' },
  });
  const noticeDate = localToday();
  await asAna.call('events.add', {
    caseId: opened.id,
    event: {
      type: 'payer_decision',
      // Recorded now, as the form does: a fixed hour of today is still ahead before 15:00 UTC.
      occurredAt: new Date().toISOString(),
      summary: 'Denied',
      details: { decision: 'denied', noticeDate, receivedOn: noticeDate },
    },
  });
  const inAMonth = new Date(Date.now() + 30 * 86_400_000);
  await asMei.call('assignments.share', {
    caseId: opened.id,
    login: vera.login,
    lastDay: localToday(inAMonth),
  });

  expect((await asVera.call('cases.get', { caseId: opened.id })).clientName).toBe('Rosa Delgado');
  const deadlines = await asVera.call('deadlines.listForCase', { caseId: opened.id });
  expect(deadlines.deadlines.length).toBeGreaterThan(0);
  const choices = await asVera.call('exports.choices', { caseId: opened.id });
  expect(choices.title).toBe('C-00001');
});

it("a viewer's summary export is made and recorded in the audit log in their name, and they still change nothing", async () => {
  const [shared] = (
    await asVera.call('caseload.query', { filters: {}, quickFilter: null, sorting: [], offset: 0, limit: 10 })
  ).rows;
  expect(shared).toBeDefined();
  const summary = await asVera.call('exports.summary', { selection: { caseId: shared!.id } });
  expect(Buffer.from(summary.data, 'base64').subarray(0, 5).toString()).toBe('%PDF-');

  // Read back as the supervisor, who reads the whole log, with plain pg.
  const asSupervisor = new pg.Client({ connectionString: mei.url });
  await asSupervisor.connect();
  const { rows: recorded } = await asSupervisor
    .query<{ actor: string; action: string; after: string }>(
      `SELECT actor, action, after FROM audit_log WHERE actor = $1 AND table_name = 'access'`,
      [vera.login],
    )
    .finally(() => asSupervisor.end());
  expect(
    recorded.map((row) => `${row.actor} ${row.action} ${(JSON.parse(row.after) as { event: string }).event}`),
  ).toContain(`${vera.login} access export`);
  // Recording an access is all: an edit of a record is still refused.
  const refused = await asVera.failure('cases.update', { caseId: shared!.id, changes: { priority: 'high' } });
  expect(refused.message).toMatch(/viewer/);
});

it("the audit log check is a supervisor's: a navigator or viewer is told so in plain words", async () => {
  // The chain holds every case's changes, which only a supervisor may read (docs/team-mode.md).
  for (const session of [asAna, asVera]) {
    const refused = await session.failure('audit.verify', {});
    expect(refused.code).toBe('UNAUTHORIZED');
    expect(refused.message).toBe(
      "Only a supervisor can check the team's audit log: it holds the changes to every case. Ask a supervisor on your team.",
    );
  }
  const report = await asMei.call('audit.verify', {});
  expect(report.isIntact).toBe(true);
});
