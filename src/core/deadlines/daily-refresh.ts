import type { Kysely } from 'kysely';
import type { AdvocaseDatabase } from '../db/schema';
import { civilDateInZone } from './date-arithmetic';
import { refreshDeadlineStatuses, type RecomputeOptions } from './recompute';
import { userTimeZone } from './time-zone';

/**
 * The daily refresh of deadline statuses, once a day per store rather than once per unlock.
 * Every write that changes a case's facts recomputes its deadlines at once, so after a refresh
 * has judged every status as of today, nothing can move until the date changes. The day (and time
 * zone) of the last refresh is kept in the store's `settings`, so an unlock later the same day
 * skips the refresh's scans of every case and summary (at 100,000 cases they were most of the
 * first reminder summary's time, which every other call after an unlock waited behind).
 */

/** Derived bookkeeping, like the deadline rows themselves: not a user's edit, so not audited. */
const settingsKey = 'deadlines.statusesRefreshed';

type LastRefresh = { readonly day: string; readonly timeZone: string };

async function readLastRefresh(db: Kysely<AdvocaseDatabase>): Promise<LastRefresh | null> {
  const row = await db
    .selectFrom('settings')
    .select('value')
    .where('key', '=', settingsKey)
    .executeTakeFirst();
  if (!row) return null;
  const parsed = JSON.parse(row.value) as Partial<LastRefresh>;
  return typeof parsed.day === 'string' && typeof parsed.timeZone === 'string'
    ? { day: parsed.day, timeZone: parsed.timeZone }
    : null;
}

async function writeLastRefresh(db: Kysely<AdvocaseDatabase>, refresh: LastRefresh): Promise<void> {
  const value = JSON.stringify(refresh);
  await db
    .insertInto('settings')
    .values({ key: settingsKey, value })
    .onConflict((conflict) => conflict.column('key').doUpdateSet({ value }))
    .execute();
}

const checkedDay = new WeakMap<Kysely<AdvocaseDatabase>, string>();

/**
 * Run before deadline reads (the agenda, a case's deadlines, the reminders): refreshes the
 * statuses if no refresh has run yet today in this time zone, in this process or an earlier one.
 * Returns whether it refreshed.
 */
export async function refreshDeadlineStatusesOncePerDay(
  db: Kysely<AdvocaseDatabase>,
  options: RecomputeOptions = {},
): Promise<boolean> {
  const now = options.now ?? new Date();
  const timeZone = options.timeZone ?? userTimeZone();
  const today = civilDateInZone(now.getTime(), timeZone);
  if (checkedDay.get(db) === today) return false;
  checkedDay.set(db, today);
  const last = await readLastRefresh(db);
  if (last && last.day === today && last.timeZone === timeZone) return false;
  await refreshDeadlineStatuses(db, { now, timeZone });
  await writeLastRefresh(db, { day: today, timeZone });
  return true;
}
