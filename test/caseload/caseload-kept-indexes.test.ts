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
import { openTestStore, storeEngines, type StoreEngine } from '../helpers/test-stores';

/**
 * The caseload's kept stage counts (migration 0100), trigram quick filter (migration 0101) and
 * counts kept per view until the caseload changes (migration 0103) answer exactly what a plain
 * scan of `caseload_entries` answers: the same totals, stage counts
 * and rows in the same order, after inserts, stage changes, renames, payer changes, the trash
 * and deletions, on a real encrypted store and a real PostgreSQL database.
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
    // What the deadline recompute keeps: some cases with deadlines passed unanswered, some with none.
    if (caseId % 3 === 0) {
      await db
        .insertInto('case_deadline_summaries')
        .values({
          case_id: caseId,
          next_due_on: null,
          next_rule: null,
          overdue_count: caseId % 6 === 0 ? 1 + (caseId % 4) : 0,
          missing_facts: '[]',
          assumptions: '[]',
          time_zone: 'America/Chicago',
          as_of: '2026-07-01',
          computed_at: now,
        })
        .execute();
    }
  }
}

const hasOverdue = sql`case_id in (select case_id from case_deadline_summaries where overdue_count > 0)`;

/** Filters of the entries' own columns, each beside the plain condition it means on this caseload. */
const filterCases: ReadonlyArray<readonly [CaseloadQueryInput['filters'], ReturnType<typeof sql>]> = [
  [{}, sql`1 = 1`],
  // No "other" treatment here is worded as TMS, so the filter is the kind alone.
  [{ treatments: ['tms'] }, sql`treatment = 'tms'`],
  [{ priorities: ['urgent'] }, sql`priority = 'urgent'`],
  [{ payers: ['Aetna'], isUrgent: true }, sql`payer = 'Aetna' and (priority = 'urgent' or is_urgent = 1)`],
  // "Has an overdue deadline" means what the deadline recompute last found, whichever table is read.
  [{ hasOverdueDeadline: true }, hasOverdue],
  [{ hasOverdueDeadline: false, treatments: ['tms'] }, sql`not ${hasOverdue} and treatment = 'tms'`],
];

/** Sorts on one column each way and on several, beside the order they mean (the case id settles ties). */
const sortCases: ReadonlyArray<readonly [CaseloadQueryInput['sorting'], ReturnType<typeof sql>]> = [
  [[{ column: 'clientName' }], sql`client_name, case_id`],
  [[{ column: 'openedOn', descending: true }], sql`opened_on desc, case_id desc`],
  // Empty values first ascending and last descending, as the caseload sorts on every engine.
  [[{ column: 'payer' }, { column: 'clientName' }], sql`payer nulls first, client_name, case_id`],
  [
    [
      { column: 'payer', descending: true },
      { column: 'openedOn', descending: true },
    ],
    sql`payer desc nulls last, opened_on desc, case_id desc`,
  ],
  [
    [{ column: 'stage' }, { column: 'nextDeadline' }, { column: 'priority', descending: true }],
    sql`stage_rank, coalesce(next_due_on, '9999-12-31'), priority_rank desc, case_id desc`,
  ],
  [
    [{ column: 'priority', descending: true }, { column: 'clientName' }],
    sql`priority_rank desc, client_name, case_id`,
  ],
];

