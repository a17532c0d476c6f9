import { sql } from 'kysely';
import type { HandlersOf } from '../../../shared/contract';
import type { TeamRole } from '../../team/team-roles';
import type { HandlerContext } from './handler-context';

export function teamHandlers({ session }: HandlerContext): HandlersOf<'team'> {
  return {
    'team.connection': async () => {
      if (session.storeKind !== 'team') return { store: 'local' };
      return session.useStore(async ({ db }) => {
        const { rows } = await sql<{
          server: string;
          database: string;
          login: string;
          full_name: string | null;
          role: TeamRole | null;
        }>`
          SELECT coalesce(host(inet_server_addr()), 'localhost') || ':' || coalesce(inet_server_port(), 5432) AS server,
                 current_database() AS database, session_user::text AS login,
                 (SELECT full_name FROM team_members WHERE login = session_user) AS full_name,
                 advocase_team_session_role() AS role`.execute(db);
        const me = rows[0]!;
        return {
          store: 'team',
          server: me.server,
          database: me.database,
          login: me.login,
          fullName: me.full_name,
          // The owner's own connection is on no team: it sees what a viewer of nothing would.
          role: me.role ?? 'viewer',
        };
      });
    },
  };
}
