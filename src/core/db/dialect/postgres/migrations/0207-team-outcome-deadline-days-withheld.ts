import { sql, type Kysely } from 'kysely';
import { ownerPassage } from './0145-team-members-and-row-security';

/**
 * Team mode only: Outcomes' deadlines counted per due day (0207's `outcome_deadline_days`) are
 * read only by a supervisor, who sees every case, as 0205's step does for the decisions counted per
 * month: granted to every reader they would show a navigator the deadlines of cases they do not
 * see. A navigator's or viewer's Outcomes is judged from the deadlines they see instead
 * (src/core/outcomes/deadline-figures.ts). Its triggers already run as the table's owner (0207),
 * and its row policies are forced (0145).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const run = (statement: string) => sql.raw(statement).execute(db);
  const { rows } = await sql<{ owner: string }>`SELECT current_user AS owner`.execute(db);
  await run(
    `REVOKE ALL ON outcome_deadline_days FROM advocase_navigator, advocase_supervisor, advocase_viewer, advocase_admin`,
  );
  await run(`GRANT SELECT ON outcome_deadline_days TO advocase_supervisor`);
  await run(`ALTER TABLE outcome_deadline_days ENABLE ROW LEVEL SECURITY`);
  await run(`ALTER TABLE outcome_deadline_days FORCE ROW LEVEL SECURITY`);
  await run(
    `CREATE POLICY team_read_all ON outcome_deadline_days FOR SELECT TO advocase_supervisor USING (true)`,
  );
  await run(
    `CREATE POLICY team_checks ON outcome_deadline_days TO "${rows[0]!.owner}" USING (${ownerPassage}) WITH CHECK (${ownerPassage})`,
  );
}
