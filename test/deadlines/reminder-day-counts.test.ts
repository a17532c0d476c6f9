import { sql, type Kysely } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeCase, createCase, updateCase } from '../../src/core/cases/cases-service';
import type { AdvocaseDatabase } from '../../src/core/db/schema';
import type { Store } from '../../src/core/db/store';
import { countReminderDates } from '../../src/core/deadlines/reminder-counts';
import { moveCaseToTrash, moveClientToTrash, restoreFromTrash } from '../../src/core/history/trash';
import { setTaskDone } from '../../src/core/tasks/tasks-service';
import { openTestStore, storeEngines } from '../helpers/test-stores';
import { actor, parsed, seedCaseload } from '../search/seed-caseload';

/**
 * The open dates kept per due day (migration 0160, both engines' triggers) are, after every kind
 * of write the rule reads, what a plain count of the rows says; and the reminder summary's overdue
 * count summed from them is the plain count of overdue dates, on any day, as days pass.
 */

type DayCount = { due_on: string; open_count: number };

/** The rule of reminder-counts.ts, written plainly over every row. */
async function countedFromTheRows(db: Kysely<AdvocaseDatabase>): Promise<DayCount[]> {
  const { rows } = await sql<DayCount>`
    SELECT due_on, count(*) AS open_count FROM (
      SELECT d.due_on FROM case_deadlines d
        JOIN cases c ON c.id = d.case_id JOIN clients l ON l.id = c.client_id
        LEFT JOIN deadline_adjustments a ON a.case_id = d.case_id AND a.deadline_key = d.deadline_key
      WHERE c.deleted_at IS NULL AND l.deleted_at IS NULL AND c.stage <> 'resolved'
        AND d.status NOT IN ('met', 'not-tracked') AND d.answered_on IS NULL AND a.done_at IS NULL
      UNION ALL
      SELECT t.due_on FROM tasks t JOIN cases c ON c.id = t.case_id JOIN clients l ON l.id = c.client_id
      WHERE c.deleted_at IS NULL AND l.deleted_at IS NULL AND c.stage <> 'resolved'
        AND t.due_on IS NOT NULL AND t.done_at IS NULL
    ) AS open_dates GROUP BY due_on ORDER BY due_on`.execute(db);
  return rows.map((row) => ({ due_on: row.due_on, open_count: Number(row.open_count) }));
}

async function keptDays(db: Kysely<AdvocaseDatabase>): Promise<DayCount[]> {
  const rows = await db
    .selectFrom('reminder_day_counts')
    .select(['due_on', 'open_count'])
    .where('open_count', '<>', 0)
    .orderBy('due_on')
    .execute();
  return rows.map((row) => ({ due_on: row.due_on, open_count: Number(row.open_count) }));
}

const overdueOn = (days: readonly DayCount[], today: string) =>
  days.filter((day) => day.due_on < today).reduce((sum, day) => sum + day.open_count, 0);

async function addDeadline(db: Kysely<AdvocaseDatabase>, caseId: number, key: string, dueOn: string) {
  await db
    .insertInto('case_deadlines')
    .values({
      case_id: caseId,
      deadline_key: key,
      answered_on: null,
      kind: 'rule',
      rule: key,
      source_event_id: null,
      computed_due: dueOn,
      due_on: dueOn,
      due_at: null,
      actor: 'payer',
      status: 'open',
      citation_url: 'https://example.org/rule',
      citation_text: 'rule',
      note: '',
      confidence: 'verified',
      computed_at: '2026-03-01T00:00:00.000Z',
    })
    .execute();
}

