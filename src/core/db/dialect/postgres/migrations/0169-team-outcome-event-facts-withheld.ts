import { sql, type Kysely } from 'kysely';
import { ownerPassage } from './0145-team-members-and-row-security';

/**
 * Team mode only: Outcomes' kept rows of the timeline (0168's `outcome_event_facts`) are read
 * only by a supervisor, who sees every case, as 0166 does for the caseload's kept totals. Created
 * after 0145, the table has none of its row policies, so granted to every reader it would show a
 * navigator the payer decisions of cases they do not see; a navigator's or viewer's Outcomes is
 * counted from the rows they see instead (src/core/outcomes/outcome-events.ts). Its triggers run
 * as the table's owner (SECURITY DEFINER), so a navigator's write keeps the rows whole without any
 * right on the table. Like every table whose rows name a case, its row policies are forced, so the
 * owner's own connection reads none of it outside maintenance (0145).
 */
const upkeep = ['outcome_event_facts_follow_events', 'outcome_event_facts_follow_entries'];

export async function up(db: Kysely<unknown>): Promise<void> {
  const run = (statement: string) => sql.raw(statement).execute(db);
  const { rows } = await sql<{ schema: string; owner: string }>`
    SELECT current_schema() AS schema, current_user AS owner`.execute(db);
  for (const name of upkeep) {
    await run(`ALTER FUNCTION ${name}() SECURITY DEFINER SET search_path = "${rows[0]!.schema}", pg_temp`);
    await run(`REVOKE ALL ON FUNCTION ${name}() FROM PUBLIC`);
  }
  await run(
    `REVOKE ALL ON outcome_event_facts FROM advocase_navigator, advocase_supervisor, advocase_viewer, advocase_admin`,
  );
  await run(`GRANT SELECT ON outcome_event_facts TO advocase_supervisor`);
  await run(`ALTER TABLE outcome_event_facts ENABLE ROW LEVEL SECURITY`);
  await run(`ALTER TABLE outcome_event_facts FORCE ROW LEVEL SECURITY`);
  await run(
    `CREATE POLICY team_read_all ON outcome_event_facts FOR SELECT TO advocase_supervisor USING (true)`,
  );
  await run(
    `CREATE POLICY team_checks ON outcome_event_facts TO "${rows[0]!.owner}" USING (${ownerPassage}) WITH CHECK (${ownerPassage})`,
  );
}
