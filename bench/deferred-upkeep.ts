import type Database from 'better-sqlite3-multiple-ciphers';

/**
 * A bench fixture, not app code: what a bulk fill of millions of rows leaves until the end,
 * and builds once, instead of keeping up row by row.
 *
 * - The secondary indexes of the tables filled in bulk. Rows arrive in id order, so each of these
 *   indexes would take every row at a random place: once the file outgrows the page cache, each
 *   insert reads and decrypts a page per index, and the fill grows worse than linearly (at
 *   100,000 cases the first deadline computation took 91 s, most of it this upkeep). A
 *   `CREATE INDEX` over the finished table sorts once. The index of a table's rows in the order
 *   they arrive (events by case) is kept: its inserts land at its end.
 * - The global search index of timeline events (migration 0020's `events_search_insert`): one
 *   `INSERT … SELECT` over every event tokenizes the same text as the trigger does row by row,
 *   without a trigger program per row (measured: 55 against 70 µs an event, of 10,000,000). The
 *   events go in newest first, so their search rowids (minus the event id) rise: FTS5 writes its
 *   pending terms out as a new segment whenever a rowid is lower than the one before, which in id
 *   order was every row, each then merged again (measured on 200,000 events: 15.1 s in id order,
 *   3.3 s in rowid order).
 *
 * Every other trigger keeps running as rows go in (the caseload entries, their stage counts and
 * trigram index, the search rows of clients and cases, the summaries' copies into the caseload),
 * so those derived rows are the app's own. The definitions are read back from `sqlite_master` and
 * run again unchanged, so the finished schema is the migrated one.
 * bench/deferred-upkeep.test.ts checks that a caseload built this way equals one built row by row
 * with every trigger and index in place.
 */

/** The tables whose secondary indexes are built after the fill. */
const tablesFilledInBulk = [
  'cases',
  'events',
  'caseload_entries',
  'case_deadlines',
  'case_deadline_summaries',
];

/** Indexes of those tables that rows enter at their end, kept during the fill. */
const indexesTakingRowsInOrder = new Set(['events_case_id_occurred_at', 'events_in_trash']);

/**
 * What `events_search_insert` (migration 0020) inserts for one event, for every event at once:
 * the summary, and every text value of the details, of live events of live cases.
 */
const eventSearchRowsOfEveryEvent = `
  INSERT INTO event_search (rowid, summary, details)
  SELECT -e.id, e.summary, (SELECT group_concat(value, ' ') FROM json_tree(e.details) WHERE type = 'text')
  FROM events e
  JOIN cases c ON c.id = e.case_id
  WHERE e.deleted_at IS NULL AND c.deleted_at IS NULL AND e.id > ? AND e.id <= ?
  ORDER BY e.id DESC`;

/** Events indexed per transaction, with a line of progress after each. */
const searchChunk = 1_000_000;

type SchemaObject = { readonly type: 'index' | 'trigger'; readonly name: string; readonly sql: string };

export type DeferredUpkeep = {
  /** Builds what was left (indexes, then the event search index) and restores its definitions. */
  finish(log: (line: string) => void): void;
};

/** Drops the upkeep above from a migrated, still empty database, until `finish`. */
export function deferUpkeepDuringFill(connection: Database.Database): DeferredUpkeep {
  const placeholders = tablesFilledInBulk.map(() => '?').join(', ');
  const indexes = (
    connection
      .prepare(
        `SELECT type, name, sql FROM sqlite_master
         WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN (${placeholders}) ORDER BY rowid`,
      )
      .all(...tablesFilledInBulk) as SchemaObject[]
  ).filter((index) => !indexesTakingRowsInOrder.has(index.name));
  const searchTrigger = connection
    .prepare(
      `SELECT type, name, sql FROM sqlite_master WHERE type = 'trigger' AND name = 'events_search_insert'`,
    )
    .get() as SchemaObject | undefined;
  if (!searchTrigger) throw new Error('The migrated database has no events_search_insert trigger to defer.');
  const isEmpty = (table: string) => connection.prepare(`SELECT 1 FROM ${table} LIMIT 1`).get() === undefined;
  if (!tablesFilledInBulk.every(isEmpty))
    throw new Error('Upkeep can only be deferred on an empty caseload: the rows already in would miss it.');

  connection.transaction(() => {
    for (const index of indexes) connection.exec(`DROP INDEX "${index.name}"`);
    connection.exec(`DROP TRIGGER "${searchTrigger.name}"`);
  })();

  return {
    finish(log) {
      for (const index of indexes) {
        const started = performance.now();
        connection.exec(index.sql);
        log(`    index ${index.name} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
      }
      const insertSearchRows = connection.prepare(eventSearchRowsOfEveryEvent);
      const { lastId } = connection.prepare('SELECT coalesce(max(id), 0) AS lastId FROM events').get() as {
        lastId: number;
      };
      const started = performance.now();
      // Newest first, chunk by chunk, so the rowids rise across chunks as within each.
      for (let upToId = lastId; upToId > 0; upToId -= searchChunk) {
        const afterId = Math.max(0, upToId - searchChunk);
        const chunkStarted = performance.now();
        connection.transaction(() => insertSearchRows.run(afterId, upToId))();
        log(
          `    search index: events ${(lastId - afterId).toLocaleString('en-US')} of ${lastId.toLocaleString('en-US')} (${((1000 * (performance.now() - chunkStarted)) / (upToId - afterId)).toFixed(0)} µs an event)`,
        );
      }
      connection.exec(searchTrigger.sql);
      log(`    search index of every event in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    },
  };
}
