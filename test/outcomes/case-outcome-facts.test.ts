import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { sql, type Kysely } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { migrateDatabase } from '../../src/core/db/migrate';
import type { AdvocaseDatabase } from '../../src/core/db/schema';
import { openStore, type Store } from '../../src/core/db/store';
import { computeOutcomes } from '../../src/core/outcomes/compute-outcomes';
import { caseOutcomes, caseStages } from '../../src/shared/domain/case-stages';
import { createPostgresTestDatabase, openPostgresTestConnection } from '../helpers/postgres-database';
import { useTemporaryDataDirectory } from '../helpers/temporary-data-directory';
import { openTestStore, storeEngines, type StoreEngine } from '../helpers/test-stores';

/**
 * Outcomes' case figures come from `case_outcome_facts` (migration 0102), a narrow row per live
 * case kept by triggers. They must say exactly what a plain query of the live cases (not in the
 * trash, nor their client) says, on a new caseload, after every kind of change, and on a store
 * whose cases were there before the table existed, on a real encrypted store and a real
 * PostgreSQL database.
 */

const newDataDirectory = useTemporaryDataDirectory();
const advocates = ['Dana Whitfield', 'Luis Ortega', 'Priya Raman', null];
const periods = [
  { from: '2025-01-01', to: '2025-12-31' },
  { from: '2025-11-24', to: '2026-11-23' },
  { from: '2026-03-15', to: '2026-03-15' },
];

async function fill(db: Kysely<AdvocaseDatabase>): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const now = new Date().toISOString();
    for (let clientId = 1; clientId <= 15; clientId += 1) {
      await trx
        .insertInto('clients')
        .values({
          id: clientId,
          full_name: `Client ${clientId}`,
          state: 'CA',
          created_at: now,
          updated_at: now,
        })
        .execute();
    }
    for (let caseId = 1; caseId <= 150; caseId += 1) {
      const opened = `${2024 + (caseId % 3)}-${String(1 + (caseId % 12)).padStart(2, '0')}-${String(1 + (caseId % 28)).padStart(2, '0')}`;
      const isClosed = caseId % 3 !== 0;
      await trx
        .insertInto('cases')
        .values({
          id: caseId,
          client_id: 1 + ((caseId * 7) % 15),
          treatment: 'tms',
          stage: isClosed ? 'resolved' : caseStages[caseId % 5]!,
          priority: 'normal',
          assigned_advocate: advocates[caseId % advocates.length] ?? null,
          opened_on: opened,
          closed_on: isClosed
            ? `${2025 + (caseId % 2)}-${String(1 + (caseId % 11)).padStart(2, '0')}-15`
            : null,
          outcome: isClosed && caseId % 7 !== 0 ? caseOutcomes[caseId % caseOutcomes.length]! : null,
          saved_cents: isClosed && caseId % 4 === 0 ? caseId * 1000 : null,
          created_at: now,
          updated_at: now,
        })
        .execute();
    }
  });
}

/** Every change that adds, removes or alters a live case. */
async function change(db: Kysely<AdvocaseDatabase>): Promise<void> {
  const now = new Date().toISOString();
  await db
    .updateTable('cases')
    .set({ closed_on: '2026-02-02', outcome: 'approved', saved_cents: 12_345 })
    .where('id', 'in', [3, 6, 9])
    .execute();
  await db.updateTable('cases').set({ closed_on: null, outcome: null }).where('id', 'in', [10, 11]).execute();
  await db.updateTable('cases').set({ assigned_advocate: 'Luis Ortega' }).where('id', '<=', 8).execute();
  await db.updateTable('cases').set({ opened_on: '2026-03-15', client_id: 2 }).where('id', '=', 20).execute();
  await db.updateTable('cases').set({ deleted_at: now }).where('id', 'in', [30, 31, 32]).execute();
  await db.updateTable('cases').set({ deleted_at: null }).where('id', '=', 31).execute();
  await db.updateTable('clients').set({ deleted_at: now }).where('id', '=', 4).execute();
  await db.updateTable('clients').set({ full_name: 'Client Renamed' }).where('id', '=', 5).execute();
  await db.deleteFrom('cases').where('id', '=', 150).execute();
}

/** The live cases, as a plain join of the cases with their clients. */
const liveCases = sql`cases c join clients cl on cl.id = c.client_id
  where c.deleted_at is null and cl.deleted_at is null`;

async function expectFactsMatchTheCases(db: Kysely<AdvocaseDatabase>): Promise<void> {
  const { rows: kept } = await sql`
    select case_id, client_id, assigned_advocate, opened_on, closed_on, outcome, saved_cents
    from case_outcome_facts order by case_id`.execute(db);
  const { rows: truth } = await sql`
    select c.id as case_id, c.client_id, c.assigned_advocate, c.opened_on, c.closed_on, c.outcome, c.saved_cents
    from ${liveCases} order by c.id`.execute(db);
  expect(kept).toEqual(truth);
}

