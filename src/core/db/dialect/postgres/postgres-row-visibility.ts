import { sql } from 'kysely';
import type { RowVisibility } from '../row-visibility';

/**
 * A role that bypasses row security (a superuser, the tests' connection), a table without it, or a
 * supervisor, whose policies admit every case (0145-team-members-and-row-security.ts). The app's
 * connection reads a boolean as 1 or 0, as SQLite answers (open-postgres-connection.ts).
 */
export const postgresRowVisibility: RowVisibility = {
  seesEveryCase: async (db) => {
    const { rows } = await sql<{ sees_every_case: number }>`
      SELECT (SELECT rolsuper OR rolbypassrls FROM pg_roles WHERE rolname = current_user)
        OR NOT (SELECT relrowsecurity FROM pg_class WHERE oid = 'cases'::regclass)
        OR coalesce(advocase_team_session_role() = 'supervisor', false) AS sees_every_case`.execute(db);
    return rows[0]?.sees_every_case === 1;
  },
  // The viewer's group role has no right to change a row (0145-team-members-and-row-security.ts).
  changesNothing: async (db) => {
    const { rows } = await sql<{ changes_nothing: number }>`
      SELECT coalesce(advocase_team_session_role() = 'viewer', false) AS changes_nothing`.execute(db);
    return rows[0]?.changes_nothing === 1;
  },
};
