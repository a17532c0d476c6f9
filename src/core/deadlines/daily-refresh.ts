import type { Kysely } from 'kysely';
import type { AdvocaseDatabase } from '../db/schema';
import { civilDateInZone } from './date-arithmetic';
import {
  recomputeMarkedSummaries,
  refreshDeadlineStatuses,
  refreshDeadlineStatusesSince,
  type RecomputeOptions,
} from './recompute';
import { userTimeZone } from './time-zone';
import { dialectOf } from '../db/dialect/dialect-of';

/**
 * The daily refresh of deadline statuses, once a day per store rather than once per unlock.
 * Every write that changes a case's facts recomputes its deadlines at once, so after a refresh
 * has judged every status as of today, nothing can move until the date changes, and then only
 * for the deadlines whose dates passed or came near. The day (and time zone) of the last refresh
 * is kept in the store's `settings`, so an unlock later the same day skips it, and the next day's
 * refresh reads only the deadlines dated since. The unlock's reminder summary does not wait for
 * it (it counts from dates), so the first page does not either.
 */

/**
 * Derived bookkeeping, like the deadline rows themselves: not a user's edit, so not audited. A
 * migration that clears the summaries (as 0033 did) deletes this key too, so the next refresh is
 * a full one and computes every case again.
 */
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

/** The refresh each store is running or has run today, so concurrent readers wait for the same one. */
const refreshOfDay = new WeakMap<Kysely<AdvocaseDatabase>, { day: string; done: Promise<boolean> }>();

/**
 * Run before deadline reads (the Agenda, a case's deadlines) and, in the background, after the
 * unlock's reminder summary: refreshes the statuses if no refresh has run yet today in this time
 * zone, in this process or an earlier one. After a refresh in the same time zone it re-judges
 * only the cases whose dates passed or came near since (refreshDeadlineStatusesSince); the first
 * one, or one in another time zone, re-judges every case near a date. Returns whether it refreshed.
 */
export function refreshDeadlineStatusesOncePerDay(
  db: Kysely<AdvocaseDatabase>,
  options: RecomputeOptions = {},
): Promise<boolean> {
  const now = options.now ?? new Date();
  const timeZone = options.timeZone ?? userTimeZone();
  const today = civilDateInZone(now.getTime(), timeZone);
  const running = refreshOfDay.get(db);
  if (running?.day === today) return running.done;
  const done = (async () => {
    // A login that may change nothing (a team's viewer) leaves the refresh to those who may; its
    // reads work out what is stale in memory (getCaseDeadlines).
    if (await dialectOf(db).rowVisibility.changesNothing(db)) return false;
    await recomputeMarkedSummaries(db, { now, timeZone });
    const last = await readLastRefresh(db);
    if (last && last.day === today && last.timeZone === timeZone) return false;
    if (last && last.timeZone === timeZone && last.day < today)
      await refreshDeadlineStatusesSince(db, last.day, { now, timeZone });
    else await refreshDeadlineStatuses(db, { now, timeZone });
    await writeLastRefresh(db, { day: today, timeZone });
    return true;
  })();
  refreshOfDay.set(db, { day: today, done });
  // A refresh cut short (the store locked under it) is tried again by the next reader.
  done.catch(() => {
    if (refreshOfDay.get(db)?.done === done) refreshOfDay.delete(db);
  });
  return done;
}
