import { sql, type Kysely } from 'kysely';
import type { OutcomesFilters } from '../../shared/schemas/outcomes';
import {
  addCalendarDays,
  civilDateReaderInZone,
  daysBetween,
  type CivilDate,
} from '../deadlines/date-arithmetic';
import { dialectOf } from '../db/dialect/dialect-of';
import type { AdvocaseDatabase } from '../db/schema';

export type OutcomesDb = Kysely<AdvocaseDatabase>;

/** The filters, plus the calendar every instant is read on and the day "already passed" is judged at. */
export type OutcomesScope = OutcomesFilters & {
  readonly timeZone: string;
  readonly asOf: CivilDate;
};

export const payerNotRecorded = 'Payer not recorded';

/**
 * The live cases the caseload lists (`caseload_entries`: trashed cases and the cases of trashed
 * clients have no row; a row is kept only for an existing case), narrowed to one advocate when the
 * filter names one. Every figure starts here, so the dashboard and the caseload always count the
 * same cases. Each figure joins them to the rows of its period (events, deadlines, funding), found
 * by those rows' own date index; the advocate is then checked on each case, not looked up in the
 * advocate index, which would read every case of the advocate (1.9 s for a year's deliveries at
 * 100,000 cases). The case record itself is not joined: its wide rows, one page read each, were
 * half the time of a year's decisions at 100,000 cases; a figure that needs it joins it.
 */
export function scopedCases(db: OutcomesDb, scope: OutcomesScope) {
  const cases = db.selectFrom('caseload_entries as entry');
  if (scope.advocate === null) return cases;
  const advocate = dialectOf(db).queryPlanHints.withoutIndex(
    sql.ref<string | null>('entry.assigned_advocate'),
  );
  return cases.where(advocate, '=', scope.advocate);
}

/**
 * Instants are stored in UTC; the period is calendar days where the advocate works. A window one
 * day wider on each side lets the index narrow the rows, and `isInPeriod` then decides exactly.
 */
export function utcWindow(scope: OutcomesScope): { readonly start: string; readonly end: string } {
  return { start: addCalendarDays(scope.from, -1), end: `${addCalendarDays(scope.to, 2)}` };
}

/** One reader of local dates per computation, so the zone's offsets are looked up once a day. */
const civilDateReaders = new WeakMap<OutcomesScope, (instant: number) => CivilDate>();

export function localDateOf(instant: string, scope: OutcomesScope): CivilDate {
  let read = civilDateReaders.get(scope);
  if (!read) {
    read = civilDateReaderInZone(scope.timeZone);
    civilDateReaders.set(scope, read);
  }
  return read(Date.parse(instant));
}

/** Days from the period's first day to each date met, counted once per date and computation. */
const dayCounts = new WeakMap<OutcomesScope, Map<CivilDate, number>>();

/**
 * Whole days from `from` to `to`, as `daysBetween` counts them: the difference of each date's
 * distance from the period's first day, each date's counted once. A year's decisions and deadlines
 * carry a few hundred distinct dates, and parsing two of them for every row was a third of the
 * time a year's days to decision took at 100,000 cases.
 */
export function daysBetweenIn(scope: OutcomesScope, from: CivilDate, to: CivilDate): number {
  let counts = dayCounts.get(scope);
  if (!counts) {
    counts = new Map();
    dayCounts.set(scope, counts);
  }
  const dayOf = (date: CivilDate) => {
    let count = counts.get(date);
    if (count === undefined) {
      count = daysBetween(scope.from, date);
      counts.set(date, count);
    }
    return count;
  };
  return dayOf(to) - dayOf(from);
}

export function isInPeriod(date: CivilDate, scope: OutcomesScope): boolean {
  return date >= scope.from && date <= scope.to;
}
