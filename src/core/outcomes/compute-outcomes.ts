import { sql } from 'kysely';
import type { OutcomesFilters, OutcomesReport, PayerBehaviour } from '../../shared/schemas/outcomes';
import { civilDateInZone } from '../deadlines/date-arithmetic';
import { caseVolumeFigures } from './case-volume-figures';
import { decisionFigures } from './decision-figures';
import { deadlineFigures } from './deadline-figures';
import { destinationsThatWorked } from './delivery-figures';
import { fundingGrantedCents } from './funding-figures';
import { ratio } from './outcome-math';
import type { OutcomesDb, OutcomesScope } from './outcomes-scope';

export type OutcomesClock = { readonly now: Date; readonly timeZone: string };

/**
 * The advocates named on live cases, in order. Each is found from the one before by a seek in the
 * advocate index, so the query reads one entry per advocate, not one per case.
 */
async function advocateNames(db: OutcomesDb): Promise<string[]> {
  const { rows } = await sql<{ name: string | null }>`
    with recursive advocates(name) as (
      select min(assigned_advocate) from caseload_entries
      union all
      select (select min(assigned_advocate) from caseload_entries where assigned_advocate > advocates.name)
      from advocates where advocates.name is not null
    )
    select name from advocates where name is not null`.execute(db);
  return rows.flatMap((row) => (row.name === null ? [] : [row.name]));
}

/**
 * Every figure of the outcomes dashboard for a period (and one advocate, if given), from the same
 * tables the caseload reads. Definitions: src/shared/domain/outcome-definitions.ts.
 */
export async function computeOutcomes(
  db: OutcomesDb,
  filters: OutcomesFilters,
  clock: OutcomesClock,
): Promise<OutcomesReport> {
  const scope: OutcomesScope = {
    ...filters,
    timeZone: clock.timeZone,
    asOf: civilDateInZone(clock.now.getTime(), clock.timeZone),
  };
  const volume = await caseVolumeFigures(db, scope);
  const decisions = await decisionFigures(db, scope);
  const deadlines = await deadlineFigures(db, scope);
  const destinations = await destinationsThatWorked(db, scope);
  const fundingCents = await fundingGrantedCents(db, scope);

  const payerNames = new Set([
    ...decisions.perPayer.keys(),
    ...deadlines.perPayer.keys(),
    ...destinations.keys(),
  ]);
  const payers: PayerBehaviour[] = [...payerNames]
    .sort((a, b) => a.localeCompare(b))
    .map((payer) => {
      const decided = decisions.perPayer.get(payer);
      const response = deadlines.perPayer.get(payer);
      return {
        payer,
        decisions: decided?.decisions ?? 0,
        appealDecisions: decided?.appealDecisions ?? 0,
        overturned: decided?.overturned ?? 0,
        overturnRate: ratio(decided?.overturned ?? 0, decided?.appealDecisions ?? 0),
        answeredOnTime: response?.answeredOnTime ?? 0,
        answeredLate: response?.answeredLate ?? 0,
        unansweredPastDue: response?.unansweredPastDue ?? 0,
        medianResponseDays: response?.medianResponseDays ?? null,
        medianAllowedDays: response?.medianAllowedDays ?? null,
        destinations: [...(destinations.get(payer) ?? [])],
        recurringDenialReasons: [...(decided?.recurringDenialReasons ?? [])],
      };
    });

  return {
    filters: { from: filters.from, to: filters.to, advocate: filters.advocate },
    asOf: scope.asOf,
    advocates: await advocateNames(db),
    headline: {
      clientsServed: volume.clientsServed,
      casesActive: volume.casesActive,
      casesOpened: volume.casesOpened,
      casesClosed: volume.casesClosed,
      decisions: decisions.decisions,
      approvals: decisions.approvals,
      approvalRate: ratio(decisions.approvals, decisions.decisions),
      medianDaysToDecision: decisions.medianDaysToDecision,
      savedOnCasesCents: volume.savedOnCasesCents,
      fundingGrantedCents: fundingCents,
      moneySavedCents: volume.savedOnCasesCents + fundingCents,
      deadlinesMet: deadlines.deadlinesMet,
      deadlinesMissed: deadlines.deadlinesMissed,
      deadlinesMetRate: ratio(deadlines.deadlinesMet, deadlines.deadlinesMet + deadlines.deadlinesMissed),
    },
    months: [...volume.months],
    outcomeMix: [...volume.outcomeMix],
    approvalByPayer: [...decisions.byPayer],
    approvalByTreatment: [...decisions.byTreatment],
    approvalByLevel: [...decisions.byLevel],
    payers,
  };
}
