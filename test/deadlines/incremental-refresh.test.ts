import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type Database from 'better-sqlite3-multiple-ciphers';
import { Kysely, SqliteDialect } from 'kysely';
import { describe, expect, it } from 'vitest';
import { fillFixtureDatabase } from '../../bench/fixture';
import { caseloadOfSize } from '../../bench/synthetic-caseload';
import { deriveSubkey } from '../../src/core/crypto/key-derivation';
import type { AdvocaseDatabase } from '../../src/core/db/schema';
import { openEncryptedSqlite } from '../../src/core/db/sqlite/open-encrypted-sqlite';
import { openStore } from '../../src/core/db/store';
import { recomputeCaseDeadlines, refreshDeadlineStatusesSince } from '../../src/core/deadlines/recompute';
import { useTemporaryDataDirectory } from '../helpers/temporary-data-directory';

/**
 * The day's status refresh after one on an earlier day re-judges only the cases with a deadline
 * dated since (or coming within the due-soon window), and leaves the store as recomputing every
 * case would: the same deadline rows and statuses, the same summaries, the same caseload columns
 * (next deadline, overdue count). On a real encrypted store with a caseload of denials, prior
 * authorizations and closed cases, a day, two weeks and three months later.
 */

const newDataDirectory = useTemporaryDataDirectory();
const timeZone = 'America/Chicago';
const lastDay = '2026-11-23';
const lastClock = { now: new Date(`${lastDay}T15:00:00Z`), timeZone };

async function storeRefreshedOn(): Promise<{ connection: Database.Database; db: Kysely<AdvocaseDatabase> }> {
  const path = join(newDataDirectory(), 'advocase.db');
  const dataKey = randomBytes(32);
  await (await openStore(path, dataKey)).close();
  const { connection } = openEncryptedSqlite(path, deriveSubkey(dataKey, 'database'));
  await fillFixtureDatabase(connection, caseloadOfSize(600), {
    log: () => {},
    clock: lastClock,
    trashedAt: '2026-11-20T10:00:00.000Z',
  });
  const db = new Kysely<AdvocaseDatabase>({ dialect: new SqliteDialect({ database: connection }) });
  // Closed cases, some keeping their deadlines until their dates pass, judged on the last day.
  const closed = connection
    .prepare(`SELECT DISTINCT case_id FROM case_deadlines WHERE case_id % 3 = 0`)
    .all() as Array<{ case_id: number }>;
  for (const { case_id: caseId } of closed) {
    connection
      .prepare(`UPDATE cases SET stage = 'resolved', closed_on = ?, closing_deadlines = ? WHERE id = ?`)
      .run('2026-11-01', caseId % 2 === 0 ? 'keep' : 'untrack', caseId);
    await recomputeCaseDeadlines(db, 'test', caseId, lastClock);
  }
  // Promises from calls and the advocate's own dates on cases with no deadline near: open work
  // that falls due, and then overdue, as days pass (core/deadlines/open-work.ts).
  const withoutDeadlines = connection
    .prepare(
      `SELECT id FROM cases WHERE deleted_at IS NULL AND stage <> 'resolved'
         AND id NOT IN (SELECT case_id FROM case_deadlines) ORDER BY id LIMIT 20`,
    )
    .all() as Array<{ id: number }>;
  for (const [index, { id: caseId }] of withoutDeadlines.entries()) {
    connection
      .prepare(`INSERT INTO tasks (case_id, title, due_on, created_at, updated_at) VALUES (?, ?, ?, ?, ?)`)
      .run(
        caseId,
        'Payer calls back',
        index % 2 === 0 ? '2026-11-28' : '2027-02-20',
        lastClock.now.toISOString(),
        lastClock.now.toISOString(),
      );
    await recomputeCaseDeadlines(db, 'test', caseId, lastClock);
  }
  expect(withoutDeadlines.length).toBeGreaterThan(0);
  return { connection, db };
}

/** What a refresh can change, without when it was computed and the row ids a rebuild renumbers. */
function judgedState(connection: Database.Database) {
  return {
    deadlines: connection
      .prepare(
        `SELECT case_id, deadline_key, due_on, due_at, status, answered_on FROM case_deadlines ORDER BY case_id, deadline_key`,
      )
      .all(),
    summaries: connection
      .prepare(
        `SELECT case_id, next_due_on, next_rule, overdue_count, missing_facts, assumptions, time_zone
         FROM case_deadline_summaries ORDER BY case_id`,
      )
      .all(),
    caseload: connection
      .prepare(`SELECT case_id, next_due_on, overdue_count FROM caseload_entries ORDER BY case_id`)
      .all(),
    tasks: connection.prepare(`SELECT case_id, title, due_on FROM tasks ORDER BY id`).all(),
  };
}

describe('the incremental daily refresh', () => {
  for (const today of ['2026-11-24', '2026-12-07', '2027-03-01']) {
    it(`on ${today}, after a refresh on ${lastDay}, leaves what recomputing every case leaves`, async () => {
      const { connection, db } = await storeRefreshedOn();
      try {
        const clock = { now: new Date(`${today}T15:00:00Z`), timeZone };
        const before = judgedState(connection);
        const { recomputed } = await refreshDeadlineStatusesSince(db, lastDay, clock);
        const refreshed = judgedState(connection);
        const liveCases = connection
          .prepare(`SELECT id FROM cases WHERE deleted_at IS NULL ORDER BY id`)
          .all() as Array<{ id: number }>;
        for (const { id } of liveCases) await recomputeCaseDeadlines(db, 'test', id, clock);
        const everyCaseRecomputed = judgedState(connection);

        expect(refreshed).toEqual(everyCaseRecomputed);
        // Not vacuous: statuses moved since the last day, and only some cases were read again.
        expect(everyCaseRecomputed).not.toEqual(before);
        expect(recomputed).toBeGreaterThan(0);
        expect(recomputed).toBeLessThan(liveCases.length / 2);
      } finally {
        connection.close();
      }
    });
  }
});
