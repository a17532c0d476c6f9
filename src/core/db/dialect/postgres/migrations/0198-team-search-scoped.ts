import { sql, type Kysely } from 'kysely';
import { ownerPassage } from './0145-team-members-and-row-security';

/**
 * Team mode only: the search tables answer each person from the cases they see (docs/team-mode.md,
 * "Who sees what"). 0145's policies follow the column that ties a row to its case or client, and
 * the record search tables (0101's client_search, case_search, event_search) have only their
 * record's id: every reader read every vector, the words of the whole team's clients, and a
 * navigator's search ranked the whole team's matches before their own policies dropped the rows
 * they may not see, so a navigator on a big team found few or none of their own.
 *
 * - event_search names its event's case (`case_id`, indexed), so its rows follow the case, as
 *   case_search's follow its record (a case) and client_search's theirs (a client).
 * - Each is read through policies, enabled and forced as 0145's are: a navigator's or viewer's
 *   rows are those of their cases (or clients), a supervisor reads them all with a policy that is
 *   simply true. A policy's condition comes before the query's own, and PostgreSQL does not match
 *   a tsvector (`@@`, not leakproof) through an index below such a condition: with any other
 *   policy a supervisor's search would read the whole table. The same holds for document_text
 *   (0145 covers it by its document), which gets the supervisor's policy too.
 * - A navigator's or viewer's search starts from the ids they see, as their policies do
 *   (postgres-full-text-search.ts), so it reads only their own rows, through the record's index.
 * - They are written only by the triggers that keep them, which now run as the tables' owner
 *   (SECURITY DEFINER, as 0166's upkeep does): no one's login writes them directly, and a change to
 *   a client refreshes the search rows of every case of theirs, not only the ones the writer sees.
 */

/** The record search tables, the column that ties a row to what it belongs to, and to what. */
const scopes = [
  { table: 'client_search', column: 'record_id', ids: 'advocase_team_client_ids(false)' },
  { table: 'case_search', column: 'record_id', ids: 'advocase_team_case_ids(false)' },
  { table: 'event_search', column: 'case_id', ids: 'advocase_team_case_ids(false)' },
] as const;

const upkeep = [
  'search_follows_clients()',
  'search_follows_coverages()',
  'search_follows_cases()',
  'search_follows_events()',
  'advocase_client_search_refresh(bigint[])',
  'advocase_case_search_refresh(bigint[])',
  'advocase_event_search_refresh(bigint[])',
];

export async function up(db: Kysely<unknown>): Promise<void> {
  const run = (statement: string) => sql.raw(statement).execute(db);
  const { rows } = await sql<{ schema: string; owner: string }>`
    SELECT current_schema() AS schema, current_user AS owner`.execute(db);
  const { schema, owner } = rows[0]!;

  // Every event's row gets its case (team init sees every row: 0145's owner maintenance).
  await run(`ALTER TABLE event_search ADD COLUMN case_id bigint`);
  await run(`UPDATE event_search s SET case_id = e.case_id FROM events e WHERE e.id = s.record_id`);
  await run(`ALTER TABLE event_search ALTER COLUMN case_id SET NOT NULL`);
  await run(`CREATE INDEX event_search_by_case ON event_search (case_id)`);
  await run(`CREATE OR REPLACE FUNCTION advocase_event_search_refresh(event_ids bigint[]) RETURNS void LANGUAGE sql AS $$
    DELETE FROM event_search WHERE record_id = ANY (event_ids);
    INSERT INTO event_search (record_id, case_id, vector)
    SELECT e.id, e.case_id, advocase_search_vector(e.summary, advocase_json_strings(e.details))
    FROM events e
    JOIN cases c ON c.id = e.case_id
    WHERE e.deleted_at IS NULL AND c.deleted_at IS NULL AND e.id = ANY (event_ids) $$`);

  for (const fn of upkeep) {
    await run(`ALTER FUNCTION ${fn} SECURITY DEFINER SET search_path = "${schema}", pg_temp`);
    await run(`REVOKE ALL ON FUNCTION ${fn} FROM PUBLIC`);
  }

  for (const { table, column, ids } of scopes) {
    await run(`REVOKE INSERT, UPDATE, DELETE ON ${table} FROM advocase_navigator, advocase_supervisor`);
    await run(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
    await run(`ALTER TABLE ${table} FORCE ROW LEVEL SECURITY`);
    await run(
      `CREATE POLICY team_read ON ${table} FOR SELECT TO advocase_navigator, advocase_viewer
         USING (${column} IN (SELECT ${ids}))`,
    );
    await run(
      `CREATE POLICY team_checks ON ${table} TO "${owner}" USING (${ownerPassage}) WITH CHECK (${ownerPassage})`,
    );
  }
  for (const table of [...scopes.map((scope) => scope.table), 'document_text']) {
    await run(`CREATE POLICY team_read_all ON ${table} FOR SELECT TO advocase_supervisor USING (true)`);
  }
}
