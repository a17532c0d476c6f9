import { sql, type Kysely } from 'kysely';

/**
 * Team mode only: a viewer (an attorney, a funder's liaison) exports the summaries of the cases
 * shared with them (docs/team-mode.md), and every export is recorded in the audit log as an access
 * (docs/security.md §5; HIPAA 164.312(b)). 0145 let only those who may change records insert into
 * `audit_log`, so a viewer's export was refused. A viewer may now add exactly that: an access entry
 * in their own name, and nothing else (no edit of any record, no entry for someone else); they
 * already read their own entries (0145's `team_read`).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const run = (statement: string) => sql.raw(statement).execute(db);
  await run(`GRANT INSERT ON audit_log TO advocase_viewer`);
  const { rows } = await sql<{ sequence: string | null }>`
    SELECT pg_get_serial_sequence('audit_log', 'id') AS sequence`.execute(db);
  if (rows[0]?.sequence) await run(`GRANT USAGE ON SEQUENCE ${rows[0].sequence} TO advocase_viewer`);
  await run(
    `CREATE POLICY team_viewer_records_access ON audit_log FOR INSERT TO advocase_viewer
       WITH CHECK (actor = session_user::text AND action = 'access' AND table_name = 'access')`,
  );
}
