import type { Kysely } from 'kysely';
import type { ReminderSettings, ReminderSummary } from '../../shared/schemas/deadlines';
import type { AdvocaseDatabase } from '../db/schema';
import {
  planNotifications,
  reminderBands,
  reminderCountsOf,
  summarizeReminders,
  type PlannedNotification,
  type ReminderDeadline,
} from '../reminders/schedule';
import { getAgenda } from './agenda';
import { resolveClock, type Clock } from './deadline-clock';
import { countReminderDates } from './reminder-counts';
import { readReminderSettings, updateReminderSettings } from './reminder-settings';

/**
 * Reminders of deadlines: the summary the app shows on unlock (`deadlines.reminderSummary`), the
 * desktop notifications the shell plans from the same dates, and the lead times they use.
 */

// The desktop shell fires the planned notifications from memory and plans again when dates change.
export { notificationsDue, type PlannedNotification } from '../reminders/schedule';
export { onDeadlinesRecomputed } from './recompute';

/** Dates still to act on, without names: what reminders count. */
export async function outstandingReminderDeadlines(
  db: Kysely<AdvocaseDatabase>,
  clock: Clock = {},
): Promise<ReminderDeadline[]> {
  const agenda = await getAgenda(db, clock);
  return agenda.items.map((item) => ({ dueOn: item.dueOn, isOverdue: item.bucket === 'overdue' }));
}

/** The outstanding dates and the lead times, read together on one clock. */
async function readReminderInputs(db: Kysely<AdvocaseDatabase>, clock: Clock) {
  const { now, timeZone } = resolveClock(clock);
  const [deadlines, settings] = await Promise.all([
    outstandingReminderDeadlines(db, { now, timeZone }),
    readReminderSettings(db),
  ]);
  return { deadlines, leadDays: settings.reminderLeadDays, now, timeZone };
}

/**
 * The summary shown at unlock: counted by the database (reminder-counts.ts), without building
 * the Agenda or waiting for the daily status refresh, whose statuses the counts do not read.
 */
export async function getReminderSummary(
  db: Kysely<AdvocaseDatabase>,
  clock: Clock = {},
): Promise<ReminderSummary> {
  const { now, today } = resolveClock(clock);
  const settings = await readReminderSettings(db);
  const bands = reminderBands(settings.reminderLeadDays);
  const counts = await countReminderDates(db, { now, today, bands });
  const summary = reminderCountsOf(today, counts.overdue, bands, counts.dueInBand);
  return { ...summary, upcoming: [...summary.upcoming] };
}

/**
 * The desktop notifications to fire from now on, and the message to show at once: counts only,
 * from the same dates as the reminder summary (statuses re-judged first, by the Agenda).
 */
export async function planDesktopReminders(
  db: Kysely<AdvocaseDatabase>,
  clock: Clock = {},
): Promise<{ plan: PlannedNotification[]; message: string }> {
  const { deadlines, leadDays, now, timeZone } = await readReminderInputs(db, clock);
  return {
    plan: planNotifications(deadlines, leadDays, now, timeZone),
    message: summarizeReminders(deadlines, leadDays, now, timeZone).message,
  };
}

export function getReminderSettings(db: Kysely<AdvocaseDatabase>): Promise<ReminderSettings> {
  return readReminderSettings(db);
}

export async function setReminderSettings(
  db: Kysely<AdvocaseDatabase>,
  actor: string,
  changes: Partial<ReminderSettings>,
): Promise<ReminderSettings> {
  return updateReminderSettings(db, actor, changes);
}
