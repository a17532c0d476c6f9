import type { Kysely } from 'kysely';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryCaseload } from '../../src/core/caseload/caseload-query-service';
import { openPostgresConnection } from '../../src/core/db/dialect/postgres/open-postgres-connection';
import type { AdvocaseDatabase } from '../../src/core/db/schema';
import { caseloadQueryInputSchema, type CaseloadQueryInput } from '../../src/shared/schemas/caseload';
import { assignCase } from '../../src/core/team/team-administration';
import {
  addClientWithCase,
  createTeamTestDatabase,
  type TeamPerson,
  type TeamTestDatabase,
} from '../helpers/team-database';

// Issue #15 (team mode): every screen tells the same story. The caseload's counts are the rows
// each person's own caseload query returns, never the whole team's kept totals.

let team: TeamTestDatabase;
let alice: TeamPerson;
let bruno: TeamPerson;
let sam: TeamPerson;
let vera: TeamPerson;
let brunosSecondCase: number;
const opened: Kysely<AdvocaseDatabase>[] = [];

/** The app's own store object for a person, as the app opens it with their login. */
const storeOf = (person: TeamPerson) => {
  const db = openPostgresConnection<AdvocaseDatabase>({ url: person.url });
  opened.push(db);
  return db;
};

/** A second case of the same client, in another stage, written as that person. */
const addCase = async (client: pg.Client, clientId: number, stage: string) =>
  Number(
    (
      await client.query<{ id: string }>(
        `INSERT INTO cases (client_id, treatment, stage, opened_on, created_at, updated_at)
         VALUES ($1, 'MRI', $2, '2026-12-02', '2026-12-07T10:00:00.000Z', '2026-12-07T10:00:00.000Z') RETURNING id`,
        [clientId, stage],
      )
    ).rows[0]!.id,
  );

beforeAll(async () => {
  team = await createTeamTestDatabase();
  alice = await team.addPerson('alice', 'navigator');
  bruno = await team.addPerson('bruno', 'navigator');
  sam = await team.addPerson('sam', 'supervisor');
  vera = await team.addPerson('vera', 'viewer');
  const asAlice = await team.connect(alice.url);
  const asBruno = await team.connect(bruno.url);
  // Alice: two cases (denied, intake); Bruno: three (denied, first appeal, intake). All "Rivera".
  const alices = await addClientWithCase(asAlice, 'Ana Rivera');
  await addCase(asAlice, alices.clientId, 'intake');
  const brunos = await addClientWithCase(asBruno, 'Ben Rivera');
  brunosSecondCase = await addCase(asBruno, brunos.clientId, 'internal_appeal_1');
  await addCase(asBruno, brunos.clientId, 'intake');
});

afterAll(async () => {
  for (const db of opened.splice(0)) await db.destroy();
  await team.drop();
});

const views: Readonly<Record<string, CaseloadQueryInput>> = {
  whole: {},
  oneStage: { filters: { stages: ['intake'] } },
  filtered: { filters: { isUrgent: false } },
  quickFilter: { quickFilter: 'Rivera' },
  quickFilterInStage: { quickFilter: 'rivera', filters: { stages: ['denied'] } },
  sortedTwice: {
    sorting: [
      { column: 'stage', descending: false },
      { column: 'clientName', descending: false },
    ],
  },
};

/**
 * For each view: the rows the query returns, its total, and its stage counts, next to the same
 * counted from the rows of the view without its stage filter (the stage tabs count every stage).
 */
