import { sql, type Kysely } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import type { AdvocaseDatabase } from '../../src/core/db/schema';
import type { Store } from '../../src/core/db/store';
import { civilDateInZone } from '../../src/core/deadlines/date-arithmetic';
import { computeOutcomes } from '../../src/core/outcomes/compute-outcomes';
import { normaliseReason } from '../../src/core/outcomes/decision-figures';
import { submissionEventTypes } from '../../src/shared/domain/timeline-event-types';
import type { OutcomesReport } from '../../src/shared/schemas/outcomes';
import { comparableMonthRows } from '../helpers/decision-month-rows';
import { openTestStore, storeEngines } from '../helpers/test-stores';

/**
 * Outcomes counts payer decisions and delivered submissions from `outcome_event_facts` (migration
 * 0168), a narrow row per counted event kept by triggers on the events and the caseload entries.
 * Its rows, and the figures read from them, must say what a plain reading of the live events says
 * (each event's JSON details parsed here, each instant put on the calendar here), on a varied
 * caseload and after every kind of change: an event edited, moved to the trash, restored, deleted
 * and moved to another case; a case's stage changed, moved to another advocate, its coverage's
 * payer renamed, the case and a client trashed and restored. The payer decisions are also kept
 * counted per UTC month (`outcome_decision_months`, migration 0205), which must say what a plain
 * count of the kept rows says.
 */

const timeZone = 'America/New_York';
const advocates = ['Dana Whitfield', 'Luis Ortega', null] as const;
const payers = ['Aetna', 'Cigna', 'UnitedHealthcare'];
const treatments = ['tms', 'esketamine', 'iv_ketamine'] as const;
const decisions = ['approved', 'partially_approved', 'denied'] as const;
const reasons = ['Not medically necessary', 'not  medically necessary.', 'Experimental', 'Out of network'];
const deliveredTypes: readonly string[] = [...submissionEventTypes, 'correspondence'];
// Whole UTC months inside with days either side, a New York month (no whole UTC month), one day.
const periods = [
  { from: '2025-11-24', to: '2026-11-23' },
  { from: '2026-01-01', to: '2026-06-30' },
  { from: '2026-03-01', to: '2026-03-31' },
  { from: '2026-03-15', to: '2026-03-15' },
];

async function fill(db: Kysely<AdvocaseDatabase>): Promise<void> {
  const now = '2026-11-30T12:00:00.000Z';
  await db.transaction().execute(async (trx) => {
    for (let clientId = 1; clientId <= 6; clientId += 1) {
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
      await trx
        .insertInto('coverages')
        .values({
          id: clientId,
          client_id: clientId,
          payer: payers[clientId % payers.length]!,
          plan_type: 'employer-fully-insured',
          payer_fax: clientId % 2 === 0 ? `555-010${clientId}` : null,
          appeals_address: `${clientId} Appeals Way`,
          created_at: now,
          updated_at: now,
        })
        .execute();
    }
    for (let caseId = 1; caseId <= 24; caseId += 1) {
      const clientId = 1 + (caseId % 6);
      await trx
        .insertInto('cases')
        .values({
          id: caseId,
          client_id: clientId,
          coverage_id: caseId % 4 === 0 ? null : clientId,
          payer: caseId % 4 === 0 ? (caseId % 8 === 0 ? null : 'Kaiser') : null,
          treatment: treatments[caseId % treatments.length]!,
          stage: 'decision',
          priority: 'normal',
          assigned_advocate: advocates[caseId % advocates.length] ?? null,
          opened_on: `2026-0${1 + (caseId % 6)}-1${caseId % 10}`,
          created_at: now,
          updated_at: now,
        })
        .execute();
    }
    let id = 0;
    for (let caseId = 1; caseId <= 24; caseId += 1) {
      for (let index = 0; index < 6; index += 1) {
        id += 1;
        // Months across the periods, and hours either side of midnight in New York (05:00 UTC).
        const month = String(1 + ((caseId + index * 5) % 12)).padStart(2, '0');
        const year = (caseId + index) % 5 === 0 ? 2025 : 2026;
        const day = index === 0 ? '15' : String(1 + ((caseId * 3 + index) % 28)).padStart(2, '0');
        const hour = ['03', '04', '05', '15', '23'][(caseId + index) % 5]!;
        const occurredAt = `${year}-${month}-${day}T${hour}:30:00.000Z`;
        const kind = (caseId + index) % 4;
        const type =
          kind <= 1 ? 'payer_decision' : kind === 2 ? deliveredTypes[id % deliveredTypes.length]! : 'note';
        const details =
          type === 'payer_decision'
            ? {
                decision: decisions[id % 3],
                level: id % 5 === 0 ? 3 : id % 3 === 0 ? 1 : 0,
                reason: decisions[id % 3] === 'denied' ? reasons[id % reasons.length] : null,
              }
            : type === 'note'
              ? { method: 'fax' }
              : {
                  method: ['fax', 'mail', 'portal'][id % 3],
                  direction: id % 2 === 0 ? 'sent' : 'received',
                  counterpart: `Office ${id % 3}`,
                  deliveryProof: id % 5 === 1 ? null : { method: 'fax_confirmation' },
                };
        await trx
          .insertInto('events')
          .values({
            id,
            case_id: caseId,
            type: type as never,
            occurred_at: occurredAt,
            summary: `Event ${id}`,
            details: JSON.stringify(details),
            created_at: now,
            deleted_at: id % 17 === 0 ? now : null,
          })
          .execute();
      }
    }
  });
}

