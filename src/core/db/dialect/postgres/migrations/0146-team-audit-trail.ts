import { sql, type Kysely } from 'kysely';

/**
 * The team's audit trail, written by the database (docs/team-mode.md, "The audit trail"): a
 * trigger on every table that holds a client's data, and on the team's own tables, appends who
 * really made the change (their login, `session_user`, and full name) whatever client they used,
 * the app or any SQL tool.
 *
 * Entries are chained exactly as the local audit log's (`src/core/db/audit-chain.ts`): the same
 * SHA-256 over the same JSON arrays, built here with `to_json` (which escapes as JSON.stringify
 * does) and joined without spaces, so the app's chain verifier checks either log. Ids run without
 * gaps, as the verifier expects: they come from the one-row `team_audit_head` rather than a
 * sequence (a sequence keeps the numbers a rolled-back change took). Locking that row links each
 * entry to the one before it; the lock is held to the end of the writing transaction, so changes
 * are recorded one after another, in the order they commit.
 */

async function auditedTables(db: Kysely<unknown>): Promise<string[]> {
  // Tables whose rows have an id and that 0145 holds to row-level security: the client's data.
  const { rows } = await sql<{ table: string }>`
    SELECT c.relname AS "table" FROM pg_class c
    WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind = 'r' AND c.relforcerowsecurity
      AND c.relname NOT IN ('audit_log', 'edit_groups')
      AND EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'id' AND NOT a.attisdropped)
    ORDER BY c.relname`.execute(db);
  return [
    ...rows.map((row) => row.table),
    'team_members',
    'team_case_assignments',
    'team_client_assignments',
    'team_case_shares',
  ];
}

export async function up(db: Kysely<unknown>): Promise<void> {
  const { rows } = await sql<{ schema: string }>`SELECT current_schema() AS schema`.execute(db);
  const definer = `SECURITY DEFINER SET search_path = "${rows[0]!.schema}", pg_temp`;
  // The local audit log's columns, with the same names (the verifier reads either), plus the person.
  await sql`
    CREATE TABLE team_audit_log (
      id bigint PRIMARY KEY,
      actor text NOT NULL,
      full_name text,
      at text NOT NULL,
      table_name text NOT NULL,
      row_id bigint NOT NULL,
      action text NOT NULL,
      before text,
      after text,
      content_salt text,
      content_hash text NOT NULL,
      entry_hash text NOT NULL
    )`.execute(db);
  await sql`CREATE INDEX team_audit_log_by_row ON team_audit_log (table_name, row_id)`.execute(db);
  await sql`
    CREATE TABLE team_audit_head (
      only_row boolean PRIMARY KEY DEFAULT true CHECK (only_row),
      last_id bigint NOT NULL,
      last_hash text
    )`.execute(db);
  await sql`INSERT INTO team_audit_head (last_id, last_hash) VALUES (0, NULL)`.execute(db);

  // JSON.stringify of an array of these values: strings through to_json, a number as it is, no spaces.
  await sql
    .raw(
      `CREATE FUNCTION advocase_team_sha256_of_json_array(VARIADIC parts text[]) RETURNS text
       LANGUAGE sql IMMUTABLE AS $fn$
         SELECT encode(sha256(convert_to('[' || array_to_string(parts, ',') || ']', 'UTF8')), 'hex')
       $fn$`,
    )
    .execute(db);
  await sql
    .raw(
      `CREATE FUNCTION advocase_team_audit() RETURNS trigger LANGUAGE plpgsql ${definer} AS $fn$
       DECLARE
         head team_audit_head%ROWTYPE;
         written jsonb := to_jsonb(coalesce(NEW, OLD));
         before_text text := CASE WHEN TG_OP = 'INSERT' THEN NULL ELSE row_to_json(OLD)::text END;
         after_text text := CASE WHEN TG_OP = 'DELETE' THEN NULL ELSE row_to_json(NEW)::text END;
         row_key bigint := coalesce(written->>'id', written->>'case_id', written->>'client_id', '0')::bigint;
         actor text := session_user::text;
         at text := to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"');
         action text := lower(TG_OP);
         salt text := replace(gen_random_uuid()::text, '-', '');
         content_hash text;
         entry_hash text;
       BEGIN
         SELECT * INTO head FROM team_audit_head FOR UPDATE;
         content_hash := advocase_team_sha256_of_json_array(
           to_json('advocase-audit-content/v1'::text)::text, to_json(salt)::text,
           coalesce(to_json(before_text)::text, 'null'), coalesce(to_json(after_text)::text, 'null'));
         entry_hash := advocase_team_sha256_of_json_array(
           to_json('advocase-audit-entry/v1'::text)::text, to_json(coalesce(head.last_hash, ''))::text,
           to_json(actor)::text, to_json(at)::text, to_json(TG_TABLE_NAME::text)::text, row_key::text,
           to_json(action)::text, to_json(content_hash)::text);
         INSERT INTO team_audit_log
           (id, actor, full_name, at, table_name, row_id, action, before, after, content_salt, content_hash, entry_hash)
         VALUES (head.last_id + 1, actor, (SELECT full_name FROM team_members WHERE login = actor), at,
           TG_TABLE_NAME, row_key, action, before_text, after_text, salt, content_hash, entry_hash);
         UPDATE team_audit_head SET last_id = head.last_id + 1, last_hash = entry_hash;
         RETURN NULL;
       END $fn$`,
    )
    .execute(db);
  await sql`REVOKE ALL ON FUNCTION advocase_team_audit() FROM PUBLIC`.execute(db);
  for (const table of await auditedTables(db)) {
    await sql
      .raw(
        `CREATE TRIGGER ${table}_team_audit AFTER INSERT OR UPDATE OR DELETE ON ${table}
         FOR EACH ROW EXECUTE FUNCTION advocase_team_audit()`,
      )
      .execute(db);
  }
  // Supervisors read the trail (it holds the records' content, so admins, who manage people and
  // see no client's data, do not); no one but the trigger writes it. The owner reaches it only
  // from inside a trigger or for maintenance, as with the client tables (0145's ownerPassage).
  await sql`GRANT SELECT ON team_audit_log, team_audit_head TO advocase_supervisor`.execute(db);
  const { rows: ownerRows } = await sql<{ owner: string }>`SELECT current_user AS owner`.execute(db);
  const ownerWay = `pg_trigger_depth() > 0 OR current_setting('advocase.owner_maintenance', true) = 'on'`;
  for (const table of ['team_audit_log', 'team_audit_head']) {
    await sql.raw(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`).execute(db);
    await sql.raw(`ALTER TABLE ${table} FORCE ROW LEVEL SECURITY`).execute(db);
    await sql
      .raw(
        `CREATE POLICY team_read ON ${table} FOR SELECT TO advocase_supervisor USING (advocase_team_session_role() = 'supervisor')`,
      )
      .execute(db);
    await sql
      .raw(
        `CREATE POLICY team_trigger ON ${table} TO "${ownerRows[0]!.owner}" USING (${ownerWay}) WITH CHECK (${ownerWay})`,
      )
      .execute(db);
  }
}
