import { sql } from 'kysely';
import { caseOutcomeLabels, caseOutcomes, type CaseOutcome } from '../../shared/domain/case-stages';
import type { MonthVolume, OutcomeShare } from '../../shared/schemas/outcomes';
import { scopedCases, type OutcomesDb, type OutcomesScope } from './outcomes-scope';

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

/** Cases opened, closed and worked in the period, how the closed ones ended, and what they saved. */
export async function caseVolumeFigures(db: OutcomesDb, scope: OutcomesScope): Promise<CaseVolumeFigures> {
  const openedByMonth = await scopedCases(db, scope)
    .select([
      sql<string>`substr(entry.opened_on, 1, 7)`.as('month'),
      (eb) => eb.fn.countAll<number>().as('count'),
    ])
    .where('entry.opened_on', '>=', scope.from)
    .where('entry.opened_on', '<=', scope.to)
    .groupBy(sql`substr(entry.opened_on, 1, 7)`)
    .execute();
  const closedByMonth = await scopedCases(db, scope)
    .select([
      sql<string>`substr(cases.closed_on, 1, 7)`.as('month'),
      (eb) => eb.fn.countAll<number>().as('count'),
    ])
    .where('cases.closed_on', '>=', scope.from)
    .where('cases.closed_on', '<=', scope.to)
    .groupBy(sql`substr(cases.closed_on, 1, 7)`)
    .execute();
  const active = await scopedCases(db, scope)
    .select([
      (eb) => eb.fn.countAll<number>().as('cases'),
      (eb) => eb.fn.count<number>('entry.client_id').distinct().as('clients'),
    ])
    .where('entry.opened_on', '<=', scope.to)
    .where((eb) => eb.or([eb('cases.closed_on', 'is', null), eb('cases.closed_on', '>=', scope.from)]))
    .executeTakeFirstOrThrow();
  const closedByOutcome = await scopedCases(db, scope)
    .select([
      'cases.outcome',
      (eb) => eb.fn.countAll<number>().as('count'),
      (eb) => eb.fn.sum<number | null>('cases.saved_cents').as('saved'),
    ])
    .where('cases.closed_on', '>=', scope.from)
    .where('cases.closed_on', '<=', scope.to)
    .groupBy('cases.outcome')
    .execute();

  const opened = new Map(openedByMonth.map((row) => [row.month, Number(row.count)]));
  const closed = new Map(closedByMonth.map((row) => [row.month, Number(row.count)]));
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
