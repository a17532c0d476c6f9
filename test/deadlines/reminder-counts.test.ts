import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { Kysely, SqliteDialect } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type Database from 'better-sqlite3-multiple-ciphers';
import { fillFixtureDatabase } from '../../bench/fixture';
import { caseloadOfSize } from '../../bench/synthetic-caseload';
import { deriveSubkey } from '../../src/core/crypto/key-derivation';
import type { AdvocaseDatabase } from '../../src/core/db/schema';
import { openEncryptedSqlite } from '../../src/core/db/sqlite/open-encrypted-sqlite';
import { openStore } from '../../src/core/db/store';
import {
  getReminderSummary,
  outstandingReminderDeadlines,
} from '../../src/core/deadlines/deadline-reminders';
import { readReminderSettings, updateReminderSettings } from '../../src/core/deadlines/reminder-settings';
import { summarizeReminders } from '../../src/core/reminders/schedule';
import { useTemporaryDataDirectory } from '../helpers/temporary-data-directory';

/**
 * The reminder summary, counted by the database (reminder-counts.ts), says what summarizing the
 * whole Agenda says: on a real encrypted store with overdue and coming deadlines, deadlines with
 * an hour, overrides, deadlines marked done, closed cases (deadlines kept and untracked), a
 * trashed client and dated tasks; on several days, in several time zones, with several lead times.
 */

const newDataDirectory = useTemporaryDataDirectory();
let connection: Database.Database;
let db: Kysely<AdvocaseDatabase>;

beforeAll(async () => {
  const path = join(newDataDirectory(), 'advocase.db');
  const dataKey = randomBytes(32);
  await (await openStore(path, dataKey)).close();
  connection = openEncryptedSqlite(path, deriveSubkey(dataKey, 'database')).connection;
  await fillFixtureDatabase(connection, caseloadOfSize(800), {
    log: () => {},
    clock: { now: new Date('2026-11-23T15:00:00Z'), timeZone: 'America/Chicago' },
    trashedAt: '2026-11-20T10:00:00.000Z',
  });
  const now = '2026-11-23T15:00:00.000Z';
  connection.exec(`
    -- Deadlines with an hour, early and late on their day, some moved by the user.
    UPDATE case_deadlines SET due_at = due_on || 'T08:00:00.000Z' WHERE id % 7 = 0;
    UPDATE case_deadlines SET due_at = due_on || 'T23:30:00.000Z' WHERE id % 7 = 1;
    INSERT INTO deadline_adjustments (case_id, deadline_key, override_due_on, override_reason, done_at, done_event_id, created_at, updated_at)
      SELECT case_id, deadline_key, date(due_on, '+3 days'), 'payer agreed', NULL, NULL, '${now}', '${now}'
      FROM case_deadlines WHERE id % 5 = 0;
    INSERT INTO deadline_adjustments (case_id, deadline_key, override_due_on, override_reason, done_at, done_event_id, created_at, updated_at)
      SELECT case_id, deadline_key, NULL, NULL, '${now}', NULL, '${now}', '${now}'
      FROM case_deadlines WHERE id % 5 = 1;
    -- Closed cases: some keep their deadlines, some untracked them.
    UPDATE cases SET stage = 'resolved', closed_on = '2026-11-01', closing_deadlines = 'keep'
      WHERE id IN (SELECT case_id FROM case_deadlines) AND id % 4 = 0;
    UPDATE cases SET stage = 'resolved', closed_on = '2026-11-01', closing_deadlines = 'untrack'
      WHERE id IN (SELECT case_id FROM case_deadlines) AND id % 4 = 1;
    UPDATE clients SET deleted_at = '${now}' WHERE id = (SELECT client_id FROM cases WHERE id = (SELECT min(case_id) FROM case_deadlines));
  `);
  // Dated tasks from two months back to two months ahead, one in three done.
  const insertTask = connection.prepare(
    `INSERT INTO tasks (case_id, title, due_on, done_at, source_event_id, created_at, updated_at)
     VALUES (?, 'Call the rep back', date('2026-11-23', ?), ?, NULL, ?, ?)`,
  );
  for (let index = 0; index < 400; index += 1)
    insertTask.run(
      1 + ((index * 37) % 800),
      `${(index % 120) - 60} days`,
      index % 3 === 0 ? now : null,
      now,
      now,
    );
  db = new Kysely<AdvocaseDatabase>({ dialect: new SqliteDialect({ database: connection }) });
});

afterAll(() => connection.close());

/** What the summary said before: every Agenda item, summarized. */
async function summaryOfTheAgenda(clock: { now: Date; timeZone: string }) {
  const { reminderLeadDays } = await readReminderSettings(db);
  const summary = summarizeReminders(
    await outstandingReminderDeadlines(db, clock),
    reminderLeadDays,
    clock.now,
    clock.timeZone,
  );
  return { ...summary, upcoming: [...summary.upcoming] };
}

describe('the reminder summary counted by the database', () => {
  it('has deadlines of every kind to count', () => {
    const kinds = connection
      .prepare(
        `SELECT (SELECT count(*) FROM case_deadlines WHERE due_at IS NOT NULL) AS withHour,
                (SELECT count(*) FROM case_deadlines) AS deadlines,
                (SELECT count(*) FROM cases WHERE stage = 'resolved') AS closed`,
      )
      .get() as { withHour: number; deadlines: number; closed: number };
    expect(kinds.withHour).toBeGreaterThan(10);
    expect(kinds.deadlines).toBeGreaterThan(50);
    expect(kinds.closed).toBeGreaterThan(10);
  });

  for (const leadDays of [[7, 2, 0], [30, 14, 1], [0], [90, 3]]) {
    for (const [now, timeZone] of [
      ['2026-11-23T15:00:00Z', 'America/Chicago'],
      ['2026-11-24T07:59:00Z', 'Pacific/Auckland'],
      ['2026-12-07T23:45:00Z', 'America/Los_Angeles'],
      ['2027-02-01T12:00:00Z', 'Europe/Berlin'],
    ] as const) {
      it(`says what the Agenda says with lead times ${leadDays.join(', ')} at ${now} in ${timeZone}`, async () => {
        await updateReminderSettings(db, 'test', { reminderLeadDays: leadDays });
        const clock = { now: new Date(now), timeZone };
        const expected = await summaryOfTheAgenda(clock);
        expect(await getReminderSummary(db, clock)).toEqual(expected);
        // Not vacuous: there is something to say at every one of these moments.
        expect(expected.overdue + expected.dueToday).toBeGreaterThan(0);
      });
    }
  }
});
