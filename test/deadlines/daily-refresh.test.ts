import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { refreshDeadlineStatusesOncePerDay } from '../../src/core/deadlines/daily-refresh';
import { refreshDeadlineStatuses } from '../../src/core/deadlines/recompute';
import { openStore } from '../../src/core/db/store';
import { useTemporaryDataDirectory } from '../helpers/temporary-data-directory';

/**
 * The daily refresh runs once a day per store, not once per unlock: a second unlock the same day
 * (a new connection) skips it, the next day runs it, and what it stores is what a full refresh
 * stores.
 */

const newDataDirectory = useTemporaryDataDirectory();
const newYork = 'America/New_York';
const on = (day: string) => ({ now: new Date(`${day}T16:00:00.000Z`), timeZone: newYork });

async function storeWithOneCase(path: string, dataKey: Buffer): Promise<void> {
  const store = await openStore(path, dataKey);
  const now = new Date().toISOString();
  await store.db
    .insertInto('clients')
    .values({
      id: 1,
      full_name: 'Ana Ruiz',
      date_of_birth: null,
      state: 'NY',
      created_at: now,
      updated_at: now,
    })
    .execute();
  await store.db
    .insertInto('cases')
    .values({
      id: 1,
      client_id: 1,
      treatment: 'tms',
      payer: 'Aetna',
      stage: 'intake',
      priority: 'normal',
      opened_on: '2026-09-01',
      created_at: now,
      updated_at: now,
    })
    .execute();
  // Written around the services, as a store from before the deadlines feature was: never computed.
  await store.db
    .insertInto('events')
    .values({
      case_id: 1,
      type: 'note',
      occurred_at: now,
      summary: 'First call',
      details: '{}',
      created_at: now,
    })
    .execute();
  await store.close();
}

const summaryOf = async (db: Awaited<ReturnType<typeof openStore>>['db']) =>
  db.selectFrom('case_deadline_summaries').selectAll().where('case_id', '=', 1).executeTakeFirst();

describe('the daily deadline refresh', () => {
  it('runs at the first unlock of a day, is skipped by later unlocks that day, and runs again the next day', async () => {
    const path = join(newDataDirectory(), 'advocase.db');
    const dataKey = randomBytes(32);
    await storeWithOneCase(path, dataKey);

    const first = await openStore(path, dataKey);
    expect(await refreshDeadlineStatusesOncePerDay(first.db, on('2026-09-10'))).toBe(true);
    const computed = await summaryOf(first.db);
    expect(computed).toMatchObject({ as_of: '2026-09-10' });
    await first.db.deleteFrom('case_deadline_summaries').execute();
    await first.close();

    // Another unlock the same day: nothing is scanned, so the summary removed above stays away.
    const later = await openStore(path, dataKey);
    expect(await refreshDeadlineStatusesOncePerDay(later.db, on('2026-09-10'))).toBe(false);
    expect(await summaryOf(later.db)).toBeUndefined();
    // Summaries cleared (as migration 0033 cleared them) go with the day of the last refresh, so
    // the next day's refresh is a full one, and stores what a full refresh stores.
    await later.db.deleteFrom('settings').where('key', '=', 'deadlines.statusesRefreshed').execute();
    expect(await refreshDeadlineStatusesOncePerDay(later.db, on('2026-09-11'))).toBe(true);
    const refreshed = await summaryOf(later.db);
    await later.db.deleteFrom('case_deadline_summaries').execute();
    await refreshDeadlineStatuses(later.db, on('2026-09-11'));
    // The same row but for when it was computed.
    expect({ ...refreshed, computed_at: null }).toEqual({
      ...(await summaryOf(later.db)),
      computed_at: null,
    });
    await later.close();
  });

  it('runs again when the time zone changes the same day', async () => {
    const path = join(newDataDirectory(), 'advocase.db');
    const dataKey = randomBytes(32);
    await storeWithOneCase(path, dataKey);
    const store = await openStore(path, dataKey);
    expect(await refreshDeadlineStatusesOncePerDay(store.db, on('2026-09-10'))).toBe(true);
    await store.close();
    const moved = await openStore(path, dataKey);
    expect(
      await refreshDeadlineStatusesOncePerDay(moved.db, { ...on('2026-09-10'), timeZone: 'America/Chicago' }),
    ).toBe(true);
    await moved.close();
  });
});
