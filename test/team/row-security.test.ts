import pg from 'pg';
import { openPostgresConnection } from '../../src/core/db/dialect/postgres/open-postgres-connection';
import type { AdvocaseDatabase } from '../../src/core/db/schema';
import { countReminderDates } from '../../src/core/deadlines/reminder-counts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addTeamMember,
  disableTeamMember,
  reassignCases,
  shareCase,
} from '../../src/core/team/team-administration';
import {
  addClientWithCase,
  createTeamTestDatabase,
  type TeamPerson,
  type TeamTestDatabase,
} from '../helpers/team-database';

// Every query here is plain `pg` with a person's own login, as any SQL client would connect:
// what it shows is what PostgreSQL's policies allow, with nothing of the app in between.

let team: TeamTestDatabase;
let alice: TeamPerson;
let bruno: TeamPerson;
let sam: TeamPerson;
let vera: TeamPerson;
let aliceRows: Awaited<ReturnType<typeof addClientWithCase>>;
let brunoRows: Awaited<ReturnType<typeof addClientWithCase>>;

beforeAll(async () => {
  team = await createTeamTestDatabase();
  alice = await team.addPerson('alice', 'navigator');
  bruno = await team.addPerson('bruno', 'navigator');
  sam = await team.addPerson('sam', 'supervisor');
  vera = await team.addPerson('vera', 'viewer');
  aliceRows = await addClientWithCase(await team.connect(alice.url), 'Ana Alvarez');
  brunoRows = await addClientWithCase(await team.connect(bruno.url), 'Ben Brooks');
});

afterAll(() => team.drop());

/** One column of every row a query returns, as text. */
const column = async (client: pg.Client, text: string) =>
  (await client.query<{ value: string }>(text)).rows.map((row) => row.value);

const seen = async (client: pg.Client) => ({
  clients: await column(client, 'SELECT full_name AS value FROM clients ORDER BY id'),
  cases: (await column(client, 'SELECT id AS value FROM cases ORDER BY id')).map(Number),
  events: await column(client, 'SELECT summary AS value FROM events ORDER BY id'),
  documents: await column(client, 'SELECT file_name AS value FROM documents ORDER BY id'),
  blobs: Number((await column(client, 'SELECT count(*) AS value FROM vault_blobs'))[0]),
});

describe('a navigator connected with plain pg', () => {
  it('sees only their own clients, cases, timeline events and documents', async () => {
    const asAlice = await team.connect(alice.url);
    expect(await seen(asAlice)).toEqual({
      clients: ['Ana Alvarez'],
      cases: [aliceRows.caseId],
      events: ['Called the plan about Ana Alvarez'],
      documents: ['Ana Alvarez denial.pdf'],
      blobs: 1,
    });
    const asBruno = await team.connect(bruno.url);
    expect((await seen(asBruno)).clients).toEqual(['Ben Brooks']);
  });

  it('cannot find another navigator’s rows even by their ids', async () => {
    const asAlice = await team.connect(alice.url);
    const byId = await asAlice.query(
      `SELECT (SELECT count(*) FROM clients WHERE id = $1)::int AS clients,
              (SELECT count(*) FROM cases WHERE id = $2)::int AS cases,
              (SELECT count(*) FROM events WHERE id = $3)::int AS events,
              (SELECT count(*) FROM documents WHERE id = $4)::int AS documents,
              (SELECT count(*) FROM document_cases WHERE case_id = $2)::int AS links`,
      [brunoRows.clientId, brunoRows.caseId, brunoRows.eventId, brunoRows.documentId],
    );
    expect(byId.rows[0]).toEqual({ clients: 0, cases: 0, events: 0, documents: 0, links: 0 });
  });

  it('changes 0 rows when updating or deleting another navigator’s case, and cannot add to it', async () => {
    const asAlice = await team.connect(alice.url);
    const update = await asAlice.query(`UPDATE cases SET treatment = 'changed by alice' WHERE id = $1`, [
      brunoRows.caseId,
    ]);
    expect(update.rowCount).toBe(0);
    expect((await asAlice.query('DELETE FROM events WHERE id = $1', [brunoRows.eventId])).rowCount).toBe(0);
    await expect(
      asAlice.query(
        `INSERT INTO events (case_id, type, occurred_at, summary, created_at) VALUES ($1, 'note', 'x', 'x', 'x')`,
        [brunoRows.caseId],
      ),
    ).rejects.toThrow(/row-level security/);
    // Nor open a case under his client to see the client through it.
    await expect(
      asAlice.query(
        `INSERT INTO cases (client_id, treatment, stage, opened_on, created_at, updated_at) VALUES ($1, 'x', 'x', 'x', 'x', 'x')`,
        [brunoRows.clientId],
      ),
    ).rejects.toThrow(/not one of yours/);
    const asBruno = await team.connect(bruno.url);
    expect((await asBruno.query('SELECT treatment FROM cases')).rows).toEqual([{ treatment: 'MRI' }]);
    // Her own case she can change.
    expect(
      (await asAlice.query(`UPDATE cases SET priority = 'high' WHERE id = $1`, [aliceRows.caseId])).rowCount,
    ).toBe(1);
  });
});

