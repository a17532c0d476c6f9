import { sql, type Kysely } from 'kysely';

/**
 * Moving in (docs/team-mode.md, "Moving in"), PostgreSQL only: each local store moved into the
 * team database by `advocase team import-local` leaves a row here, named by its fingerprint (the
 * hash of its audit log's first entry, which no later change alters), so that moving the same
 * store twice is refused instead of doubling its clients. Who moved it and what moved, in counts
 * only: no client's data. A person reads their own rows; a supervisor, everyone's.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const run = (statement: string) => sql.raw(statement).execute(db);
  await run(`
    CREATE TABLE team_local_imports (
      source_fingerprint text PRIMARY KEY,
      login text NOT NULL DEFAULT session_user,
      imported_at timestamptz NOT NULL DEFAULT now(),
      counts jsonb NOT NULL
    )`);
  await run(`GRANT SELECT, INSERT ON team_local_imports TO advocase_navigator, advocase_supervisor`);
  await run(`ALTER TABLE team_local_imports ENABLE ROW LEVEL SECURITY`);
  await run(
    `CREATE POLICY team_read ON team_local_imports FOR SELECT
     USING (login = session_user::text OR advocase_team_session_role() = 'supervisor')`,
  );
  await run(
    `CREATE POLICY team_insert ON team_local_imports FOR INSERT WITH CHECK (login = session_user::text)`,
  );
}
