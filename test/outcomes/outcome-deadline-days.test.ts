import { sql, type Kysely } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import type { AdvocaseDatabase } from '../../src/core/db/schema';
import type { Store } from '../../src/core/db/store';
import { up as upOnPostgres } from '../../src/core/db/dialect/postgres/migrations/0207-outcome-deadline-days';
import { up as upOnSqlite } from '../../src/core/db/migrations/0207-outcome-deadline-days';
import { sqliteUpkeepTriggers } from '../../src/core/db/dialect/sqlite/sqlite-derived-tables';
import { civilDateInZone } from '../../src/core/deadlines/date-arithmetic';
import { computeOutcomes } from '../../src/core/outcomes/compute-outcomes';
import { judgeDeadlineStanding } from '../../src/shared/domain/case-lifecycle';
import { openTestStore, storeEngines } from '../helpers/test-stores';

/**
 * Outcomes adds up the advocate's own deadlines met and missed from `outcome_deadline_days`
 * (migration 0207), counted per due day by triggers on the deadlines, their adjustments, the cases
 * and the clients. Its rows, and the figures read from them, must say what a plain reading of the
 * live deadlines says (each override applied, each "done" put on the calendar here), for whole and
 * partial months, every advocate and one, in zones either side of UTC, on a day inside the period
 * and after it, and after every kind of change: a deadline recomputed, answered, moved, deleted and
 * added; an override and a "done" given, moved and taken back; a case moved to another advocate,
 * trashed, restored and deleted; a client trashed and restored.
 */

const advocates = ['Dana Whitfield', 'Luis Ortega', null] as const;
const statuses = ['open', 'met', 'missed', 'due-soon', 'not-tracked'] as const;
// Whole months with days either side, one month, one day, and the days around a month's turn.
const periods = [
  { from: '2025-11-24', to: '2026-11-23' },
  { from: '2026-03-01', to: '2026-03-31' },
  { from: '2026-03-15', to: '2026-03-15' },
  { from: '2026-02-27', to: '2026-03-02' },
];
// Either side of UTC, the farthest both ways, and a half-hour offset.
const timeZones = ['America/New_York', 'Pacific/Pago_Pago', 'Pacific/Kiritimati', 'Asia/Kolkata'];
// A day inside the periods (some deadlines not yet missed), and one after them all.
const nows = ['2026-03-15T12:00:00.000Z', '2026-12-01T12:00:00.000Z'];

const dayOf = (index: number) => {
  const month = 1 + (index % 12);
  const day = 1 + ((index * 7) % 28);
  const year = index % 11 === 0 ? 2025 : 2026;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
};
const plusDays = (day: string, days: number) =>
  new Date(Date.parse(`${day}T00:00:00.000Z`) + days * 86_400_000).toISOString().slice(0, 10);

