import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { fillFixtureDatabase } from '../../bench/fixture';
import { caseloadOfSize } from '../../bench/synthetic-caseload';
import { Kysely, SqliteDialect } from 'kysely';
import { recomputeCaseDeadlines } from '../../src/core/deadlines/recompute';
import type { AdvocaseDatabase } from '../../src/core/db/schema';
import { deriveSubkey } from '../../src/core/crypto/key-derivation';
import { openEncryptedSqlite } from '../../src/core/db/sqlite/open-encrypted-sqlite';
import { openStore } from '../../src/core/db/store';
import { useTemporaryDataDirectory } from '../helpers/temporary-data-directory';

/**
 * The bench's bulk fill (bench/deferred-upkeep.ts: indexes built after the rows, the event search
 * index filled by one statement) leaves a store equal to one filled row by row with every index
 * and trigger of the migrated schema in place: the same schema, the same derived rows (caseload
 * entries, stage counts, quick-filter trigrams, search indexes, deadlines and their summaries),
 * the same search answers, on a real encrypted store. Its deadlines, computed once for every case,
 * equal what recomputing each case after an edit stores.
 */

const newDataDirectory = useTemporaryDataDirectory();
const clock = { now: new Date('2026-11-23T15:00:00Z'), timeZone: 'America/Chicago' };
const trashedAt = '2026-11-20T10:00:00.000Z';

async function filledStore(isUpkeepDeferred: boolean): Promise<Database.Database> {
  const path = join(newDataDirectory(), 'advocase.db');
  const dataKey = randomBytes(32);
  const store = await openStore(path, dataKey);
  await store.close();
  const { connection } = openEncryptedSqlite(path, deriveSubkey(dataKey, 'database'));
  await fillFixtureDatabase(connection, caseloadOfSize(600), {
    log: () => {},
    isUpkeepDeferred,
    clock,
    trashedAt,
  });
  return connection;
}

const derivedTables: ReadonlyArray<readonly [table: string, order: string]> = [
  ['caseload_entries', 'case_id'],
  ['caseload_stage_counts', 'stage_rank'],
  ['reminder_day_counts', 'due_on'],
  ['outcome_deadline_days', 'due_on, advocate, standing'],
  ['case_deadlines', 'id'],
  ['case_deadline_summaries', 'case_id'],
  ['cases', 'id'],
  ['events', 'id'],
];
const searchIndexes = ['caseload_quick_filter', 'client_search', 'case_search', 'event_search'];
const searches: ReadonlyArray<readonly [index: string, query: string]> = [
  ['event_search', 'tanya'],
  ['event_search', 'clinic AND letter'],
  ['event_search', 'ref*'],
  ['case_search', 'aetna'],
  ['client_search', 'chen'],
  ['caseload_quick_filter', 'stellate'],
];

function contentsOf(connection: Database.Database) {
  return {
    schema: connection
      .prepare(`SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name`)
      .all(),
    tables: derivedTables.map(([table, order]) =>
      connection.prepare(`SELECT * FROM ${table} ORDER BY ${order}`).all(),
    ),
    searchRows: searchIndexes.map((index) =>
      connection.prepare(`SELECT rowid, * FROM ${index} ORDER BY rowid`).all(),
    ),
    searchAnswers: searches.map(([index, query]) =>
      connection.prepare(`SELECT rowid FROM ${index} WHERE ${index} MATCH ? ORDER BY rank, rowid`).all(query),
    ),
  };
}

/** Deadline rows and summaries by case, without the row ids a rebuild renumbers. */
function deadlinesOf(connection: Database.Database) {
  return {
    deadlines: connection
      .prepare(`SELECT * FROM case_deadlines ORDER BY case_id, deadline_key`)
      .all()
      .map((row) => ({ ...(row as Record<string, unknown>), id: null })),
    summaries: connection.prepare(`SELECT * FROM case_deadline_summaries ORDER BY case_id`).all(),
  };
}

/** The deadlines as the app computes them after an edit: recomputeCaseDeadlines on every case. */
async function deadlinesRecomputedCaseByCase(connection: Database.Database) {
  const db = new Kysely<AdvocaseDatabase>({ dialect: new SqliteDialect({ database: connection }) });
  const cases = connection.prepare(`SELECT id FROM cases ORDER BY id`).all() as Array<{ id: number }>;
  for (const { id } of cases) await recomputeCaseDeadlines(db, 'test', id, clock);
  return deadlinesOf(connection);
}

describe('the bench fixture filled in bulk', () => {
  it('equals the same caseload filled row by row with every index and trigger in place', async () => {
    const rowByRow = await filledStore(false);
    const inBulk = await filledStore(true);
    try {
      const expected = contentsOf(rowByRow);
      // Not vacuous: the caseload, its deadlines and its search rows are all there.
      expect(expected.tables[0]!.length).toBeGreaterThan(500);
      expect(expected.tables[2]!.length).toBeGreaterThan(50);
      expect(expected.searchRows[3]!.length).toBeGreaterThan(5000);
      expect(expected.searchAnswers.every((answer) => answer.length > 0)).toBe(true);
      expect(contentsOf(inBulk)).toEqual(expected);
      expect(await deadlinesRecomputedCaseByCase(rowByRow)).toEqual(deadlinesOf(inBulk));
      for (const index of searchIndexes)
        inBulk.exec(`INSERT INTO ${index} (${index}) VALUES ('integrity-check')`);
      expect(inBulk.pragma('integrity_check')).toEqual([{ integrity_check: 'ok' }]);
    } finally {
      rowByRow.close();
      inBulk.close();
    }
  });
});
