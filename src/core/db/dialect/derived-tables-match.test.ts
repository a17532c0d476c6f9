import { sql, type Kysely } from 'kysely';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { parsed, seedCaseload, actor } from '../../../../test/search/seed-caseload';
import { openTestStore, storeEngines, type StoreEngine } from '../../../../test/helpers/test-stores';
import { closeCase, createCase, updateCase } from '../../cases/cases-service';
import { createClient, updateClient } from '../../clients/clients-service';
import { updateCoverage } from '../../coverages/coverages-service';
import { addTimelineEvent } from '../../events/events-service';
import { moveCaseToTrash, moveClientToTrash } from '../../history/trash';
import { toSearchTerms } from '../../search/search-terms';
import type { Store } from '../store';
import type { AdvocaseDatabase } from '../schema';
import { dialectOf } from './dialect-of';
import type { RecordSearchIndex } from './full-text-search';
import { postgresDerivedTables } from './postgres/postgres-derived-tables';
import { sqliteDerivedTables } from './sqlite/sqlite-derived-tables';

/** The same edits, in the same order, whatever the engine: every source a derived table follows. */
async function makeTheSameWrites(store: Store): Promise<void> {
  const { maria, jurgen, coverage, opened } = await seedCaseload(store);
  const second = await createCase(
    store.db,
    actor,
    parsed('cases.create', { clientId: jurgen.id, treatment: 'tms', payer: 'Cigna' }),
  );
  const third = await createCase(
    store.db,
    actor,
    parsed('cases.create', { clientId: maria.id, treatment: 'iv_ketamine', payer: 'Kaiser' }),
  );
  await updateCase(store.db, actor, {
    caseId: second.id,
    changes: { stage: 'denied', assignedAdvocate: 'Sam Ortiz' },
  });
  await closeCase(
    store.db,
    actor,
    parsed('cases.close', {
      caseId: opened.id,
      outcome: 'approved',
      savedCents: 125_000,
      closedOn: '2026-03-09',
    }),
  );
  await updateClient(
    store.db,
    actor,
    parsed('clients.update', { clientId: maria.id, changes: { fullName: 'María López' } }),
  );
  await updateCoverage(
    store.db,
    actor,
    parsed('coverages.update', { coverageId: coverage.id, changes: { payer: 'Aetna Better Health' } }),
  );
  const now = new Date().toISOString();
  await store.db
    .updateTable('case_deadline_summaries')
    .set({ next_due_on: '2026-04-01', overdue_count: 2 })
    .where('case_id', '=', opened.id)
    .execute();
  await store.db
    .insertInto('case_evidence_summaries')
    .values({
      case_id: second.id,
      readiness_percent: 40,
      done_count: 2,
      partial_count: 1,
      applicable_count: 5,
      computed_at: now,
    })
    .onConflict((conflict) => conflict.column('case_id').doUpdateSet({ readiness_percent: 40 }))
    .execute();
  await store.db
    .updateTable('case_deadline_summaries')
    .set({ overdue_count: 1 })
    .where('case_id', '=', opened.id)
    .execute();
  await addTimelineEvent(store.db, actor, second.id, {
    type: 'note',
    occurredAt: '2026-03-05T10:00:00Z',
    summary: 'Cigna denied the TMS request',
    details: {},
  });
  await addTimelineEvent(store.db, actor, second.id, {
    type: 'payer_decision',
    occurredAt: '2026-03-06T10:00:00Z',
    summary: 'Cigna denied the TMS request on appeal',
    details: { decision: 'denied', level: 1, noticeDate: '2026-03-06', reason: 'Experimental' },
  });
  await moveCaseToTrash(store.db, actor, third.id);
  const leaving = await createClient(
    store.db,
    actor,
    parsed('clients.create', { fullName: 'Olive Trash', state: 'OR' }),
  );
  await createCase(
    store.db,
    actor,
    parsed('cases.create', { clientId: leaving.id, treatment: 'tms', payer: 'Cigna' }),
  );
  await moveClientToTrash(store.db, actor, leaving.id);
}

const searches: ReadonlyArray<readonly [RecordSearchIndex, string]> = [
  ['client_search', 'maria'],
  ['client_search', 'lopez'],
  ['client_search', 'olive'],
  ['client_search', 'W1234'],
  ['case_search', 'Aetna Better'],
  ['case_search', 'muller'],
  ['case_search', 'spravato'],
  ['case_search', 'Kaiser'],
  ['event_search', 'REF-20931'],
  ['event_search', 'denied tms'],
  ['event_search', 'derek'],
];