/** Every change that adds, removes or alters a counted event or what it is counted under. */
async function change(db: Kysely<AdvocaseDatabase>): Promise<void> {
  const now = '2026-12-01T12:00:00.000Z';
  const details = (decision: string, reason: string | null) => JSON.stringify({ decision, level: 2, reason });
  // Events: edited, dated again, trashed, restored, deleted, moved to another case.
  await db
    .updateTable('events')
    .set({ details: details('denied', 'Experimental.') })
    .where('id', '=', 1)
    .execute();
  await db
    .updateTable('events')
    .set({ occurred_at: '2026-03-15T04:59:00.000Z' })
    .where('id', '=', 2)
    .execute();
  await db.updateTable('events').set({ deleted_at: now }).where('id', 'in', [7, 8, 9, 10]).execute();
  await db.updateTable('events').set({ deleted_at: null }).where('id', 'in', [8, 17]).execute();
  await db.deleteFrom('events').where('id', 'in', [11, 12]).execute();
  await db.updateTable('events').set({ case_id: 5 }).where('id', 'in', [13, 14]).execute();
  await db
    .insertInto('events')
    .values({
      id: 1000,
      case_id: 6,
      type: 'payer_decision',
      occurred_at: '2026-03-15T12:00:00.000Z',
      summary: 'Added later',
      details: details('approved', null),
      created_at: now,
    })
    .execute();
  // Two more decisions counted with the one above, the first then deleted: its month is first
  // decided at the next one again.
  for (const [id, day] of [
    [1001, '10'],
    [1002, '12'],
  ] as const)
    await db
      .insertInto('events')
      .values({
        id,
        case_id: 6,
        type: 'payer_decision',
        occurred_at: `2026-03-${day}T12:00:00.000Z`,
        summary: 'Added later',
        details: details('approved', null),
        created_at: now,
      })
      .execute();
  await db.deleteFrom('events').where('id', '=', 1001).execute();
  // Cases: stage changed, moved to another advocate, trashed, restored; a client trashed.
  await db.updateTable('cases').set({ stage: 'denied' }).where('id', 'in', [3, 4]).execute();
  await db.updateTable('cases').set({ assigned_advocate: 'Luis Ortega' }).where('id', '=', 3).execute();
  await db.updateTable('cases').set({ assigned_advocate: 'Dana Whitfield' }).where('id', '=', 4).execute();
  await db.updateTable('cases').set({ opened_on: '2026-03-20' }).where('id', '=', 6).execute();
  await db.updateTable('cases').set({ deleted_at: now }).where('id', 'in', [15, 16]).execute();
  await db.updateTable('cases').set({ deleted_at: null }).where('id', '=', 16).execute();
  await db.updateTable('clients').set({ deleted_at: now }).where('id', '=', 2).execute();
  // A coverage's payer renamed: its cases' decisions count under the new name.
  await db.updateTable('coverages').set({ payer: 'Aetna Better Health' }).where('id', '=', 1).execute();
  await db.deleteFrom('cases').where('id', '=', 24).execute();
}

type PlainEvent = {
  event_id: number;
  case_id: number;
  type: string;
  occurred_at: string;
  assigned_advocate: string | null;
  opened_on: string;
  payer: string | null;
  treatment: string;
  details: Record<string, unknown>;
  payer_fax: string | null;
  appeals_address: string | null;
};