/** What the caseload must say, from a plain scan of its entries. */
async function expected(
  db: Kysely<AdvocaseDatabase>,
  quickFilter: string | null,
  stage: string | null,
  filter: ReturnType<typeof sql> = sql`1 = 1`,
  order: ReturnType<typeof sql> = sql`client_name, case_id`,
) {
  // lower() on both sides: LIKE ignores case on SQLite but not on PostgreSQL.
  const text = quickFilter
    ? sql`lower(quick_filter_text) like ${`%${quickFilter.toLowerCase()}%`}`
    : sql`1 = 1`;
  const { rows: counted } = await sql<{ stage_rank: number; total: number }>`
    select stage_rank, count(*) as total from caseload_entries where ${text} and ${filter}
    group by stage_rank`.execute(db);
  const stageCounts = Object.fromEntries(caseStages.map((name) => [name, 0]));
  for (const row of counted) stageCounts[caseStages[row.stage_rank]!] = row.total;
  const inStage = stage ? sql`stage_rank = ${caseStages.indexOf(stage as never)}` : sql`1 = 1`;
  const { rows } = await sql<{ case_id: number }>`
    select case_id from caseload_entries where ${text} and ${inStage} and ${filter}
    order by ${order}`.execute(db);
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
    // Across a space, and a double quote (the index's phrase syntax) taken as a plain character.
    'm q',
    'a"b',
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

/**
 * Every filter, quick filter, stage, sort and page, the way paging asks: each page must be that
 * slice of the plain scan, whichever road (kept counts, a walk of the sort index, the matches
 * sorted by id) the query took.
 */
async function expectSamePages(db: Kysely<AdvocaseDatabase>): Promise<void> {
  for (const [filters, filter] of filterCases) {
    for (const quickFilter of [null, 'chen', 'stellate', 'ortega']) {
      for (const stage of [null, 'decision']) {
        for (const [sorting, order] of sortCases) {
          const truth = await expected(db, quickFilter, stage, filter, order);
          for (const page of [
            { offset: 0, limit: 500 },
            { offset: 3, limit: 7 },
            { offset: 40, limit: 30 },
          ]) {
            const input: CaseloadQueryInput = {
              quickFilter,
              filters: stage ? { ...filters, stages: [stage as never] } : filters,
              sorting,
              ...page,
              includeStageCounts: true,
            };
            const answer = await queryCaseload(db, caseloadQueryInputSchema.parse(input));
            expect({ input, ids: answer.rows.map((row) => row.id) }).toEqual({
              input,
              ids: truth.ids.slice(page.offset, page.offset + page.limit),
            });
            expect({ input, total: answer.total }).toEqual({ input, total: truth.ids.length });
            expect({ input, counts: answer.stageCounts }).toEqual({ input, counts: truth.stageCounts });
          }
        }
      }
    }
  }
}

/** The changes every test makes: stages, names, payers, the trash, a deletion. */
async function change(db: Kysely<AdvocaseDatabase>): Promise<void> {
  const now = new Date().toISOString();
  await db.updateTable('cases').set({ stage: 'decision' }).where('id', '<=', 30).execute();
  await db.updateTable('clients').set({ full_name: 'Maria Chenault' }).where('id', '=', 1).execute();
  await db.updateTable('coverages').set({ payer: 'Cigna Healthcare' }).where('id', '=', 2).execute();
  await db.updateTable('cases').set({ deleted_at: now }).where('id', 'in', [5, 6, 7]).execute();
  await db.updateTable('clients').set({ deleted_at: now }).where('id', '=', 3).execute();
  await db.updateTable('cases').set({ deleted_at: null }).where('id', '=', 6).execute();
  await db
    .updateTable('cases')
    .set({ priority: 'urgent', treatment: 'tms' })
    .where('id', 'in', [8, 12])
    .execute();
  await db.deleteFrom('cases').where('id', '=', 120).execute();
  // The deadline recompute finds a deadline answered, one passed, and a case with none left.
  await db
    .updateTable('case_deadline_summaries')
    .set({ overdue_count: 0 })
    .where('case_id', '=', 12)
    .execute();
  await db
    .updateTable('case_deadline_summaries')
    .set({ overdue_count: 2 })
    .where('case_id', '=', 15)
    .execute();
  await db.deleteFrom('case_deadline_summaries').where('case_id', '=', 18).execute();
}

async function openFilledStore(engine: StoreEngine): Promise<Store> {
  const store = await openTestStore(engine);
  await fill(store.db);
  return store;
}

describe.each(storeEngines)('kept stage counts and the quick filter on %s', (engine) => {
  let store: Store;
  afterEach(() => store.close());

  it('agree with a scan of the entries on a new caseload', async () => {
    store = await openFilledStore(engine);
    await expectSameAnswers(store.db);
  });

  it('still agree after stage changes, renames, payer changes, the trash and deletions', async () => {
    store = await openFilledStore(engine);
    await change(store.db);
    await expectSameAnswers(store.db);
  });

  it('answer every filter, sort and page as a scan does, and count again once anything changed', async () => {
    store = await openFilledStore(engine);
    // Asked before and after the change, so counts kept from the first pass must not answer the second.
    await expectSamePages(store.db);
    await change(store.db);
    await expectSamePages(store.db);
    await store.db.transaction().execute(async (trx) => {
      await trx.updateTable('cases').set({ stage: 'intake' }).where('id', '<=', 60).execute();
      await expectSamePages(trx);
    });
    await expectSamePages(store.db);
    // Every filter, quick filter, stage, sort and page, twice: minutes on a loaded machine, not seconds.
  }, 180_000);

  it('leaves no stage with a count the entries do not have', async () => {
    store = await openFilledStore(engine);
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

// The PostgreSQL chain starts at its baseline (0101): only a local store has a schema this old.
describe('kept stage counts and the trigram quick filter on an older local store', () => {
  let store: Store;
  afterEach(() => store.close());

  it('agree on a store that had its cases before the counts and the trigram index existed', async () => {
    const path = join(newDataDirectory(), 'advocase.db');
    const dataKey = randomBytes(32);
    const before = await openStore(path, dataKey, { upTo: '0080-import-value-mappings' });
    await fill(before.db);
    await before.close();
    store = await openStore(path, dataKey);
    await expectSameAnswers(store.db);
  });
});
