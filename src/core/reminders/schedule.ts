import { addCalendarDays, civilDateInZone, startOfDayInZone } from '../deadlines/date-arithmetic';

/**
 * When to remind, as pure functions of the deadlines' dates, the lead times and the clock. The
 * messages are counts only ("2 deadlines or follow-ups due today"): a notification can appear over a locked
 * screen or a shared desk, so it never carries a name, a case number or a payer.
 */

/** Only what scheduling needs: no name, no case detail. */
export type ReminderDeadline = {
  /** YYYY-MM-DD in the user's zone: the date that counts (override, else computed). */
  readonly dueOn: string;
  readonly isOverdue: boolean;
};

export type ReminderCounts = {
  readonly asOf: string;
  readonly overdue: number;
  readonly dueToday: number;
  readonly upcoming: readonly { readonly daysAhead: number; readonly count: number }[];
  readonly message: string;
};

/**
 * What the counts count: the deadlines and the dated tasks (a promise from a call, a to-do) still
 * open (deadlines/open-work.ts), so a promise is never called a deadline.
 */
function datesToActOn(count: number): string {
  return `${count} ${count === 1 ? 'deadline or follow-up' : 'deadlines or follow-ups'}`;
}

/** How many deadlines fall due from `fromDaysAhead` (default: `daysAhead` itself) to `daysAhead` days ahead. */
type DueCount = { readonly fromDaysAhead?: number; readonly daysAhead: number; readonly count: number };

function whenWords({ fromDaysAhead, daysAhead }: DueCount): string {
  if (fromDaysAhead === undefined || fromDaysAhead === daysAhead) {
    if (daysAhead === 0) return 'today';
    if (daysAhead === 1) return 'tomorrow';
    return `in ${daysAhead} days`;
  }
  return fromDaysAhead === 1 ? `in the next ${daysAhead} days` : `in ${fromDaysAhead} to ${daysAhead} days`;
}

/** "2 deadlines or follow-ups due today; 1 due in the next 2 days; 3 overdue." — or "" when there is nothing to say. */
export function describeCounts(dueCounts: readonly DueCount[], overdue: number): string {
  const parts = dueCounts
    .filter(({ count }) => count > 0)
    .map((dueCount, index) =>
      index === 0
        ? `${datesToActOn(dueCount.count)} due ${whenWords(dueCount)}`
        : `${dueCount.count} due ${whenWords(dueCount)}`,
    );
  if (overdue > 0) parts.push(parts.length === 0 ? `${datesToActOn(overdue)} overdue` : `${overdue} overdue`);
  return parts.length === 0 ? '' : `${parts.join('; ')}.`;
}

/** Due from `fromDaysAhead` to `daysAhead` days ahead, both included. */
export type DueBand = { readonly fromDaysAhead: number; readonly daysAhead: number };

/**
 * What the banner and the unlock summary count: today, then for each lead time every day after
 * the shorter lead time before it ("1 due in the next 2 days; 3 due in 3 to 7 days"), so no
 * deadline in the coming week goes uncounted and none is counted twice.
 */
export function reminderBands(leadDays: readonly number[]): DueBand[] {
  const aheads = [...new Set(leadDays.filter((days) => days > 0))].sort((a, b) => a - b);
  return [
    { fromDaysAhead: 0, daysAhead: 0 },
    ...aheads.map((daysAhead, index) => ({ fromDaysAhead: (aheads[index - 1] ?? 0) + 1, daysAhead })),
  ];
}

/** The summary of `overdue` and the count due in each of `bands` (reminderBands: today first). */
export function reminderCountsOf(
  asOf: string,
  overdue: number,
  bands: readonly DueBand[],
  countInBand: readonly number[],
): ReminderCounts {
  const dueCounts = bands.map((band, index) => ({ ...band, count: countInBand[index] ?? 0 }));
  return {
    asOf,
    overdue,
    dueToday: dueCounts[0]?.count ?? 0,
    upcoming: dueCounts.slice(1).map(({ daysAhead, count }) => ({ daysAhead, count })),
    message: describeCounts(dueCounts, overdue),
  };
}

/** The summary of a list of dates (the desktop shell plans from the same list). */
export function summarizeReminders(
  deadlines: readonly ReminderDeadline[],
  leadDays: readonly number[],
  now: Date,
  timeZone: string,
): ReminderCounts {
  const today = civilDateInZone(now.getTime(), timeZone);
  const overdue = deadlines.filter((deadline) => deadline.isOverdue || deadline.dueOn < today).length;
  const bands = reminderBands(leadDays);
  const countInBand = bands.map(
    ({ fromDaysAhead, daysAhead }) =>
      deadlines.filter(
        (deadline) =>
          !deadline.isOverdue &&
          deadline.dueOn >= addCalendarDays(today, fromDaysAhead) &&
          deadline.dueOn <= addCalendarDays(today, daysAhead),
      ).length,
  );
  return reminderCountsOf(today, overdue, bands, countInBand);
}

export type PlannedNotification = {
  /** Epoch milliseconds. */
  readonly fireAt: number;
  readonly message: string;
};

/** Reminders go out at 9:00 in the user's zone on each lead day, a working hour on a working desk. */
export const reminderHour = 9;

/**
 * Every reminder still to come for these deadlines: for each lead time, 9:00 on the day that
 * many days before the date, grouped into one notification per moment. Lead days already past
 * are skipped; a deadline already overdue is the unlock summary's business, not a timer's.
 */
export function planNotifications(
  deadlines: readonly ReminderDeadline[],
  leadDays: readonly number[],
  now: Date,
  timeZone: string,
): PlannedNotification[] {
  const byMoment = new Map<number, Map<number, number>>();
  for (const deadline of deadlines) {
    if (deadline.isOverdue) continue;
    for (const daysAhead of new Set(leadDays)) {
      const day = addCalendarDays(deadline.dueOn, -daysAhead);
      const fireAt = startOfDayInZone(day, timeZone) + reminderHour * 3_600_000;
      if (fireAt <= now.getTime()) continue;
      const counts = byMoment.get(fireAt) ?? new Map<number, number>();
      counts.set(daysAhead, (counts.get(daysAhead) ?? 0) + 1);
      byMoment.set(fireAt, counts);
    }
  }
  return [...byMoment.entries()]
    .sort(([a], [b]) => a - b)
    .map(([fireAt, counts]) => ({
      fireAt,
      message: describeCounts(
        [...counts.entries()].sort(([a], [b]) => a - b).map(([daysAhead, count]) => ({ daysAhead, count })),
        0,
      ),
    }));
}

/** The planned notifications that became due in (after, upTo]: what one timer tick shows. */
export function notificationsDue(
  plan: readonly PlannedNotification[],
  after: number,
  upTo: number,
): PlannedNotification[] {
  return plan.filter((notification) => notification.fireAt > after && notification.fireAt <= upTo);
}
