/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are frozen history, typed against no schema (Kysely's guidance) */
import { sql, type Kysely } from 'kysely';

/**
 * The quick filter finds part of a word ("chen" in "Kitchens") without reading every case. A
 * `LIKE '%chen%'` over `caseload_entries.quick_filter_text` scans the whole caseload on every
 * keystroke (20 ms at 100,000 cases, growing with it). An FTS5 index with the trigram tokenizer
 * answers the same LIKE from the trigrams of the typed text, for any text of three characters or
 * more, case-insensitively like LIKE (https://www.sqlite.org/fts5.html#the_trigram_tokenizer).
 * Its rowid is the case id; triggers on `caseload_entries` keep it in step, so every path that
 * changes an entry changes its index row.
 */
const triggers: ReadonlyArray<readonly [name: string, definition: string]> = [
  [
    'caseload_quick_filter_insert',
    `AFTER INSERT ON caseload_entries BEGIN
       INSERT INTO caseload_quick_filter (rowid, text) VALUES (new.case_id, new.quick_filter_text); END`,
  ],
  [
    'caseload_quick_filter_delete',
    `AFTER DELETE ON caseload_entries BEGIN
       DELETE FROM caseload_quick_filter WHERE rowid = old.case_id; END`,
  ],
  [
    'caseload_quick_filter_update',
    `AFTER UPDATE OF case_id, quick_filter_text ON caseload_entries BEGIN
       DELETE FROM caseload_quick_filter WHERE rowid = old.case_id;
       INSERT INTO caseload_quick_filter (rowid, text) VALUES (new.case_id, new.quick_filter_text); END`,
  ],
];

export async function up(db: Kysely<any>): Promise<void> {
  await sql`CREATE VIRTUAL TABLE caseload_quick_filter USING fts5(text, tokenize = 'trigram')`.execute(db);
  // Removing a row removes its trigrams from the index b-trees, as 0020 does for search.
  await sql`INSERT INTO caseload_quick_filter (caseload_quick_filter, rank) VALUES ('secure-delete', 1)`.execute(
    db,
  );
  await sql`INSERT INTO caseload_quick_filter (rowid, text) SELECT case_id, quick_filter_text FROM caseload_entries`.execute(
    db,
  );
  for (const [name, definition] of triggers) {
    await sql.raw(`CREATE TRIGGER ${name} ${definition}`).execute(db);
  }
}
