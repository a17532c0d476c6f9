import { sql, type Kysely, type RawBuilder, type SqlBool } from 'kysely';
import { closedStages } from '../../shared/domain/case-lifecycle';
import { dialectOf } from '../db/dialect/dialect-of';
import type { AdvocaseDatabase } from '../db/schema';
import type { DueBand } from '../reminders/schedule';
import { addCalendarDays } from './date-arithmetic';

/**
 * How many of the Agenda's outstanding dates are overdue, and how many fall due in each band of
 * days ahead, counted by the database instead of building the Agenda: the reminder summary is
 * asked for at every unlock, and the Agenda of a large caseload (every open deadline, with its
 * client's name) took longer than the whole first page may. The rules are the Agenda's
 * (agenda.ts), stated over the stored rows:
 *
 * - a deadline row counts when its case and client are live, it is neither met, untracked,
 *   answered nor marked done;
 * - it is overdue when its date is before today, or when its hour has passed (a deadline with a
 *   time, not moved by the user); a dated task is overdue when its date is before today;
 * - nothing on a closed case is overdue work, and nothing at all when its deadlines were
 *   untracked at closing (shared/domain/case-lifecycle.ts).
 *
 * Only dates from today up to the last band (plus a day, see below) are read, through the
 * due-date indexes. The dates before today are every overdue one there is, and grow with the
 * caseload, so their count is summed from the open dates kept per due day (migration 0160):
 * a date becomes overdue as days pass without any write, and the sum takes in one more day.
 * Where the connection sees only some cases (a team member's), those are counted from the rows.
 * test/deadlines/reminder-counts.test.ts checks the counts against the Agenda's, and
 * test/deadlines/reminder-day-counts.test.ts the kept days against the rows, on both engines.
 */

export type ReminderDateCounts = { readonly overdue: number; readonly dueInBand: readonly number[] };

const closedStageList = sql.join(closedStages.map((stage) => sql.lit(stage)));

export async function countReminderDates(
  db: Kysely<AdvocaseDatabase>,
  { now, today, bands }: { now: Date; today: string; bands: readonly DueBand[] },
): Promise<ReminderDateCounts> {
  const nowInstant = now.toISOString();
  const keptBeforeToday = await dialectOf(db).rowVisibility.seesEveryCase(db);
  // With the kept days, the rows read start at today: any earlier date is in the kept sum.
  const firstDayRead = keptBeforeToday ? today : '';
  const lastDay = addCalendarDays(today, Math.max(0, ...bands.map((band) => band.daysAhead)));
  // A deadline whose hour has passed is overdue whatever its date; its date is that hour's day in
  // the zone it was computed in, at most a day after today's in any other zone.
  const lastDayRead = addCalendarDays(lastDay, 1);
  const isHourPassed = sql<SqlBool>`(deadline_adjustments.override_due_on IS NULL
    AND case_deadlines.due_at IS NOT NULL AND case_deadlines.due_at < ${nowInstant})`;
  const isCaseClosed = sql<SqlBool>`cases.stage IN (${closedStageList})`;
  const isKeptAfterClosing = sql<SqlBool>`(NOT ${isCaseClosed} OR cases.closing_deadlines = 'keep')`;
  const countWhen = (condition: RawBuilder<SqlBool>) =>
    sql<number>`coalesce(sum(CASE WHEN ${condition} THEN 1 ELSE 0 END), 0)`;
  const bandColumns = (dueOn: RawBuilder<string>, isStillAhead: RawBuilder<SqlBool>) =>
    bands.map((band, index) =>
      countWhen(
        sql<SqlBool>`${dueOn} BETWEEN ${addCalendarDays(today, band.fromDaysAhead)} AND ${addCalendarDays(today, band.daysAhead)}
          AND ${isStillAhead} AND ${isKeptAfterClosing}`,
      ).as(`band${index}`),
    );

  const deadlineCounts = (await db
    .selectFrom('case_deadlines')
    .innerJoin('cases', 'cases.id', 'case_deadlines.case_id')
    .innerJoin('clients', 'clients.id', 'cases.client_id')
    .leftJoin('deadline_adjustments', (join) =>
      join
        .onRef('deadline_adjustments.case_id', '=', 'case_deadlines.case_id')
        .onRef('deadline_adjustments.deadline_key', '=', 'case_deadlines.deadline_key'),
    )
    .select([
      countWhen(
        sql<SqlBool>`(case_deadlines.due_on < ${today} OR ${isHourPassed}) AND NOT ${isCaseClosed}`,
      ).as('overdue'),
      ...bandColumns(sql<string>`case_deadlines.due_on`, sql<SqlBool>`NOT ${isHourPassed}`),
    ])
    .where('case_deadlines.due_on', '>=', firstDayRead)
    .where('case_deadlines.due_on', '<=', lastDayRead)
    .where('cases.deleted_at', 'is', null)
    .where('clients.deleted_at', 'is', null)
    .where('case_deadlines.status', 'not in', ['met', 'not-tracked'])
    .where('case_deadlines.answered_on', 'is', null)
    .where('deadline_adjustments.done_at', 'is', null)
    .executeTakeFirstOrThrow()) as Record<string, number>;

  const taskCounts = (await db
    .selectFrom('tasks')
    .innerJoin('cases', 'cases.id', 'tasks.case_id')
    .innerJoin('clients', 'clients.id', 'cases.client_id')
    .select([
      countWhen(sql<SqlBool>`tasks.due_on < ${today} AND NOT ${isCaseClosed}`).as('overdue'),
      ...bandColumns(sql<string>`tasks.due_on`, sql<SqlBool>`(1 = 1)`),
    ])
    .where('tasks.due_on', '>=', firstDayRead)
    .where('tasks.due_on', '<=', lastDay)
    .where('tasks.done_at', 'is', null)
    .where('cases.deleted_at', 'is', null)
    .where('clients.deleted_at', 'is', null)
    .executeTakeFirstOrThrow()) as Record<string, number>;

  const overdueBeforeToday = keptBeforeToday ? await countOpenDatesBefore(db, today) : 0;

  return {
    overdue: overdueBeforeToday + Number(deadlineCounts.overdue) + Number(taskCounts.overdue),
    dueInBand: bands.map(
      (_band, index) => Number(deadlineCounts[`band${index}`]) + Number(taskCounts[`band${index}`]),
    ),
  };
}

/** The open dates due before `day`: one kept row per earlier day that has any. */
async function countOpenDatesBefore(db: Kysely<AdvocaseDatabase>, day: string): Promise<number> {
  const { total } = await db
    .selectFrom('reminder_day_counts')
    .select(sql<number>`coalesce(sum(open_count), 0)`.as('total'))
    .where('due_on', '<', day)
    .executeTakeFirstOrThrow();
  return Number(total);
}