/** The case figures of a period, straight from the live cases. */
async function expectedFigures(
  db: Kysely<AdvocaseDatabase>,
  period: (typeof periods)[number],
  advocate: string | null,
) {
  const mine = advocate === null ? sql`1 = 1` : sql`c.assigned_advocate = ${advocate}`;
  const count = async (condition: ReturnType<typeof sql>) =>
    (
      await sql<{ n: number }>`select count(*) as n from ${liveCases} and ${mine} and ${condition}`.execute(
        db,
      )
    ).rows[0]!.n;
  const active = sql`c.opened_on <= ${period.to} and (c.closed_on is null or c.closed_on >= ${period.from})`;
  const { rows: clients } = await sql<{ n: number }>`
    select count(distinct c.client_id) as n from ${liveCases} and ${mine} and ${active}`.execute(db);
  const { rows: byOutcome } = await sql<{ outcome: string | null; n: number; saved: number | null }>`
    select c.outcome, count(*) as n, sum(c.saved_cents) as saved from ${liveCases} and ${mine}
      and c.closed_on between ${period.from} and ${period.to} group by c.outcome`.execute(db);
  const { rows: months } = await sql<{ month: string; opened: number; closed: number }>`
    select m.month,
      (select count(*) from ${liveCases} and ${mine} and substr(c.opened_on, 1, 7) = m.month
         and c.opened_on between ${period.from} and ${period.to}) as opened,
      (select count(*) from ${liveCases} and ${mine} and substr(c.closed_on, 1, 7) = m.month
         and c.closed_on between ${period.from} and ${period.to}) as closed
    from (select distinct substr(opened_on, 1, 7) as month from cases
          union select distinct substr(closed_on, 1, 7) from cases where closed_on is not null) m
    where m.month between substr(${period.from}, 1, 7) and substr(${period.to}, 1, 7)
    order by m.month`.execute(db);
  return {
    clientsServed: clients[0]!.n,
    casesActive: await count(active),
    casesOpened: await count(sql`c.opened_on between ${period.from} and ${period.to}`),
    casesClosed: await count(sql`c.closed_on between ${period.from} and ${period.to}`),
    savedOnCasesCents: byOutcome.reduce((sum, row) => sum + (row.saved ?? 0), 0),
    outcomeCounts: Object.fromEntries(byOutcome.map((row) => [row.outcome ?? 'not_recorded', row.n])),
    months: months.filter((row) => row.opened + row.closed > 0),
  };
}

async function expectSameFigures(db: Kysely<AdvocaseDatabase>): Promise<void> {
  await expectFactsMatchTheCases(db);
  const { rows: names } = await sql<{ name: string }>`
    select distinct c.assigned_advocate as name from ${liveCases} and c.assigned_advocate is not null
    order by name`.execute(db);
  for (const period of periods) {
    for (const advocate of advocates) {
      const report = await computeOutcomes(
        db,
        { ...period, advocate },
        { now: new Date('2026-12-01T12:00:00Z'), timeZone: 'UTC' },
      );
      const truth = await expectedFigures(db, period, advocate);
      expect({ period, advocate, ...report.headline }).toMatchObject({
        period,
        advocate,
        clientsServed: truth.clientsServed,
        casesActive: truth.casesActive,
        casesOpened: truth.casesOpened,
        casesClosed: truth.casesClosed,
        savedOnCasesCents: truth.savedOnCasesCents,
      });
      expect(Object.fromEntries(report.outcomeMix.map((share) => [share.outcome, share.count]))).toEqual(
        truth.outcomeCounts,
      );
      expect(report.months.filter((month) => month.opened + month.closed > 0)).toEqual(truth.months);
      expect(report.advocates).toEqual(names.map((row) => row.name));
    }
  }
}

/** The schema before 0102: the last step both chains share, the PostgreSQL chain's baseline. */
const beforeTheFacts = '0101-caseload-quick-filter-trigrams';

/** A store filled and changed at the schema before 0102, then opened at this build's schema. */
async function storeFilledBeforeTheFacts(engine: StoreEngine): Promise<Store> {
  if (engine === 'sqlite') {
    const path = join(newDataDirectory(), 'advocase.db');
    const dataKey = randomBytes(32);
    const before = await openStore(path, dataKey, { upTo: beforeTheFacts });
    await fill(before.db);
    await change(before.db);
    await before.close();
    return openStore(path, dataKey);
  }
  const database = await createPostgresTestDatabase({ migrated: false });
  const db = openPostgresTestConnection<AdvocaseDatabase>(database);
  await migrateDatabase(db as Kysely<unknown>, beforeTheFacts);
  await fill(db);
  await change(db);
  await migrateDatabase(db as Kysely<unknown>);
  return {
    db,
    close: async () => {
      await db.destroy();
      await database.drop();
    },
  };
}

describe.each(storeEngines)('Outcomes’ kept case facts on %s', (engine) => {
  let store: Store;
  afterEach(() => store.close());

  it('give the figures a plain query of the live cases gives', async () => {
    store = await openTestStore(engine);
    await fill(store.db);
    await expectSameFigures(store.db);
  });

  it('still do after closings, reopenings, reassignments, the trash and deletions', async () => {
    store = await openTestStore(engine);
    await fill(store.db);
    await change(store.db);
    await expectSameFigures(store.db);
  });

  it('are filled from the cases a store had before the table existed', async () => {
    store = await storeFilledBeforeTheFacts(engine);
    await expectSameFigures(store.db);
  });
});