async function countsAndRows(db: Kysely<AdvocaseDatabase>) {
  const told: Record<string, unknown> = {};
  const counted: Record<string, unknown> = {};
  for (const [name, input] of Object.entries(views)) {
    const answer = await queryCaseload(db, caseloadQueryInputSchema.parse({ ...input, limit: 1000 }));
    const everyStage = await queryCaseload(
      db,
      caseloadQueryInputSchema.parse({
        ...input,
        filters: { ...input.filters, stages: undefined },
        limit: 1000,
      }),
    );
    const byStage: Record<string, number> = { ...answer.stageCounts };
    for (const stage of Object.keys(byStage)) byStage[stage] = 0;
    for (const row of everyStage.rows) byStage[row.stage] = (byStage[row.stage] ?? 0) + 1;
    told[name] = { total: answer.total, stageCounts: answer.stageCounts };
    counted[name] = { total: answer.rows.length, stageCounts: byStage };
  }
  return {
    told,
    counted,
    rows: (await queryCaseload(db, caseloadQueryInputSchema.parse({ limit: 1000 }))).total,
  };
}

describe('a team member’s caseload counts', () => {
  it('are the rows each navigator’s own query returns, and the whole team’s for a supervisor', async () => {
    const asAlice = await countsAndRows(storeOf(alice));
    const asBruno = await countsAndRows(storeOf(bruno));
    const asSam = await countsAndRows(storeOf(sam));
    expect(asAlice.told).toEqual(asAlice.counted);
    expect(asBruno.told).toEqual(asBruno.counted);
    expect(asSam.told).toEqual(asSam.counted);
    expect([asAlice.rows, asBruno.rows, asSam.rows]).toEqual([2, 3, 5]);
  });

  it('follow a case assigned to a navigator, though no caseload entry changed', async () => {
    const aliceStore = storeOf(alice);
    const before = await countsAndRows(aliceStore);
    expect(before.rows).toBe(2);
    await assignCase(sam.url, brunosSecondCase, alice.login);
    const after = await countsAndRows(aliceStore);
    expect(after.told).toEqual(after.counted);
    expect(after.rows).toBe(3);
    await assignCase(sam.url, brunosSecondCase, bruno.login);
  });
});

describe('the team’s kept totals, read with plain pg', () => {
  it('are refused to a navigator and a viewer, and read by a supervisor', async () => {
    const refusal = async (person: TeamPerson, table: string) => {
      const client = await team.connect(person.url);
      return client.query(`SELECT * FROM ${table}`).then(
        (result) => `${result.rowCount} rows`,
        (error: { code?: string }) => error.code,
      );
    };
    const tables = [
      'caseload_stage_counts',
      'caseload_changes',
      'reminder_day_counts',
      'outcome_event_facts',
      'outcome_deadline_days',
    ];
    for (const table of tables) {
      expect([await refusal(alice, table), await refusal(vera, table)]).toEqual(['42501', '42501']);
    }
    expect(await refusal(sam, 'caseload_stage_counts')).toBe('3 rows');
    expect(await refusal(sam, 'outcome_event_facts')).toMatch(/^\d+ rows$/);
  });

  it('still follow a navigator’s writes', async () => {
    const owner = await team.connect(team.ownerUrl);
    const asAlice = await team.connect(alice.url);
    const total = async () =>
      Number(
        (await owner.query<{ total: string }>('SELECT sum(total) AS total FROM caseload_stage_counts'))
          .rows[0]!.total,
      );
    const before = await total();
    const { caseId } = await addClientWithCase(asAlice, 'Cora Rivera');
    expect(await total()).toBe(before + 1);
    // Outcomes' kept row of a payer decision Alice logs, written by 0168's trigger as its owner.
    await asAlice.query(
      `INSERT INTO events (case_id, type, occurred_at, summary, details, created_at)
       VALUES ($1, 'payer_decision', '2026-12-02T15:00:00.000Z', 'Denied', '{"decision":"denied","level":0}', '2026-12-02T15:00:00.000Z')`,
      [caseId],
    );
    const { rows } = await owner.query(
      'SELECT decision, level, assigned_advocate IS NOT NULL AS named FROM outcome_event_facts WHERE case_id = $1',
      [caseId],
    );
    expect(rows).toEqual([{ decision: 'denied', level: '0', named: true }]);
  });
});