async function derivedState(db: Kysely<AdvocaseDatabase>) {
  const entries = await db.selectFrom('caseload_entries').selectAll().orderBy('case_id').execute();
  const { rows: stageCounts } = await sql<{ stage_rank: number; total: number }>`
    select stage_rank, total from caseload_stage_counts order by stage_rank`.execute(db);
  const outcomeFacts = await db.selectFrom('case_outcome_facts').selectAll().orderBy('case_id').execute();
  const eventFacts = (
    await db.selectFrom('outcome_event_facts').selectAll().orderBy('event_id').execute()
  ).map((facts) => ({ ...facts, level: facts.level === null ? null : Number(facts.level) }));
  // Sorted here: the engines order nulls (an advocate, a reason) differently.
  const decisionMonths = (await db.selectFrom('outcome_decision_months').selectAll().execute())
    .map((month) => ({
      ...month,
      level: month.level === null ? null : Number(month.level),
      decisions: Number(month.decisions),
    }))
    .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
  const reminderDays = (
    await db.selectFrom('reminder_day_counts').selectAll().orderBy('due_on').execute()
  ).map((day) => ({ ...day, open_count: Number(day.open_count) }));
  const found: Record<string, unknown> = {};
  for (const [index, typed] of searches) {
    found[`${index} ${typed}`] = await dialectOf(db).fullTextSearch.findRecordMatches(
      db,
      index,
      toSearchTerms(typed)!,
      10,
    );
  }
  return { entries, stageCounts, outcomeFacts, eventFacts, decisionMonths, reminderDays, found };
}

function changeCounter(db: Kysely<AdvocaseDatabase>): Promise<number> {
  return dialectOf(db).caseloadChanges.generation(db);
}

describe('the derived tables on SQLite and PostgreSQL', () => {
  beforeEach(() => {
    // One clock for both runs, so the rows' timestamps agree too.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-03-10T12:00:00Z'));
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('hold the same rows after the same writes: caseload entries, stage counts, Outcomes’ case and event facts and decision months, reminder day counts and search matches', async () => {
    const states: Partial<Record<StoreEngine, Awaited<ReturnType<typeof derivedState>>>> = {};
    for (const engine of storeEngines) {
      const store = await openTestStore(engine);
      try {
        await makeTheSameWrites(store);
        states[engine] = await derivedState(store.db);
      } finally {
        await store.close();
      }
    }
    expect(states.sqlite!.entries.length).toBeGreaterThan(1);
    expect(states.sqlite!.outcomeFacts.map((facts) => facts.case_id)).toEqual(
      states.sqlite!.entries.map((entry) => entry.case_id),
    );
    expect(states.sqlite!.outcomeFacts.some((facts) => facts.outcome === 'approved')).toBe(true);
    expect(states.sqlite!.eventFacts.map((facts) => facts.decision)).toEqual(['denied']);
    expect(
      Object.values(states.sqlite!.found).some((result) => JSON.stringify(result).includes('recordId')),
    ).toBe(true);
    expect(states.postgres).toEqual(states.sqlite);
  });

  it('move the caseload’s change counter on every write that changes an entry, and on no other', async () => {
    const moved: Partial<Record<StoreEngine, boolean[]>> = {};
    for (const engine of storeEngines) {
      const store = await openTestStore(engine);
      try {
        const { maria, opened } = await seedCaseload(store);
        const writes = [
          () => updateCase(store.db, actor, { caseId: opened.id, changes: { stage: 'denied' } }),
          () =>
            store.db
              .updateTable('case_deadline_summaries')
              .set({ overdue_count: 3 })
              .where('case_id', '=', opened.id)
              .execute(),
          () =>
            store.db
              .updateTable('clients')
              .set({ full_name: 'María López' })
              .where('id', '=', maria.id)
              .execute(),
          // Nothing the caseload shows: no entry changes.
          () =>
            store.db
              .updateTable('clients')
              .set({ notes: 'Prefers email' })
              .where('id', '=', maria.id)
              .execute(),
          () => moveCaseToTrash(store.db, actor, opened.id),
        ];
        const seen: boolean[] = [];
        for (const write of writes) {
          const before = await changeCounter(store.db);
          await write();
          seen.push((await changeCounter(store.db)) !== before);
        }
        moved[engine] = seen;
      } finally {
        await store.close();
      }
    }
    expect(moved.sqlite).toEqual([true, true, true, false, true]);
    expect(moved.postgres).toEqual(moved.sqlite);
  });

  it('are the same tables following the same sources, but the quick filter, an index on PostgreSQL', () => {
    expect(postgresDerivedTables.guardedTables).toEqual(sqliteDerivedTables.guardedTables);
    expect(postgresDerivedTables.derivedTables).toEqual(
      sqliteDerivedTables.derivedTables.filter((derived) => derived.table !== 'caseload_quick_filter'),
    );
  });

  it('are kept on PostgreSQL by triggers on the tables they follow, and no others', async () => {
    // The team layer's own triggers (guards, audit trail, live changes, versions: src/core/team)
    // are named `<table>_team_<purpose>` and keep no derived table.
    const teamTriggerNames = '%\\_team\\_%';
    const store = await openTestStore('postgres');
    const { rows } = await sql<{ table: string }>`
      select distinct c.relname as "table" from pg_trigger t join pg_class c on c.oid = t.tgrelid
      where not t.tgisinternal and t.tgname not like ${teamTriggerNames} order by 1`.execute(store.db);
    await store.close();
    const sources = new Set([
      ...postgresDerivedTables.derivedTables.flatMap((derived) => derived.follows),
      ...postgresDerivedTables.guardedTables,
    ]);
    expect(rows.map((row) => row.table)).toEqual([...sources].sort());
  });
});