async function addTask(db: Kysely<AdvocaseDatabase>, caseId: number, dueOn: string | null) {
  const { id } = await db
    .insertInto('tasks')
    .values({
      case_id: caseId,
      title: 'Call the rep back',
      due_on: dueOn,
      done_at: null,
      source_event_id: null,
      created_at: '2026-03-01T00:00:00.000Z',
      updated_at: '2026-03-01T00:00:00.000Z',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(id);
}

describe.each(storeEngines)('open dates kept per due day, on %s', (engine) => {
  let store: Store;
  beforeEach(async () => {
    store = await openTestStore(engine);
  });
  afterEach(async () => {
    await store.close();
  });

  it('equal a plain count of the rows after every write the rule reads, and sum to the overdue count', async () => {
    const { db } = store;
    const { maria, jurgen, opened } = await seedCaseload(store);
    const second = await createCase(
      db,
      actor,
      parsed('cases.create', { clientId: jurgen.id, treatment: 'tms', payer: 'Cigna' }),
    );
    const third = await createCase(
      db,
      actor,
      parsed('cases.create', { clientId: maria.id, treatment: 'iv_ketamine', payer: 'Kaiser' }),
    );
    const mismatches: string[] = [];
    const check = async (step: string) => {
      const [kept, plain] = [await keptDays(db), await countedFromTheRows(db)];
      if (JSON.stringify(kept) !== JSON.stringify(plain)) {
        mismatches.push(`${step}: kept ${JSON.stringify(kept)}, rows ${JSON.stringify(plain)}`);
      }
    };

    const day = (n: number) => `2026-03-${String(n).padStart(2, '0')}`;
    const writes: ReadonlyArray<readonly [string, () => Promise<unknown>]> = [
      [
        'deadlines added',
        async () => {
          for (const [caseId, base] of [
            [opened.id, 1],
            [second.id, 4],
            [third.id, 7],
          ] as const) {
            await addDeadline(db, caseId, 'appeal', day(base));
            await addDeadline(db, caseId, 'decision', day(base + 10));
            await addDeadline(db, caseId, 'external-review', day(base + 20));
          }
        },
      ],
      [
        'tasks added',
        async () => {
          await addTask(db, opened.id, day(2));
          await addTask(db, second.id, day(12));
          await addTask(db, third.id, null);
        },
      ],
      [
        'a deadline moved',
        () =>
          db
            .updateTable('case_deadlines')
            .set({ due_on: day(3) })
            .where('case_id', '=', opened.id)
            .where('deadline_key', '=', 'decision')
            .execute(),
      ],
      [
        'a deadline met',
        () =>
          db
            .updateTable('case_deadlines')
            .set({ status: 'met' })
            .where('case_id', '=', second.id)
            .where('deadline_key', '=', 'appeal')
            .execute(),
      ],
      [
        'a deadline answered',
        () =>
          db
            .updateTable('case_deadlines')
            .set({ answered_on: day(9) })
            .where('case_id', '=', third.id)
            .where('deadline_key', '=', 'appeal')
            .execute(),
      ],
      [
        'a status re-judged (still counted)',
        () =>
          db
            .updateTable('case_deadlines')
            .set({ status: 'missed' })
            .where('case_id', '=', opened.id)
            .where('deadline_key', '=', 'appeal')
            .execute(),
      ],
      [
        'a deadline marked done',
        () =>
          db
            .insertInto('deadline_adjustments')
            .values({
              case_id: third.id,
              deadline_key: 'decision',
              override_due_on: null,
              override_reason: null,
              done_at: '2026-03-10T12:00:00.000Z',
              done_event_id: null,
              created_at: '2026-03-10T12:00:00.000Z',
              updated_at: '2026-03-10T12:00:00.000Z',
            })
            .execute(),
      ],
      [
        'a date overridden, not done',
        () =>
          db
            .insertInto('deadline_adjustments')
            .values({
              case_id: opened.id,
              deadline_key: 'external-review',
              override_due_on: day(28),
              override_reason: 'payer agreed',
              done_at: null,
              done_event_id: null,
              created_at: '2026-03-10T12:00:00.000Z',
              updated_at: '2026-03-10T12:00:00.000Z',
            })
            .execute(),
      ],
      [
        'done undone',
        () =>
          db
            .updateTable('deadline_adjustments')
            .set({ done_at: null })
            .where('case_id', '=', third.id)
            .where('deadline_key', '=', 'decision')
            .execute(),
      ],
      [
        'done again',
        () =>
          db
            .updateTable('deadline_adjustments')
            .set({ done_at: '2026-03-11T12:00:00.000Z' })
            .where('case_id', '=', third.id)
            .where('deadline_key', '=', 'decision')
            .execute(),
      ],
      [
        'an adjustment removed',
        () =>
          db
            .deleteFrom('deadline_adjustments')
            .where('case_id', '=', third.id)
            .where('deadline_key', '=', 'decision')
            .execute(),
      ],
      [
        'a task done',
        async () => {
          const task = await db
            .selectFrom('tasks')
            .select('id')
            .where('case_id', '=', opened.id)
            .executeTakeFirstOrThrow();
          await setTaskDone(db, actor, Number(task.id), true);
        },
      ],
      [
        'a task moved',
        () =>
          db
            .updateTable('tasks')
            .set({ due_on: day(1) })
            .where('case_id', '=', second.id)
            .execute(),
      ],
      [
        'a case closed',
        () =>
          closeCase(
            db,
            actor,
            parsed('cases.close', { caseId: second.id, outcome: 'approved', closedOn: day(13) }),
          ),
      ],
      [
        'a case reopened',
        () => updateCase(db, actor, { caseId: second.id, changes: { stage: 'internal_appeal_1' } }),
      ],
      ['a case trashed', () => moveCaseToTrash(db, actor, opened.id)],
      ['a case restored', () => restoreFromTrash(db, actor, 'case', opened.id)],
      ['a client trashed with her cases', () => moveClientToTrash(db, actor, maria.id)],
      ['the client restored', () => restoreFromTrash(db, actor, 'client', maria.id)],
      // The services' writes recompute a case's deadlines from its facts, replacing these rows.
      [
        'deadlines and tasks added again',
        async () => {
          for (const [caseId, base] of [
            [opened.id, 2],
            [second.id, 6],
            [third.id, 8],
          ] as const) {
            await addDeadline(db, caseId, 'appeal-again', day(base));
            await addDeadline(db, caseId, 'decision-again', day(base + 15));
            await addTask(db, caseId, day(base + 5));
          }
        },
      ],
      [
        'a case moved to another client',
        () => db.updateTable('cases').set({ client_id: jurgen.id }).where('id', '=', third.id).execute(),
      ],
      [
        'a client trashed alone (by a SQL client)',
        () =>
          db
            .updateTable('clients')
            .set({ deleted_at: '2026-03-12T00:00:00.000Z' })
            .where('id', '=', maria.id)
            .execute(),
      ],
      [
        'a case of a trashed client closed',
        () => db.updateTable('cases').set({ stage: 'resolved' }).where('id', '=', opened.id).execute(),
      ],
      [
        'the client back',
        () => db.updateTable('clients').set({ deleted_at: null }).where('id', '=', maria.id).execute(),
      ],
      [
        'the case reopened',
        () =>
          db.updateTable('cases').set({ stage: 'internal_appeal_1' }).where('id', '=', opened.id).execute(),
      ],
      [
        'a deadline removed',
        () =>
          db
            .deleteFrom('case_deadlines')
            .where('case_id', '=', opened.id)
            .where('deadline_key', '=', 'appeal-again')
            .execute(),
      ],
      ['a task removed', () => db.deleteFrom('tasks').where('case_id', '=', second.id).execute()],
      [
        'a live case removed for good, its rows cascading',
        () => db.deleteFrom('cases').where('id', '=', third.id).execute(),
      ],
    ];
    await check('migrated');
    for (const [step, write] of writes) {
      await write();
      await check(step);
    }
    expect(mismatches).toEqual([]);

    const plain = await countedFromTheRows(db);
    expect(plain.length).toBeGreaterThan(3);
    // As days pass, with no write: each day's summary counts every date before it as overdue.
    for (const today of [day(1), day(5), day(14), day(25), '2026-04-30']) {
      const counts = await countReminderDates(db, {
        now: new Date(`${today}T06:00:00Z`),
        today,
        bands: [],
      });
      expect(counts.overdue, today).toBe(overdueOn(plain, today));
    }
  });
});
