import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { sql, type Kysely } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { queryCaseload } from '../../src/core/caseload/caseload-query-service';
import type { AdvocaseDatabase } from '../../src/core/db/schema';
import { openStore, type Store } from '../../src/core/db/store';
import { caseStages } from '../../src/shared/domain/case-stages';
import { caseloadQueryInputSchema, type CaseloadQueryInput } from '../../src/shared/schemas/caseload';
import { useTemporaryDataDirectory } from '../helpers/temporary-data-directory';

/**
 * The caseload's kept stage counts (migration 0100) and trigram quick filter (migration 0101)
 * answer exactly what a plain scan of `caseload_entries` answers: the same totals, stage counts
 * and rows in the same order, after inserts, stage changes, renames, payer changes, the trash
 * and deletions, on a real encrypted store.
 */

const newDataDirectory = useTemporaryDataDirectory();
const names = [
  'Maria Chen',
  'James Kitchens',
  'Aisha Garcia',
  'Priya Patel',
  'Chen Xu',
  'Elena Rosenberg',
  'Luis Ortega',
  'Mei Okafor',
  'Grace Chenoweth',
  'Omar Haddad',
  'Nadia Müller',
  'Sam Quinn',
];
const payers = ['Aetna', 'Cigna', 'Kaiser Permanente', 'Blue Shield of California', null];

async function fill(db: Kysely<AdvocaseDatabase>): Promise<void> {
  await db.transaction().execute((trx) => fillIn(trx));
}

async function fillIn(db: Kysely<AdvocaseDatabase>): Promise<void> {
  const now = new Date().toISOString();
  for (const [index, name] of names.entries()) {
    await db
      .insertInto('clients')
      .values({
        id: index + 1,
        full_name: name,
        date_of_birth: null,
        state: 'CA',
        created_at: now,
        updated_at: now,
      })
      .execute();
    await db
      .insertInto('coverages')
      .values({
        id: index + 1,
        client_id: index + 1,
        payer: payers[index % payers.length] ?? 'Humana',
        plan_type: 'individual',
        member_id: `M${index}`,
        created_at: now,
        updated_at: now,
      })
      .execute();
  }
  for (let caseId = 1; caseId <= 120; caseId += 1) {
    const client = 1 + ((caseId * 7) % names.length);
    await db
      .insertInto('cases')
      .values({
        id: caseId,
        client_id: client,
        coverage_id: caseId % 3 === 0 ? null : client,
        treatment: caseId % 4 === 0 ? 'other' : 'tms',
        treatment_detail: caseId % 4 === 0 ? 'Stellate ganglion block' : null,
        payer: payers[caseId % payers.length] ?? null,
        stage: caseStages[caseId % caseStages.length]!,
        priority: caseId % 5 === 0 ? 'urgent' : 'normal',
        assigned_advocate: caseId % 2 === 0 ? 'Dana Whitfield' : null,
        opened_on: `2026-0${1 + (caseId % 9)}-1${caseId % 10}`,
        created_at: now,
        updated_at: now,
      })
      .execute();
  }
}

/** What the caseload must say, from a plain scan of its entries. */
async function expected(db: Kysely<AdvocaseDatabase>, quickFilter: string | null, stage: string | null) {
  const text = quickFilter ? sql`quick_filter_text like ${`%${quickFilter}%`}` : sql`1 = 1`;
  const { rows: counted } = await sql<{ stage_rank: number; total: number }>`
    select stage_rank, count(*) as total from caseload_entries where ${text} group by stage_rank`.execute(db);
  const stageCounts = Object.fromEntries(caseStages.map((name) => [name, 0]));
  for (const row of counted) stageCounts[caseStages[row.stage_rank]!] = row.total;
  const inStage = stage ? sql`stage_rank = ${caseStages.indexOf(stage as never)}` : sql`1 = 1`;
  const { rows } = await sql<{ case_id: number }>`
    select case_id from caseload_entries where ${text} and ${inStage}
    order by client_name, case_id`.execute(db);
  return { stageCounts, ids: rows.map((row) => row.case_id) };
}

