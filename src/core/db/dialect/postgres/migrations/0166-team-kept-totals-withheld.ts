import { sql, type Kysely } from 'kysely';

/**
 * Team mode only: the totals kept for the whole team are no navigator's or viewer's to read. The
 * caseload's stage counts (0101's `caseload_stage_counts`), its change generation (0103's
 * `caseload_changes`) and the reminder summary's open dates per day (0160's
 * `reminder_day_counts`) hold no row of a case, so 0145's policies, which follow the column that
 * ties a row to its case, do not cover them; granted to every reader, they told a navigator how many
 * cases the whole team has in each stage. A navigator's or viewer's counts are counted from the rows
 * they see instead (caseload-query-service.ts, reminder-counts.ts), so they need none of these.
 *
 * The triggers that keep the first two ran as whoever wrote, so a navigator's write needed rights
 * on them; they now run as the tables' owner (SECURITY DEFINER), as 0160's already do, and no
 * group role writes them directly. A supervisor sees every case, and reads the kept totals; 0160
 * granted its table to no one, so a supervisor's reminder summary could not read it until now.
 */
const keptTotals = ['caseload_stage_counts', 'caseload_changes', 'reminder_day_counts'];
const upkeep = ['caseload_stage_counts_follow_entries', 'caseload_changes_follow_entries'];

export async function up(db: Kysely<unknown>): Promise<void> {
  const run = (statement: string) => sql.raw(statement).execute(db);
  const { rows } = await sql<{ schema: string }>`SELECT current_schema() AS schema`.execute(db);
  for (const name of upkeep) {
    await run(`ALTER FUNCTION ${name}() SECURITY DEFINER SET search_path = "${rows[0]!.schema}", pg_temp`);
    await run(`REVOKE ALL ON FUNCTION ${name}() FROM PUBLIC`);
  }
  for (const table of keptTotals) {
    await run(
      `REVOKE ALL ON ${table} FROM advocase_navigator, advocase_supervisor, advocase_viewer, advocase_admin`,
    );
    await run(`GRANT SELECT ON ${table} TO advocase_supervisor`);
  }
}
