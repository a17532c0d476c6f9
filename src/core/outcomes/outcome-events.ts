import { sql, type AliasedSelectQueryBuilder, type SqlBool } from 'kysely';
import { submissionEventTypes } from '../../shared/domain/timeline-event-types';
import { startOfDayInZone, addCalendarDays } from '../deadlines/date-arithmetic';
import { dialectOf } from '../db/dialect/dialect-of';
import type { OutcomeEventFactsTable } from '../db/tables/outcome-event-facts';
import { scopedCases, type OutcomesDb, type OutcomesScope } from './outcomes-scope';

/** Submissions and correspondence: counted where they went when a delivery was proved. */
export const deliveredEventTypes = [...submissionEventTypes, 'correspondence'] as const;

/** One counted event, as `outcome_event_facts` keeps it (src/core/db/tables/outcome-event-facts.ts). */
export type CountedEvent = Omit<OutcomeEventFactsTable, 'event_id' | 'assigned_advocate'>;

export type InstantRange = { readonly start: string; readonly end: string };

/**
 * The period as UTC instants: from the first instant of its first day where the advocate works to
 * the first instant of the day after its last. Events are stored as UTC instants in one ISO form
 * (`toISOString`, src/shared/schemas/events.ts), so comparing the text decides "in the period"
 * exactly, and the database can count the period's events without handing each one over.
 */
export function periodInstants(scope: OutcomesScope): InstantRange {
  return {
    start: new Date(startOfDayInZone(scope.from, scope.timeZone)).toISOString(),
    end: new Date(startOfDayInZone(addCalendarDays(scope.to, 1), scope.timeZone)).toISOString(),
  };
}

/** The first instant of the UTC month `months` after the one `instant` is in, in the events' ISO form. */
function utcMonthStart(instant: string, months: number): string {
  const date = new Date(instant);
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + months, 1)).toISOString();
}

/**
 * A range of instants cut where kept monthly counts can answer for it (migration 0205): the UTC
 * months wholly inside it (`YYYY-MM`, first and last), and the instants before and after them,
 * which only the events can. A range within one month has no whole month.
 */
export function splitAtWholeUtcMonths(range: InstantRange): {
  readonly months: { readonly first: string; readonly last: string } | null;
  readonly outside: readonly InstantRange[];
} {
  const startOfFirst =
    utcMonthStart(range.start, 0) === range.start ? range.start : utcMonthStart(range.start, 1);
  const endOfLast = utcMonthStart(range.end, 0);
  if (startOfFirst >= endOfLast) return { months: null, outside: [range] };
  return {
    months: { first: startOfFirst.slice(0, 7), last: utcMonthStart(endOfLast, -1).slice(0, 7) },
    outside: [
      { start: range.start, end: startOfFirst },
      { start: endOfLast, end: range.end },
    ].filter((part) => part.start < part.end),
  };
}

/**
 * The events Outcomes counts (payer decisions, and submissions and correspondence with a proof of
 * delivery, not deleted, on the live cases in scope), each with its case's advocate, payer and
 * treatment and the details the figures read.
 *
 * Whoever sees every case (a local store; a supervisor) reads the rows migration 0168 keeps
 * (`outcome_event_facts`), one covering index entry per event. A team's navigator or viewer sees
 * only some cases, and the kept rows are not theirs to read (PostgreSQL 0169): theirs are read from
 * the events and caseload entries they see, as 0166 does for the caseload's counts. Both give the
 * same columns, so every figure is one query over either (`counted`).
 */
export async function countedEvents(
  db: OutcomesDb,
  scope: OutcomesScope,
): Promise<AliasedSelectQueryBuilder<CountedEvent, 'counted'>> {
  if (await dialectOf(db).rowVisibility.seesEveryCase(db)) {
    const kept = db
      .selectFrom('outcome_event_facts as kept')
      .select([
        'kept.case_id',
        'kept.type',
        'kept.occurred_at',
        'kept.opened_on',
        'kept.payer',
        'kept.treatment',
        'kept.decision',
        'kept.level',
        'kept.reason',
        'kept.method',
        'kept.direction',
        'kept.counterpart',
      ]);
    const inScope =
      scope.advocate === null ? kept : kept.where('kept.assigned_advocate', '=', scope.advocate);
    return inScope.$castTo<CountedEvent>().as('counted');
  }
  const { jsonField } = dialectOf(db);
  const details = sql.ref<string>('events.details');
  const text = (field: string) => jsonField.readText(details, field);
  const isDelivered = sql<SqlBool>`${text('deliveryProof.method')} IS NOT NULL`;
  return scopedCases(db, scope)
    .innerJoin('events', 'events.case_id', 'entry.case_id')
    .select([
      'entry.case_id',
      'events.type',
      'events.occurred_at',
      'entry.opened_on',
      'entry.payer',
      'entry.treatment',
      text('decision').as('decision'),
      jsonField.readNumber(details, 'level').as('level'),
      text('reason').as('reason'),
      text('method').as('method'),
      text('direction').as('direction'),
      text('counterpart').as('counterpart'),
    ])
    .where('events.deleted_at', 'is', null)
    .where((eb) =>
      eb.or([
        eb('events.type', '=', 'payer_decision'),
        eb.and([eb('events.type', 'in', [...deliveredEventTypes]), isDelivered]),
      ]),
    )
    .$castTo<CountedEvent>()
    .as('counted');
}
