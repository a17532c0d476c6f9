/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are frozen history, typed against no schema (Kysely's guidance) */
import { sql, type Kysely } from 'kysely';

/**
 * Global search (Ctrl/Cmd+K): SQLite FTS5 indexes of clients, cases and timeline events, inside
 * the encrypted database, kept in step with their tables by triggers so that no code path (a
 * service, an import, an undo, the trash) can forget to update them.
 *
 * This file is the one SQLite-specific module for the search index's DDL; every query against
 * it lives in src/core/search/sqlite-record-search.ts. A PostgreSQL store for teams would create
 * its own (tsvector columns with GIN indexes, maintained the same way) in its own migration.
 *
 * Each index's rowid is minus the record's id. FTS5 returns matches in ascending rowid order and
 * can only skip through a long list of matches quickly going forwards, so this order makes
 * "newest first, stop after a few" the cheap order (measured: a two-word query over 1,000,000
 * events took 46 ms in descending rowid order, 0.1 ms ascending).
 *
 * Trashed rows (deleted_at set) are not in the index at all, nor are the events of a trashed
 * case, so a search never has to filter them out; restoring a row puts it back.
 */

// `unicode61 remove_diacritics 2` lets "Muller" find "Müller"; the prefix indexes make the
// one- to three-letter prefixes typed in the palette cheap (https://www.sqlite.org/fts5.html).
const ftsOptions = `tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3'`;

/** The indexed text of the clients matching `where` (over `cl`). */
const clientRows = (where: string) => `
  SELECT -cl.id, cl.full_name,
         concat_ws(' ', cl.phone, cl.email, cl.date_of_birth, cl.state, cl.preferred_language,
                   cl.tags, cl.notes,
                   (SELECT group_concat(concat_ws(' ', cv.payer, cv.plan_name, cv.member_id, cv.group_number), ' ')
                      FROM coverages cv WHERE cv.client_id = cl.id))
  FROM clients cl
  WHERE cl.deleted_at IS NULL AND (${where})`;

/** The indexed text of the cases matching `where` (over `c`): number, client, treatment, payer, member ID, codes. */
const caseRows = (where: string) => `
  SELECT -c.id, 'C-' || printf('%05d', c.id) || ' ' || cl.full_name,
         concat_ws(' ', c.id,
                   CASE c.treatment WHEN 'iv_ketamine' THEN 'IV ketamine' WHEN 'esketamine' THEN 'esketamine Spravato'
                                    WHEN 'tms' THEN 'TMS' ELSE NULL END,
                   c.treatment_detail, c.payer, cv.payer, cv.member_id, cv.group_number,
                   c.procedure_codes, c.diagnosis_codes, c.assigned_advocate)
  FROM cases c
  JOIN clients cl ON cl.id = c.client_id
  LEFT JOIN coverages cv ON cv.id = c.coverage_id
  WHERE c.deleted_at IS NULL AND (${where})`;

/** The indexed text of the events matching `where` (over `e`): the summary, and every text value of its details (rep name, reference and confirmation numbers…). */
const eventRows = (where: string) => `
  SELECT -e.id, e.summary,
         (SELECT group_concat(value, ' ') FROM json_tree(e.details) WHERE type = 'text')
  FROM events e
  JOIN cases c ON c.id = e.case_id
  WHERE e.deleted_at IS NULL AND c.deleted_at IS NULL AND (${where})`;

const reindexClients = (where: string, rowids: string) => `
  DELETE FROM client_search WHERE rowid IN (${rowids});
  INSERT INTO client_search (rowid, name, details) ${clientRows(where)};`;
const reindexCases = (where: string, rowids: string) => `
  DELETE FROM case_search WHERE rowid IN (${rowids});
  INSERT INTO case_search (rowid, title, details) ${caseRows(where)};`;
const reindexEvents = (where: string, rowids: string) => `
  DELETE FROM event_search WHERE rowid IN (${rowids});
  INSERT INTO event_search (rowid, summary, details) ${eventRows(where)};`;

// Columns whose change alters what a row's index entry holds; bumping updated_at alone (every
// new event touches its case) does not re-index anything.
const indexedCaseColumns =
  'client_id, coverage_id, treatment, treatment_detail, payer, procedure_codes, diagnosis_codes, assigned_advocate, deleted_at';

const triggers: ReadonlyArray<readonly [name: string, definition: string]> = [
  [
    'clients_search_insert',
    `AFTER INSERT ON clients BEGIN ${reindexClients('cl.id = new.id', '-new.id')} END`,
  ],
  [
    'clients_search_update',
    `AFTER UPDATE ON clients BEGIN ${reindexClients('cl.id = new.id', '-old.id, -new.id')} END`,
  ],
  [
    'clients_search_update_cases',
    `AFTER UPDATE OF full_name ON clients BEGIN
       ${reindexCases('c.client_id = new.id', 'SELECT -id FROM cases WHERE client_id = new.id')} END`,
  ],
  [
    'clients_search_delete',
    `AFTER DELETE ON clients BEGIN DELETE FROM client_search WHERE rowid = -old.id; END`,
  ],

  // A client is found by the member IDs of their coverages, a case by its coverage's.
  [
    'coverages_search_insert',
    `AFTER INSERT ON coverages BEGIN ${reindexClients('cl.id = new.client_id', '-new.client_id')} END`,
  ],
  [
    'coverages_search_update',
    `AFTER UPDATE ON coverages BEGIN
       ${reindexClients('cl.id IN (old.client_id, new.client_id)', '-old.client_id, -new.client_id')}
       ${reindexCases('c.coverage_id = new.id', 'SELECT -id FROM cases WHERE coverage_id = new.id')} END`,
  ],
  [
    'coverages_search_delete',
    `AFTER DELETE ON coverages BEGIN
       ${reindexClients('cl.id = old.client_id', '-old.client_id')}
       ${reindexCases('c.coverage_id = old.id', 'SELECT -id FROM cases WHERE coverage_id = old.id')} END`,
  ],

  ['cases_search_insert', `AFTER INSERT ON cases BEGIN ${reindexCases('c.id = new.id', '-new.id')} END`],
  [
    'cases_search_update',
    `AFTER UPDATE OF ${indexedCaseColumns} ON cases BEGIN ${reindexCases('c.id = new.id', '-old.id, -new.id')} END`,
  ],
  // Trashing a case takes its timeline out of search; restoring it brings the timeline back.
  [
    'cases_search_trash',
    `AFTER UPDATE OF deleted_at ON cases WHEN old.deleted_at IS NOT new.deleted_at BEGIN
       ${reindexEvents('e.case_id = new.id', 'SELECT -id FROM events WHERE case_id = new.id')} END`,
  ],
  ['cases_search_delete', `AFTER DELETE ON cases BEGIN DELETE FROM case_search WHERE rowid = -old.id; END`],

  [
    'events_search_insert',
    `AFTER INSERT ON events WHEN new.deleted_at IS NULL BEGIN
       INSERT INTO event_search (rowid, summary, details) ${eventRows('e.id = new.id')}; END`,
  ],
  [
    'events_search_update',
    `AFTER UPDATE OF case_id, summary, details, deleted_at ON events BEGIN
       ${reindexEvents('e.id = new.id', '-old.id, -new.id')} END`,
  ],
  [
    'events_search_delete',
    `AFTER DELETE ON events BEGIN DELETE FROM event_search WHERE rowid = -old.id; END`,
  ],
];

export async function up(db: Kysely<any>): Promise<void> {
  await sql.raw(`CREATE VIRTUAL TABLE client_search USING fts5(name, details, ${ftsOptions})`).execute(db);
  await sql.raw(`CREATE VIRTUAL TABLE case_search USING fts5(title, details, ${ftsOptions})`).execute(db);
  await sql.raw(`CREATE VIRTUAL TABLE event_search USING fts5(summary, details, ${ftsOptions})`).execute(db);
  for (const [table, weights] of [
    ['client_search', 'bm25(4.0, 1.0)'],
    ['case_search', 'bm25(3.0, 1.0)'],
    ['event_search', 'bm25(1.0, 1.0)'],
  ] as const) {
    // Removing a row really removes its words from the index b-trees, as secure_delete does for
    // the tables themselves (https://www.sqlite.org/fts5.html#the_secure_delete_configuration_option).
    await sql.raw(`INSERT INTO ${table} (${table}, rank) VALUES ('secure-delete', 1)`).execute(db);
    // The name or title counts more than the rest; `ORDER BY rank` uses these weights.
    await sql.raw(`INSERT INTO ${table} (${table}, rank) VALUES ('rank', '${weights}')`).execute(db);
  }
  for (const [name, definition] of triggers) {
    await sql.raw(`CREATE TRIGGER ${name} ${definition}`).execute(db);
  }
  // Rows written before this version.
  await sql.raw(`INSERT INTO client_search (rowid, name, details) ${clientRows('1')}`).execute(db);
  await sql.raw(`INSERT INTO case_search (rowid, title, details) ${caseRows('1')}`).execute(db);
  await sql.raw(`INSERT INTO event_search (rowid, summary, details) ${eventRows('1')}`).execute(db);
}
