import { sql, type Kysely } from 'kysely';
import { ownerPassage } from './0145-team-members-and-row-security';

/**
 * Team mode only: Outcomes' decisions counted per month (0205's `outcome_decision_months`) are
 * read only by a supervisor, who sees every case, as 0169 does for the kept event rows they are
 * counted from: granted to every reader they would show a navigator the decisions of cases they
 * do not see. A navigator's or viewer's Outcomes is counted from the rows they see instead
 * (src/core/outcomes/decision-figures.ts). Its trigger runs as the table's owner (SECURITY
 * DEFINER), as the kept rows' own do, and its row policies are forced (0145).
 */
const upkeep = 'outcome_decision_months_follow_facts';

export async function up(db: Kysely<unknown>): Promise<void> {
  const run = (statement: string) => sql.raw(statement).execute(db);
  const { rows } = await sql<{ schema: string; owner: string }>`
    SELECT current_schema() AS schema, current_user AS owner`.execute(db);
  await run(`ALTER FUNCTION ${upkeep}() SECURITY DEFINER SET search_path = "${rows[0]!.schema}", pg_temp`);
  await run(`REVOKE ALL ON FUNCTION ${upkeep}() FROM PUBLIC`);
  await run(
    `REVOKE ALL ON outcome_decision_months FROM advocase_navigator, advocase_supervisor, advocase_viewer, advocase_admin`,
  );
  await run(`GRANT SELECT ON outcome_decision_months TO advocase_supervisor`);
  await run(`ALTER TABLE outcome_decision_months ENABLE ROW LEVEL SECURITY`);
  await run(`ALTER TABLE outcome_decision_months FORCE ROW LEVEL SECURITY`);
  await run(
    `CREATE POLICY team_read_all ON outcome_decision_months FOR SELECT TO advocase_supervisor USING (true)`,
  );
  await run(
    `CREATE POLICY team_checks ON outcome_decision_months TO "${rows[0]!.owner}" USING (${ownerPassage}) WITH CHECK (${ownerPassage})`,
  );
}