/** The live events of the live cases, with their case's advocate, payer and treatment, read plainly. */
async function plainEvents(db: Kysely<AdvocaseDatabase>): Promise<PlainEvent[]> {
  const { rows } = await sql<Omit<PlainEvent, 'details'> & { details: string }>`
    select e.id as event_id, e.case_id, e.type, e.occurred_at, c.assigned_advocate, c.opened_on,
      coalesce(cv.payer, c.payer) as payer, c.treatment, e.details, cv.payer_fax, cv.appeals_address
    from events e join cases c on c.id = e.case_id join clients cl on cl.id = c.client_id
      left join coverages cv on cv.id = c.coverage_id
    where e.deleted_at is null and c.deleted_at is null and cl.deleted_at is null
    order by e.id`.execute(db);
  return rows.map((row) => ({
    ...row,
    event_id: Number(row.event_id),
    case_id: Number(row.case_id),
    details: JSON.parse(row.details) as Record<string, unknown>,
  }));
}

const isCounted = (event: PlainEvent) =>
  event.type === 'payer_decision' ||
  (deliveredTypes.includes(event.type) &&
    (event.details.deliveryProof as { method?: string } | null)?.method != null);

const textOf = (value: unknown) => (typeof value === 'string' ? value : null);

async function expectKeptRowsMatchTheEvents(db: Kysely<AdvocaseDatabase>): Promise<void> {
  const kept = await db.selectFrom('outcome_event_facts').selectAll().orderBy('event_id').execute();
  const truth = (await plainEvents(db)).filter(isCounted).map((event) => ({
    event_id: event.event_id,
    case_id: event.case_id,
    type: event.type,
    occurred_at: event.occurred_at,
    assigned_advocate: event.assigned_advocate,
    opened_on: event.opened_on,
    payer: event.payer,
    treatment: event.treatment,
    decision: textOf(event.details.decision),
    level: typeof event.details.level === 'number' ? event.details.level : null,
    reason: textOf(event.details.reason),
    method: textOf(event.details.method),
    direction: textOf(event.details.direction),
    counterpart: textOf(event.details.counterpart),
  }));
  expect(truth.length).toBeGreaterThan(40);
  expect(
    kept.map((row) => ({
      ...row,
      event_id: Number(row.event_id),
      case_id: Number(row.case_id),
      level: row.level === null ? null : Number(row.level),
    })),
  ).toEqual(truth);
}

/** The decision and delivery figures of a period, counted here from the plain events. */
function expectedFigures(
  events: readonly PlainEvent[],
  period: (typeof periods)[number],
  advocate: string | null,
) {
  const inScope = events.filter((event) => {
    const day = civilDateInZone(Date.parse(event.occurred_at), timeZone);
    return (
      isCounted(event) &&
      day >= period.from &&
      day <= period.to &&
      (advocate === null || event.assigned_advocate === advocate)
    );
  });
  const decided = inScope.filter((event) => event.type === 'payer_decision');
  const countBy = (key: (event: PlainEvent) => string) => {
    const counts: Record<string, Record<string, number>> = {};
    for (const event of decided) {
      const group = (counts[key(event)] ??= {});
      const decision = String(event.details.decision);
      group[decision] = (group[decision] ?? 0) + 1;
    }
    return counts;
  };
  const payerOf = (event: PlainEvent) => event.payer ?? 'Payer not recorded';
  const reasons: Record<string, Record<string, number>> = {};
  // Each reason's spelling first given in the period (the same instant: the spelling sorted first).
  const firstSpellings: Record<string, Record<string, string>> = {};
  const inOrderGiven = [...decided].sort(
    (a, b) =>
      a.occurred_at.localeCompare(b.occurred_at) ||
      String(a.details.reason).localeCompare(String(b.details.reason)),
  );
  for (const event of inOrderGiven) {
    if (event.details.decision !== 'denied' || typeof event.details.reason !== 'string') continue;
    const group = (reasons[payerOf(event)] ??= {});
    const key = normaliseReason(event.details.reason);
    group[key] = (group[key] ?? 0) + 1;
    (firstSpellings[payerOf(event)] ??= {})[key] ??= event.details.reason;
  }
  const destinations: Record<string, number> = {};
  for (const event of inScope.filter((event) => event.type !== 'payer_decision')) {
    const where =
      event.type === 'correspondence'
        ? event.details.direction === 'sent' && event.details.counterpart
          ? `correspondence ${textOf(event.details.counterpart)}`
          : null
        : event.details.method === 'fax' && event.payer_fax
          ? `fax ${event.payer_fax}`
          : event.details.method === 'mail' && event.appeals_address
            ? `mail ${event.appeals_address}`
            : null;
    if (where !== null)
      destinations[`${payerOf(event)}: ${where}`] = (destinations[`${payerOf(event)}: ${where}`] ?? 0) + 1;
  }
  return {
    decisions: decided.length,
    approvals: decided.filter((event) => event.details.decision !== 'denied').length,
    byPayer: countBy(payerOf),
    byTreatment: countBy((event) => event.treatment),
    byLevel: countBy((event) => String(typeof event.details.level === 'number' ? event.details.level : 0)),
    reasons,
    firstSpellings,
    destinations,
  };
}