async function expectSameAnswers(db: Kysely<AdvocaseDatabase>): Promise<void> {
  for (const quickFilter of [
    null,
    'chen',
    'CHEN',
    'kit',
    'müller',
    'aetna',
    'kaiser perm',
    'stellate',
    'ch',
    'zzz',
    '42',
  ]) {
    for (const stage of [null, 'decision']) {
      const input: CaseloadQueryInput = {
        quickFilter,
        filters: stage ? { stages: [stage as never] } : {},
        sorting: [{ column: 'clientName' }],
        limit: 500,
        includeStageCounts: true,
      };
      const answer = await queryCaseload(db, caseloadQueryInputSchema.parse(input));
      const truth = await expected(db, quickFilter === '42' ? null : quickFilter, stage);
      if (quickFilter === '42') {
        // A case number finds that case (in its stage's view only), beside any text holding "42".
        if (stage === null) expect(answer.rows.map((row) => row.id)).toContain(42);
        continue;
      }
      expect({ quickFilter, stage, ids: answer.rows.map((row) => row.id) }).toEqual({
        quickFilter,
        stage,
        ids: truth.ids,
      });
      expect(answer.total).toBe(truth.ids.length);
      expect(answer.stageCounts).toEqual(truth.stageCounts);
    }
  }
}

async function openFilledStore(): Promise<Store> {
  const store = await openStore(join(newDataDirectory(), 'advocase.db'), randomBytes(32));
  await fill(store.db);
  return store;
}

describe('kept stage counts and the trigram quick filter', () => {
  let store: Store;
  afterEach(() => store.close());

  it('agree with a scan of the entries on a new caseload', async () => {
    store = await openFilledStore();
    await expectSameAnswers(store.db);
  });

  it('still agree after stage changes, renames, payer changes, the trash and deletions', async () => {
    store = await openFilledStore();
    const now = new Date().toISOString();
    await store.db.updateTable('cases').set({ stage: 'decision' }).where('id', '<=', 30).execute();
    await store.db.updateTable('clients').set({ full_name: 'Maria Chenault' }).where('id', '=', 1).execute();
    await store.db.updateTable('coverages').set({ payer: 'Cigna Healthcare' }).where('id', '=', 2).execute();
    await store.db.updateTable('cases').set({ deleted_at: now }).where('id', 'in', [5, 6, 7]).execute();
    await store.db.updateTable('clients').set({ deleted_at: now }).where('id', '=', 3).execute();
    await store.db.updateTable('cases').set({ deleted_at: null }).where('id', '=', 6).execute();
    await store.db.deleteFrom('cases').where('id', '=', 120).execute();
    await expectSameAnswers(store.db);
  });

  it('agree on a store that had its cases before the counts and the trigram index existed', async () => {
    const path = join(newDataDirectory(), 'advocase.db');
    const dataKey = randomBytes(32);
    const before = await openStore(path, dataKey, { upTo: '0080-import-value-mappings' });
    await fill(before.db);
    await before.close();
    store = await openStore(path, dataKey);
    await expectSameAnswers(store.db);
  });

  it('leaves no stage with a count the entries do not have', async () => {
    store = await openFilledStore();
    await store.db.updateTable('cases').set({ stage: 'resolved' }).where('id', '<=', 60).execute();
    await store.db.deleteFrom('cases').where('id', '>', 100).execute();
    const { rows } = await sql<{ stage_rank: number; kept: number; counted: number }>`
      select k.stage_rank, k.total as kept,
             (select count(*) from caseload_entries e where e.stage_rank = k.stage_rank) as counted
      from caseload_stage_counts k`.execute(store.db);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row.kept).toBe(row.counted);
  });
});
