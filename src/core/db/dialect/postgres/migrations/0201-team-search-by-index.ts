import { sql, type Kysely } from 'kysely';

/**
 * Team mode only: a navigator's or viewer's search matches through the full-text indexes, as a
 * supervisor's does (issue #15; docs/performance.md, "A navigator's search in a team database").
 *
 * - Under 0198's policies their search could not use a search table's GIN index: a policy's
 *   condition is checked before the query's own, and `@@` is not leakproof, so PostgreSQL never
 *   matches through the index below a policy, and read every row they see, or every row of the
 *   table, testing each. Each search table now has a function that returns the rows matching a
 *   query among those the caller's own `team_read` policy lets them read, by the same
 *   `advocase_team_*_ids` function, so the rule is stated once. Only navigators and viewers may
 *   call it, and it returns nothing to anyone else: whoever calls it from psql gets no row their
 *   own SELECT would not. A supervisor reads the tables directly (their policy is simply true, so
 *   the index serves them already). The app ranks, orders and marks these rows as the table's.
 * - The functions run as `advocase_search`, a role no one logs in as or belongs to, whose policy
 *   on the search tables is simply true: as the owner they would be held to the owner's own
 *   policy (0145's passage, `session_user <> current_user …`), which is a condition like any
 *   other and keeps `@@` from the index as the navigators' does. The role reads the search tables
 *   and nothing else, and calls the `advocase_team_*_ids` functions, which run as the owner.
 * - Each is planned for the query it is given (`plan_cache_mode`): a rare word is best found
 *   through the index, a word in most of a navigator's records from their own rows, and a plan
 *   made once for any word would pick one for both.
 * - The `advocase_team_*_ids` functions compare a login with `session_user`, whose type (`name`)
 *   has the "C" collation, so an index on the login in the database's own collation was never used
 *   for it: every call read the whole assignment table (50,000 cases: 12–20 ms a call, several
 *   calls in each search and in every policy check of a read). The logins are indexed in "C" too.
 */

/** Each search table, its row's key, the column that ties it to what it belongs to, and to what. */
const searchTables = [
  { table: 'client_search', key: 'record_id', column: 'record_id', ids: 'advocase_team_client_ids(false)' },
  { table: 'case_search', key: 'record_id', column: 'record_id', ids: 'advocase_team_case_ids(false)' },
  { table: 'event_search', key: 'record_id', column: 'case_id', ids: 'advocase_team_case_ids(false)' },
  {
    table: 'document_text',
    key: 'document_id',
    column: 'document_id',
    ids: 'advocase_team_document_ids(false)',
  },
] as const;

/** The logins the `advocase_team_*_ids` functions look a person's rows up by. */
const loginIndexes = [
  {
    name: 'team_case_assignments_by_session_login',
    on: 'team_case_assignments (navigator_login COLLATE "C")',
  },
  {
    name: 'team_client_assignments_by_session_login',
    on: 'team_client_assignments (navigator_login COLLATE "C")',
  },
  { name: 'team_case_shares_by_session_login', on: 'team_case_shares (login COLLATE "C", ends_on)' },
  { name: 'team_row_creators_by_session_login', on: 'team_row_creators (login COLLATE "C", table_name)' },
] as const;

/** The role the search functions run as (see above). */
const matcher = 'advocase_search';

/** Roles are the server's: this one is made only when missing, as 0145's group roles are. */
async function createMatcher(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `DO $$ BEGIN
         IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${matcher}') THEN CREATE ROLE ${matcher} NOLOGIN; END IF;
       EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
       END $$`,
    )
    .execute(db);
}

/**
 * Makes `advocase_search` the owner of the functions. The owner may hand it a function only while
 * it may become the role and the role may create in the schema, and keeps neither right after: a
 * member of the role would read every search row through its policy.
 */
async function handToMatcher(
  db: Kysely<unknown>,
  functions: readonly string[],
  schema: string,
  owner: string,
): Promise<void> {
  const run = (statement: string) => sql.raw(statement).execute(db);
  const { rows } = await sql<{ version: number }>`
    SELECT current_setting('server_version_num')::int AS version`.execute(db);
  // PostgreSQL 16 split membership into its rights: here only becoming the role, not its privileges.
  const options = rows[0]!.version >= 160000 ? ' WITH INHERIT FALSE, SET TRUE' : '';
  await run(`GRANT ${matcher} TO "${owner}"${options}`);
  await run(`GRANT CREATE ON SCHEMA "${schema}" TO ${matcher}`);
  for (const fn of functions) await run(`ALTER FUNCTION ${fn} OWNER TO ${matcher}`);
  await run(`REVOKE CREATE ON SCHEMA "${schema}" FROM ${matcher}`);
  await run(`REVOKE ${matcher} FROM "${owner}"`);
}

export async function up(db: Kysely<unknown>): Promise<void> {
  const run = (statement: string) => sql.raw(statement).execute(db);
  const { rows } = await sql<{ schema: string; owner: string }>`
    SELECT current_schema() AS schema, current_user AS owner`.execute(db);
  const { schema, owner } = rows[0]!;

  for (const { name, on } of loginIndexes) await run(`CREATE INDEX ${name} ON ${on}`);
  await createMatcher(db);

  const functions: string[] = [];
  for (const { table, key, column, ids } of searchTables) {
    const fn = `advocase_team_${table}_matches(query tsquery)`;
    await run(
      `CREATE FUNCTION ${fn} RETURNS TABLE (${key} bigint, vector tsvector)
         LANGUAGE plpgsql STABLE SECURITY DEFINER
         SET search_path = "${schema}", pg_temp SET plan_cache_mode = force_custom_plan
       AS $fn$ BEGIN
         RETURN QUERY SELECT s.${key}, s.vector FROM ${table} s
           WHERE s.vector @@ query AND s.${column} IN (SELECT ${ids});
       END $fn$`,
    );
    await run(`REVOKE ALL ON FUNCTION ${fn} FROM PUBLIC`);
    await run(`GRANT EXECUTE ON FUNCTION ${fn} TO advocase_navigator, advocase_viewer`);
    await run(`GRANT SELECT ON ${table} TO ${matcher}`);
    await run(`CREATE POLICY team_search_matches ON ${table} FOR SELECT TO ${matcher} USING (true)`);
    functions.push(fn);
  }
  await run(`GRANT USAGE ON SCHEMA "${schema}" TO ${matcher}`);
  await run(
    `GRANT EXECUTE ON FUNCTION advocase_team_client_ids(boolean), advocase_team_case_ids(boolean, bigint),
       advocase_team_document_ids(boolean) TO ${matcher}`,
  );
  await handToMatcher(db, functions, schema, owner);
}
