import { sql, type Kysely } from 'kysely';

/**
 * Team mode only (src/core/team/team-only-schema.ts). Who holds a case (its navigator, and the
 * people it is shared with through a day) is read by whoever reads the case: the case page's
 * "Who holds this case" line shows a navigator that their case is shared with the attorney, and a
 * viewer who else works on it (docs/team-mode.md, "Handing cases over from the app"). 0145 let a
 * navigator or viewer read only their own assignments and shares, so the line said "Shared with no
 * one" to the very navigator whose client's case an attorney was reading.
 *
 * Names and roles are already the whole team's to read (0145); a case someone cannot read stays
 * as hidden as before, holders included (`advocase_team_case_ids`, the same check every case
 * policy makes, runs as the owner and so reads these tables without this policy).
 */
const holderTables = [
  ['team_case_assignments', 'navigator_login'],
  ['team_case_shares', 'login'],
] as const;

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const [table, column] of holderTables) {
    await sql.raw(`DROP POLICY team_read ON ${table}`).execute(db);
    await sql
      .raw(
        `CREATE POLICY team_read ON ${table} FOR SELECT USING (
           ${column} = session_user::text
           OR advocase_team_session_role() IN ('supervisor', 'admin')
           OR case_id IN (SELECT advocase_team_case_ids(false)))`,
      )
      .execute(db);
  }
}