async function fill(db: Kysely<AdvocaseDatabase>): Promise<void> {
  const now = '2026-11-30T12:00:00.000Z';
  await db.transaction().execute(async (trx) => {
    for (let clientId = 1; clientId <= 4; clientId += 1)
      await trx
        .insertInto('clients')
        .values({
          id: clientId,
          full_name: `Client ${clientId}`,
          state: 'NY',
          created_at: now,
          updated_at: now,
        })
        .execute();
    for (let caseId = 1; caseId <= 12; caseId += 1) {
      await trx
        .insertInto('cases')
        .values({
          id: caseId,
          client_id: 1 + (caseId % 4),
          payer: ['Aetna', 'Cigna', null][caseId % 3] ?? null,
          treatment: 'tms',
          stage: 'decision',
          priority: 'normal',
          assigned_advocate: advocates[caseId % advocates.length] ?? null,
          opened_on: '2025-10-01',
          created_at: now,
          updated_at: now,
        })
        .execute();
      // The event a payer's deadline is timed from, late in the UTC day (a day later in Kiritimati).
      await trx
        .insertInto('events')
        .values({
          id: caseId,
          case_id: caseId,
          type: 'prior_auth_submitted',
          occurred_at: `${plusDays(dayOf(caseId), -10)}T22:30:00.000Z`,
          summary: 'Prior authorization',
          details: '{}',
          created_at: now,
        })
        .execute();
    }
    let id = 0;
    for (let caseId = 1; caseId <= 12; caseId += 1) {
      for (let index = 0; index < 8; index += 1) {
        id += 1;
        const dueOn = dayOf(caseId * 3 + index);
        const actor = index % 4 === 3 ? 'payer' : 'claimant';
        await trx
          .insertInto('case_deadlines')
          .values({
            id,
            case_id: caseId,
            deadline_key: `key-${index}`,
            kind: index === 7 ? 'reauthorization' : 'rule',
            rule: 'test',
            source_event_id: actor === 'payer' ? caseId : null,
            computed_due: dueOn,
            due_on: dueOn,
            due_at: null,
            actor,
            status: statuses[id % statuses.length]!,
            // Answered before, on and after the day, or not yet.
            answered_on: id % 3 === 0 ? plusDays(dueOn, (id % 5) - 2) : null,
            citation_url: 'https://example.org',
            citation_text: 'Rule',
            note: '',
            confidence: 'verified',
            computed_at: now,
          })
          .execute();
        // Overrides into and out of the periods; "done" the UTC day before, on and after the day,
        // at hours that fall on another day in some of the zones.
        if (id % 4 === 1 || id % 6 === 2)
          await trx
            .insertInto('deadline_adjustments')
            .values({
              case_id: caseId,
              deadline_key: `key-${index}`,
              override_due_on: id % 4 === 1 ? plusDays(dueOn, (id % 9) - 4) : null,
              override_reason: null,
              done_at:
                id % 6 === 2 || id % 8 === 1
                  ? `${plusDays(dueOn, (id % 3) - 1)}T${['02', '11', '23'][id % 3]}:15:00.000Z`
                  : null,
              done_event_id: null,
              created_at: now,
              updated_at: now,
            })
            .execute();
      }
    }
  });
}

/** Every change that adds, removes or moves a counted deadline or what it is counted under. */
async function change(db: Kysely<AdvocaseDatabase>): Promise<void> {
  const now = '2026-12-01T12:00:00.000Z';
  // Deadlines: recomputed (status, day), answered, made a payer's, deleted, added.
  await db.updateTable('case_deadlines').set({ status: 'met' }).where('id', 'in', [2, 9]).execute();
  await db.updateTable('case_deadlines').set({ status: 'not-tracked' }).where('id', '=', 10).execute();
  await db
    .updateTable('case_deadlines')
    .set({ due_on: '2026-03-15' })
    .where('id', 'in', [3, 11, 12])
    .execute();
  await db.updateTable('case_deadlines').set({ answered_on: '2026-03-16' }).where('id', '=', 11).execute();
  await db.updateTable('case_deadlines').set({ actor: 'payer' }).where('id', '=', 13).execute();
  await db.deleteFrom('case_deadlines').where('id', 'in', [14, 15]).execute();
  await db
    .insertInto('case_deadlines')
    .values({
      id: 500,
      case_id: 4,
      deadline_key: 'added',
      kind: 'rule',
      rule: 'test',
      source_event_id: null,
      computed_due: '2026-03-15',
      due_on: '2026-03-15',
      due_at: null,
      actor: 'claimant',
      status: 'open',
      answered_on: null,
      citation_url: 'https://example.org',
      citation_text: 'Rule',
      note: '',
      confidence: 'verified',
      computed_at: now,
    })
    .execute();
  // Adjustments: a "done" given near midnight UTC, an override moved, a "done" taken back, one removed.
  await db
    .insertInto('deadline_adjustments')
    .values({
      case_id: 4,
      deadline_key: 'added',
      override_due_on: null,
      override_reason: null,
      done_at: '2026-03-16T03:00:00.000Z',
      done_event_id: null,
      created_at: now,
      updated_at: now,
    })
    .execute();
  const adjustments = await db.selectFrom('deadline_adjustments').select('id').orderBy('id').execute();
  const [first, second, third, fourth] = adjustments.map((row) => row.id);
  await db
    .updateTable('deadline_adjustments')
    .set({ override_due_on: '2026-03-01' })
    .where('id', '=', first!)
    .execute();
  await db.updateTable('deadline_adjustments').set({ done_at: null }).where('id', '=', second!).execute();
  await db
    .updateTable('deadline_adjustments')
    .set({ done_at: '2026-03-15T23:59:00.000Z', override_due_on: '2026-03-15' })
    .where('id', '=', third!)
    .execute();
  await db.deleteFrom('deadline_adjustments').where('id', '=', fourth!).execute();
  // Cases and clients: moved to another advocate, trashed, restored, deleted; a client trashed and restored.
  await db.updateTable('cases').set({ assigned_advocate: 'Luis Ortega' }).where('id', '=', 3).execute();
  await db.updateTable('cases').set({ assigned_advocate: null }).where('id', '=', 4).execute();
  await db.updateTable('cases').set({ client_id: 2 }).where('id', '=', 5).execute();
  await db.updateTable('cases').set({ deleted_at: now }).where('id', 'in', [6, 7]).execute();
  await db.updateTable('cases').set({ deleted_at: null }).where('id', '=', 7).execute();
  await db.updateTable('clients').set({ deleted_at: now }).where('id', 'in', [1, 3]).execute();
  await db.updateTable('clients').set({ deleted_at: null }).where('id', '=', 3).execute();
  await db.deleteFrom('cases').where('id', '=', 8).execute();
}

