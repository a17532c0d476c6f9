import { sql, type Kysely } from 'kysely';

/**
 * Team mode only (src/core/team/team-only-schema.ts). Since 0150 both stores keep record versions
 * in one table, `record_versions`, so saves check them with one piece of code on either store;
 * 0148's team-only `team_row_versions` did the same job for team databases alone. This step
 * carries its versions over (a form opened before the upgrade still finds the version it saw),
 * removes it and its trigger, and lets everyone on the team read the versions: only ids, a login
 * and a time, like the change announcements.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    INSERT INTO record_versions (table_name, row_id, version, changed_by, changed_at)
    SELECT table_name, row_id, version, changed_by,
           to_char(changed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
    FROM team_row_versions
    ON CONFLICT (table_name, row_id) DO UPDATE SET version = excluded.version,
      changed_by = excluded.changed_by, changed_at = excluded.changed_at`.execute(db);
  for (const table of ['cases', 'clients', 'coverages']) {
    await sql.raw(`DROP TRIGGER ${table}_team_version ON ${table}`).execute(db);
  }
  await sql`DROP FUNCTION advocase_team_bump_version()`.execute(db);
  await sql`DROP TABLE team_row_versions`.execute(db);
  await sql`GRANT SELECT ON record_versions TO advocase_navigator, advocase_supervisor, advocase_viewer, advocase_admin`.execute(
    db,
  );
}