/** The same figures, as the report gives them. */
function reportedFigures(report: OutcomesReport) {
  const countsOf = (tallies: OutcomesReport['approvalByPayer']) =>
    Object.fromEntries(
      tallies.map((tally) => [
        tally.key,
        Object.fromEntries(
          (
            [
              ['approved', tally.approved],
              ['partially_approved', tally.partiallyApproved],
              ['denied', tally.denied],
            ] as const
          ).filter(([, count]) => count > 0),
        ),
      ]),
    );
  const destinations: Record<string, number> = {};
  for (const payer of report.payers)
    for (const destination of payer.destinations)
      destinations[`${payer.payer}: ${destination.channel} ${destination.destination}`] =
        destination.deliveries;
  return {
    decisions: report.headline.decisions,
    approvals: report.headline.approvals,
    byPayer: countsOf(report.approvalByPayer),
    byTreatment: countsOf(report.approvalByTreatment),
    byLevel: countsOf(report.approvalByLevel),
    reasons: Object.fromEntries(
      report.payers
        .filter((payer) => payer.recurringDenialReasons.length > 0)
        .map((payer) => [
          payer.payer,
          Object.fromEntries(
            payer.recurringDenialReasons.map((reason) => [normaliseReason(reason.reason), reason.count]),
          ),
        ]),
    ),
    destinations,
  };
}

/** The month counts, as a plain count of the kept payer decisions by month and what is counted. */
async function expectMonthCountsMatchTheKeptRows(db: Kysely<AdvocaseDatabase>): Promise<void> {
  const { rows: truth } = await sql<Record<string, unknown>>`
    select substr(occurred_at, 1, 7) as month, assigned_advocate, payer, treatment, level, decision,
      case when decision = 'denied' then reason end as reason, count(*) as decisions,
      min(occurred_at) as first_at
    from outcome_event_facts where type = 'payer_decision'
    group by 1, 2, 3, 4, 5, 6, 7`.execute(db);
  const kept = await db
    .selectFrom('outcome_decision_months')
    .select([
      'month',
      'assigned_advocate',
      'payer',
      'treatment',
      'level',
      'decision',
      'reason',
      'decisions',
      'first_at',
    ])
    .execute();
  expect(truth.length).toBeGreaterThan(20);
  expect(comparableMonthRows(kept)).toEqual(comparableMonthRows(truth));
}

async function expectSameFigures(db: Kysely<AdvocaseDatabase>): Promise<void> {
  await expectKeptRowsMatchTheEvents(db);
  await expectMonthCountsMatchTheKeptRows(db);
  const events = await plainEvents(db);
  for (const period of periods) {
    for (const advocate of advocates) {
      const report = await computeOutcomes(
        db,
        { ...period, advocate },
        { now: new Date('2026-12-01T12:00:00Z'), timeZone },
      );
      const truth = expectedFigures(events, period, advocate);
      // Reasons given once are not recurring: the report lists those given twice or more.
      const recurring = Object.fromEntries(
        Object.entries(truth.reasons)
          .map(
            ([payer, counts]) =>
              [payer, Object.fromEntries(Object.entries(counts).filter(([, count]) => count >= 2))] as const,
          )
          .filter(([, counts]) => Object.keys(counts).length > 0),
      );
      const { firstSpellings, ...figures } = truth;
      expect({ period, advocate, ...reportedFigures(report) }).toEqual({
        period,
        advocate,
        ...figures,
        reasons: recurring,
      });
      // Each recurring reason is shown as first written in the period, tidied of spaces and final punctuation.
      for (const payer of report.payers)
        for (const { reason } of payer.recurringDenialReasons) {
          const firstGiven = firstSpellings[payer.payer]![normaliseReason(reason)]!.trim().replace(
            /\s+/g,
            ' ',
          );
          expect({ payer: payer.payer, period, advocate, shown: firstGiven.slice(0, reason.length) }).toEqual(
            {
              payer: payer.payer,
              period,
              advocate,
              shown: reason,
            },
          );
        }
    }
  }
}

describe.each(storeEngines)('Outcomes’ kept timeline facts on %s', (engine) => {
  let store: Store;
  afterEach(() => store.close());

  it('give the decision and delivery figures a plain reading of the live events gives', async () => {
    store = await openTestStore(engine);
    await fill(store.db);
    await expectSameFigures(store.db);
  });

  it('still do after edits, the trash, restores, deletions, stage changes and a case moved between advocates', async () => {
    store = await openTestStore(engine);
    await fill(store.db);
    await change(store.db);
    await expectSameFigures(store.db);
  });
});