describe('the reminder summary’s overdue count', () => {
  it('is of a navigator’s own cases, and of every case for a supervisor, kept as navigators write', async () => {
    const asAlice = await team.connect(alice.url);
    const asBruno = await team.connect(bruno.url);
    const addOverdueTask = async (client: pg.Client, caseId: number) =>
      (
        await client.query<{ id: string }>(
          `INSERT INTO tasks (case_id, title, due_on, created_at, updated_at)
           VALUES ($1, 'Call the plan back', '2026-11-30', $2, $2) RETURNING id`,
          [caseId, '2026-12-07T10:00:00.000Z'],
        )
      ).rows[0]!.id;
    const alicesTask = await addOverdueTask(asAlice, aliceRows.caseId);
    await addOverdueTask(asBruno, brunoRows.caseId);
    await addOverdueTask(asBruno, brunoRows.caseId);
    // Through the app's own code, connected as each person.
    const overdueAs = async (person: TeamPerson) => {
      const db = openPostgresConnection<AdvocaseDatabase>({ url: person.url });
      try {
        const today = '2026-12-07';
        return (await countReminderDates(db, { now: new Date(`${today}T12:00:00Z`), today, bands: [] }))
          .overdue;
      } finally {
        await db.destroy();
      }
    };
    expect([await overdueAs(alice), await overdueAs(bruno), await overdueAs(sam)]).toEqual([1, 2, 3]);
    await asAlice.query(`UPDATE tasks SET done_at = '2026-12-07T11:00:00.000Z' WHERE id = $1`, [alicesTask]);
    expect([await overdueAs(alice), await overdueAs(bruno), await overdueAs(sam)]).toEqual([0, 2, 2]);
  });
});

describe('the owner, a supervisor and a viewer', () => {
  it('every table tied to a case, client, document or coverage holds everyone, its owner too, to its policies', async () => {
    // (The tests' owner is the server's superuser, whom PostgreSQL exempts from every policy; an
    // organisation's owner on a managed server is not, and FORCE holds them to the policies.)
    const { rows } = await (
      await team.connect(team.ownerUrl)
    ).query<{ name: string; forced: boolean }>(
      `SELECT c.relname AS name, c.relrowsecurity AND c.relforcerowsecurity AS forced FROM pg_class c
       WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind = 'r' AND c.relname NOT LIKE 'team%'
         AND (c.relname IN ('clients', 'cases', 'documents', 'vault_blobs', 'audit_log', 'edit_groups')
              OR EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid
                         AND a.attname IN ('case_id', 'client_id', 'document_id', 'coverage_id')))`,
    );
    expect(rows.length).toBeGreaterThan(30);
    expect(rows.filter((row) => !row.forced).map((row) => row.name)).toEqual([]);
  });

  it('a supervisor reads and changes every case', async () => {
    const asSam = await team.connect(sam.url);
    expect((await seen(asSam)).cases).toEqual([aliceRows.caseId, brunoRows.caseId]);
    expect((await asSam.query(`UPDATE cases SET priority = 'urgent'`)).rowCount).toBe(2);
  });

  it('a viewer reads a case shared with them through its last day, and never changes it', async () => {
    const asVera = await team.connect(vera.url);
    expect((await seen(asVera)).cases).toEqual([]);
    const today = (await asVera.query<{ today: string }>(`SELECT current_date::text AS today`)).rows[0]!
      .today;
    await shareCase(sam.url, aliceRows.caseId, vera.login, today);
    expect(await seen(asVera)).toEqual({
      clients: ['Ana Alvarez'],
      cases: [aliceRows.caseId],
      // Sharing puts a note on the case's timeline (case-handover.ts).
      events: [
        'Called the plan about Ana Alvarez',
        `Shared with Vera Tester through ${new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${today}T00:00:00Z`))} by Sam Tester`,
      ],
      documents: ['Ana Alvarez denial.pdf'],
      blobs: 1,
    });
    await expect(asVera.query(`UPDATE cases SET priority = 'low'`)).rejects.toThrow(/permission denied/);

    const yesterday = (await asVera.query<{ day: string }>(`SELECT (current_date - 1)::text AS day`)).rows[0]!
      .day;
    await shareCase(sam.url, aliceRows.caseId, vera.login, yesterday);
    expect(await seen(asVera)).toEqual({ clients: [], cases: [], events: [], documents: [], blobs: 0 });
  });

  it('only an admin adds people', async () => {
    await expect(
      addTeamMember(sam.url, { login: 'mallory', fullName: 'Mallory', role: 'supervisor' }),
    ).rejects.toThrow(/not an admin/);
  });
});

describe('a person who leaves', () => {
  it('cannot connect once disabled, their open session ends, and their cases go to someone else', async () => {
    const carla = await team.addPerson('carla', 'navigator');
    const asCarla = await team.connect(carla.url);
    const carlaRows = await addClientWithCase(asCarla, 'Cy Carter');
    const ended = new Promise((resolve) => asCarla.once('error', resolve));

    expect(await disableTeamMember(team.ownerUrl, carla.login)).toBe(1);
    await ended;
    const again = new pg.Client({ connectionString: carla.url });
    await expect(again.connect()).rejects.toThrow(/not permitted to log in/);

    expect(await reassignCases(sam.url, carla.login, bruno.login)).toBe(1);
    const asBruno = await team.connect(bruno.url);
    expect((await seen(asBruno)).clients).toEqual(['Ben Brooks', 'Cy Carter']);
    expect((await seen(asBruno)).cases).toContain(carlaRows.caseId);
  });
});
