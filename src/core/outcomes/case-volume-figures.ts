import { sql } from 'kysely';
import { caseOutcomeLabels, caseOutcomes, type CaseOutcome } from '../../shared/domain/case-stages';
import type { MonthVolume, OutcomeShare } from '../../shared/schemas/outcomes';
import type { OutcomesDb, OutcomesScope } from './outcomes-scope';

export type CaseVolumeFigures = {
  readonly clientsServed: number;
  readonly casesActive: number;
  readonly casesOpened: number;
  readonly casesClosed: number;
  readonly months: readonly MonthVolume[];
  readonly outcomeMix: readonly OutcomeShare[];
  readonly savedOnCasesCents: number;
};

/** Every month the period touches, YYYY-MM, so a month with nothing still shows as zero. */
function monthsOf(scope: OutcomesScope): string[] {
  const months: string[] = [];
  let [year, month] = scope.from.slice(0, 7).split('-').map(Number) as [number, number];
  const last = scope.to.slice(0, 7);
  for (;;) {
    const key = `${year}-${String(month).padStart(2, '0')}`;
    months.push(key);
    if (key >= last) return months;
    [year, month] = month === 12 ? [year + 1, 1] : [year, month + 1];
  }
}

/**
 * The live cases in scope as Outcomes counts them (`case_outcome_facts`, migration 0102: exactly
 * the cases with a caseload entry), narrowed to one advocate when the filter names one.
 */
function scopedFacts(db: OutcomesDb, scope: OutcomesScope) {
  const facts = db.selectFrom('case_outcome_facts as facts');
  return scope.advocate === null ? facts : facts.where('facts.assigned_advocate', '=', scope.advocate);
}

/**
 * Day counts added up by month. The database counts by day, in the order of the date index, so it
 * never sorts the period's cases to group them by month.
 */
function byMonth(days: ReadonlyArray<{ day: string | null; count: number }>): Map<string, number> {
  const months = new Map<string, number>();
  for (const { day, count } of days) {
    if (day === null) continue;
    const month = day.slice(0, 7);
    months.set(month, (months.get(month) ?? 0) + Number(count));
  }
  return months;
}

/** Cases opened, closed and worked in the period, how the closed ones ended, and what they saved. */
export async function caseVolumeFigures(db: OutcomesDb, scope: OutcomesScope): Promise<CaseVolumeFigures> {
  const openedByDay = await scopedFacts(db, scope)
    .select(['facts.opened_on as day', (eb) => eb.fn.countAll<number>().as('count')])
    .where('facts.opened_on', '>=', scope.from)
    .where('facts.opened_on', '<=', scope.to)
    .groupBy('facts.opened_on')
    .execute();
  const closedByDay = await scopedFacts(db, scope)
    .select(['facts.closed_on as day', (eb) => eb.fn.countAll<number>().as('count')])
    .where('facts.closed_on', '>=', scope.from)
    .where('facts.closed_on', '<=', scope.to)
    .groupBy('facts.closed_on')
    .execute();
  // Counted per client, in the order of the client index, so the distinct clients need no sort of
  // every active case. A case still open counts as closing after any period.
  const activeByClient = scopedFacts(db, scope)
    .select(['facts.client_id', (eb) => eb.fn.countAll<number>().as('cases')])
    .where('facts.opened_on', '<=', scope.to)
    .where(sql`coalesce(facts.closed_on, '9999-12-31')`, '>=', scope.from)
    .groupBy('facts.client_id');
  const active = await db
    .selectFrom(activeByClient.as('served'))
    .select([
      (eb) => eb.fn.coalesce(eb.fn.sum<number>('served.cases'), sql<number>`0`).as('cases'),
      (eb) => eb.fn.countAll<number>().as('clients'),
    ])
    .executeTakeFirstOrThrow();
  const closedByOutcome = await scopedFacts(db, scope)
    .select([
      'facts.outcome',
      (eb) => eb.fn.countAll<number>().as('count'),
      (eb) => eb.fn.sum<number | null>('facts.saved_cents').as('saved'),
    ])
    .where('facts.closed_on', '>=', scope.from)
    .where('facts.closed_on', '<=', scope.to)
    .groupBy('facts.outcome')
    .execute();

  const opened = byMonth(openedByDay);
  const closed = byMonth(closedByDay);
  const countByOutcome = new Map(
    closedByOutcome.map((row) => [row.outcome ?? 'not_recorded', Number(row.count)]),
  );
  const outcomeOrder: readonly (CaseOutcome | 'not_recorded')[] = [...caseOutcomes, 'not_recorded'];
  return {
    clientsServed: Number(active.clients),
    casesActive: Number(active.cases),
    casesOpened: [...opened.values()].reduce((sum, count) => sum + count, 0),
    casesClosed: [...closed.values()].reduce((sum, count) => sum + count, 0),
    months: monthsOf(scope).map((month) => ({
      month,
      opened: opened.get(month) ?? 0,
      closed: closed.get(month) ?? 0,
    })),
    outcomeMix: outcomeOrder
      .filter((outcome) => countByOutcome.has(outcome))
      .map((outcome) => ({
        outcome,
        label: outcome === 'not_recorded' ? 'Not recorded' : caseOutcomeLabels[outcome],
        count: countByOutcome.get(outcome) ?? 0,
      })),
    savedOnCasesCents: closedByOutcome.reduce((sum, row) => sum + Number(row.saved ?? 0), 0),
  };
}