type PlainDeadline = {
  advocate: string | null;
  payer: string | null;
  actor: string;
  status: string;
  dueOn: string;
  answeredOn: string | null;
  doneAt: string | null;
  sourceAt: string | null;
};

/** The rule deadlines of the live cases of live clients, each override applied, read plainly. */
async function plainDeadlines(db: Kysely<AdvocaseDatabase>): Promise<PlainDeadline[]> {
  const { rows } = await sql<PlainDeadline>`
    select c.assigned_advocate as "advocate", c.payer as "payer", d.actor as "actor", d.status as "status",
      coalesce(a.override_due_on, d.due_on) as "dueOn", d.answered_on as "answeredOn", a.done_at as "doneAt",
      e.occurred_at as "sourceAt"
    from case_deadlines d join cases c on c.id = d.case_id join clients l on l.id = c.client_id
      left join deadline_adjustments a on a.case_id = d.case_id and a.deadline_key = d.deadline_key
      left join events e on e.id = d.source_event_id
    where d.kind = 'rule' and c.deleted_at is null and l.deleted_at is null`.execute(db);
  return rows;
}

/** The kept days, as a plain count of the advocate's own deadlines by day, advocate and standing. */
async function expectKeptDaysMatchTheDeadlines(db: Kysely<AdvocaseDatabase>): Promise<void> {
  const counts = new Map<string, number>();
  for (const deadline of await plainDeadlines(db)) {
    if (deadline.actor !== 'claimant') continue;
    const isMet =
      deadline.status === 'met' ||
      (deadline.answeredOn !== null && deadline.answeredOn <= deadline.dueOn) ||
      (deadline.doneAt !== null && deadline.doneAt.slice(0, 10) < deadline.dueOn);
    const standing = isMet
      ? 'met'
      : deadline.doneAt !== null
        ? 'marked done'
        : deadline.status === 'not-tracked'
          ? 'not-tracked'
          : deadline.answeredOn !== null
            ? 'answered late'
            : 'unanswered';
    const key = JSON.stringify([deadline.dueOn, deadline.advocate ?? '', standing]);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const kept = await db.selectFrom('outcome_deadline_days').selectAll().where('deadlines', '!=', 0).execute();
  const sorted = (entries: [string, number][]) => entries.sort(([a], [b]) => a.localeCompare(b));
  expect(counts.size).toBeGreaterThan(30);
  expect(
    sorted(
      kept.map((row) => [JSON.stringify([row.due_on, row.advocate, row.standing]), Number(row.deadlines)]),
    ),
  ).toEqual(sorted([...counts.entries()]));
  // Some days are judged from their rows: a deadline there was marked done on or after it in UTC.
  expect([...counts.keys()].some((key) => key.includes('marked done'))).toBe(true);
}

/** The kept days with deadlines, in one order and form on either engine. */
async function keptDays(db: Kysely<AdvocaseDatabase>) {
  const rows = await db
    .selectFrom('outcome_deadline_days')
    .selectAll()
    .where('deadlines', '!=', 0)
    .orderBy(['due_on', 'advocate', 'standing'])
    .execute();
  return rows.map((row) => ({ ...row, deadlines: Number(row.deadlines) }));
}

async function expectSameFigures(db: Kysely<AdvocaseDatabase>): Promise<void> {
  await expectKeptDaysMatchTheDeadlines(db);
  const deadlines = await plainDeadlines(db);
  for (const timeZone of timeZones)
    for (const now of nows)
      for (const period of periods)
        for (const advocate of advocates) {
          const report = await computeOutcomes(db, { ...period, advocate }, { now: new Date(now), timeZone });
          const today = civilDateInZone(Date.parse(now), timeZone);
          const inScope = deadlines.filter(
            (deadline) =>
              deadline.dueOn >= period.from &&
              deadline.dueOn <= period.to &&
              (advocate === null || deadline.advocate === advocate),
          );
          const standings = inScope
            .filter((deadline) => deadline.actor === 'claimant')
            .map((deadline) =>
              judgeDeadlineStanding({
                dueOn: deadline.dueOn,
                answeredOn: [
                  deadline.answeredOn,
                  deadline.doneAt === null ? null : civilDateInZone(Date.parse(deadline.doneAt), timeZone),
                ].filter((date): date is string => date !== null),
                isMet: deadline.status === 'met',
                isNotTracked: deadline.status === 'not-tracked',
                today,
              }),
            );
          const payerDeadlines = inScope.filter((deadline) => deadline.actor === 'payer');
          const payers = [
            ...new Set(payerDeadlines.map((deadline) => deadline.payer ?? 'Payer not recorded')),
          ];
          expect({
            timeZone,
            now,
            period,
            advocate,
            met: report.headline.deadlinesMet,
            missed: report.headline.deadlinesMissed,
            payers: Object.fromEntries(
              report.payers
                .filter((payer) => payers.includes(payer.payer))
                .map((payer) => [
                  payer.payer,
                  [payer.answeredOnTime, payer.answeredLate, payer.unansweredPastDue],
                ]),
            ),
          }).toEqual({
            timeZone,
            now,
            period,
            advocate,
            met: standings.filter((standing) => standing === 'met').length,
            missed: standings.filter((standing) => standing === 'missed').length,
            payers: Object.fromEntries(
              payers.map((payer) => {
                const of = payerDeadlines.filter(
                  (deadline) => (deadline.payer ?? 'Payer not recorded') === payer,
                );
                return [
                  payer,
                  [
                    of.filter(
                      (deadline) => deadline.answeredOn !== null && deadline.answeredOn <= deadline.dueOn,
                    ).length,
                    of.filter(
                      (deadline) => deadline.answeredOn !== null && deadline.answeredOn > deadline.dueOn,
                    ).length,
                    of.filter((deadline) => deadline.answeredOn === null && deadline.dueOn < today).length,
                  ],
                ];
              }),
            ),
          });
        }
}

describe.each(storeEngines)('Outcomes’ kept deadline days on %s', (engine) => {
  let store: Store;
  afterEach(() => store.close());

  it('give the deadlines met and missed a plain reading of the live deadlines gives', async () => {
    store = await openTestStore(engine);
    await fill(store.db);
    await expectSameFigures(store.db);
  });

  it('still do after recomputes, answers, overrides, "done" given and taken back, and cases and clients moved, trashed, restored and deleted', async () => {
    store = await openTestStore(engine);
    await fill(store.db);
    await change(store.db);
    await expectSameFigures(store.db);
  });

  it('are what 0207 counts from the deadlines a store already holds', async () => {
    store = await openTestStore(engine);
    await fill(store.db);
    await change(store.db);
    const kept = await keptDays(store.db);
    if (engine === 'sqlite') {
      for (const trigger of sqliteUpkeepTriggers.outcome_deadline_days ?? [])
        await sql`DROP TRIGGER ${sql.raw(trigger)}`.execute(store.db);
      await sql`DROP INDEX case_deadlines_by_actor_due`.execute(store.db);
      await sql`DROP TABLE outcome_deadline_days`.execute(store.db);
      await upOnSqlite(store.db);
    } else {
      for (const table of ['case_deadlines', 'deadline_adjustments', 'cases', 'clients'])
        await sql`DROP FUNCTION ${sql.raw(`outcome_deadline_days_follow_${table}`)} CASCADE`.execute(
          store.db,
        );
      await sql`DROP FUNCTION outcome_deadline_days_leave_cases CASCADE`.execute(store.db);
      await sql`DROP INDEX case_deadlines_by_actor_due`.execute(store.db);
      await sql`DROP TABLE outcome_deadline_days`.execute(store.db);
      await upOnPostgres(store.db as unknown as Kysely<unknown>);
    }
    expect(kept.length).toBeGreaterThan(30);
    expect(await keptDays(store.db)).toEqual(kept);
  });
});
