import { sql, type Kysely } from 'kysely';

/**
 * In a team database the case's advocate is the person it is assigned to (docs/team-mode.md,
 * "Handing cases over from the app"). The caseload's Advocate column and filter, and Outcomes'
 * advocate filter, read `cases.assigned_advocate`; the policies read `team_case_assignments`.
 * This keeps the first equal to the second's full name, whoever assigns and with whatever
 * program (the app, `advocase team assign|reassign`, psql), so a supervisor's "Jordan Rivera's
 * open cases" on the Team page and the caseload filtered by Jordan Rivera are the same cases.
 *
 * A navigator's new case is assigned to them by the case's insert guard (0145): it is named as it
 * is inserted, so making a case is one write (one version, one audit entry), as before. Any later
 * assignment names the case through a constraint trigger deferred to the commit (the assignment
 * of a case being inserted comes before its row). Both run as the owner (SECURITY DEFINER), so
 * an admin who reassigns people's cases without reading any still names them.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const { rows } = await sql<{ schema: string }>`SELECT current_schema() AS schema`.execute(db);
  await sql
    .raw(
      `CREATE FUNCTION advocase_team_name_assignee() RETURNS trigger LANGUAGE plpgsql
       SECURITY DEFINER SET search_path = "${rows[0]!.schema}", pg_temp AS $fn$
       BEGIN
         UPDATE cases SET assigned_advocate = m.full_name
           FROM team_members m, team_case_assignments a
           WHERE cases.id = NEW.case_id AND a.case_id = NEW.case_id AND m.login = a.navigator_login
             AND cases.assigned_advocate IS DISTINCT FROM m.full_name;
         RETURN NULL;
       END $fn$`,
    )
    .execute(db);
  await sql
    .raw(
      `CREATE FUNCTION advocase_team_name_new_case() RETURNS trigger LANGUAGE plpgsql
       SECURITY DEFINER SET search_path = "${rows[0]!.schema}", pg_temp AS $fn$
       BEGIN
         IF advocase_team_session_role() = 'navigator' THEN
           NEW.assigned_advocate := (SELECT full_name FROM team_members WHERE login = session_user);
         END IF;
         RETURN NEW;
       END $fn$`,
    )
    .execute(db);
  for (const fn of ['advocase_team_name_assignee()', 'advocase_team_name_new_case()']) {
    await sql.raw(`REVOKE ALL ON FUNCTION ${fn} FROM PUBLIC`).execute(db);
  }
  await sql`
    CREATE TRIGGER cases_team_name_new_case BEFORE INSERT ON cases
      FOR EACH ROW EXECUTE FUNCTION advocase_team_name_new_case()`.execute(db);
  await sql`
    CREATE CONSTRAINT TRIGGER team_case_assignments_team_name_assignee
      AFTER INSERT OR UPDATE OF navigator_login ON team_case_assignments
      DEFERRABLE INITIALLY DEFERRED
      FOR EACH ROW EXECUTE FUNCTION advocase_team_name_assignee()`.execute(db);
  // Cases assigned before this step: the owner's maintenance connection sees every row (0145).
  await sql`
    UPDATE cases SET assigned_advocate = m.full_name
      FROM team_case_assignments a JOIN team_members m ON m.login = a.navigator_login
      WHERE a.case_id = cases.id AND cases.assigned_advocate IS DISTINCT FROM m.full_name`.execute(db);
}
