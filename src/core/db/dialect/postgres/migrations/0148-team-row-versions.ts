import { sql, type Kysely } from 'kysely';

/**
 * No lost updates (docs/team-mode.md, "Two people editing at once"): each editable record (case,
 * client, coverage) has a version that a trigger moves on every change, made by the app or any
 * SQL client, with who made it and when. A save that read version 3 and finds 4 is refused and
 * told who changed it (since 0155, `src/core/record-versions/`).
 *
 * Versions are kept beside the records, as assignments are, rather than as a column of theirs:
 * the records stay exactly as both chains define them. A record with no row here has never been
 * changed in team mode: version 0. Only ids, a login and a time are kept, like the change
 * announcements, so everyone on the team may read them.
 */
const versionedTables = ['cases', 'clients', 'coverages'];

export async function up(db: Kysely<unknown>): Promise<void> {
  const { rows } = await sql<{ schema: string }>`SELECT current_schema() AS schema`.execute(db);
  await sql`
    CREATE TABLE team_row_versions (
      table_name text NOT NULL,
      row_id bigint NOT NULL,
      version bigint NOT NULL,
      changed_by text NOT NULL,
      changed_at timestamptz NOT NULL,
      PRIMARY KEY (table_name, row_id)
    )`.execute(db);
  await sql
    .raw(
      `CREATE FUNCTION advocase_team_bump_version() RETURNS trigger LANGUAGE plpgsql
       SECURITY DEFINER SET search_path = "${rows[0]!.schema}", pg_temp AS $fn$
       BEGIN
         IF TG_OP = 'DELETE' THEN
           DELETE FROM team_row_versions WHERE table_name = TG_TABLE_NAME AND row_id = OLD.id;
         ELSE
           INSERT INTO team_row_versions (table_name, row_id, version, changed_by, changed_at)
           VALUES (TG_TABLE_NAME, NEW.id, 1, session_user, clock_timestamp())
           ON CONFLICT (table_name, row_id) DO UPDATE SET version = team_row_versions.version + 1,
             changed_by = excluded.changed_by, changed_at = excluded.changed_at;
         END IF;
         RETURN NULL;
       END $fn$`,
    )
    .execute(db);
  await sql`REVOKE ALL ON FUNCTION advocase_team_bump_version() FROM PUBLIC`.execute(db);
  for (const table of versionedTables) {
    await sql
      .raw(
        `CREATE TRIGGER ${table}_team_version AFTER INSERT OR UPDATE OR DELETE ON ${table}
         FOR EACH ROW EXECUTE FUNCTION advocase_team_bump_version()`,
      )
      .execute(db);
  }
  await sql`GRANT SELECT ON team_row_versions TO advocase_navigator, advocase_supervisor, advocase_viewer, advocase_admin`.execute(
    db,
  );
}
