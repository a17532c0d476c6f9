import type { HandlersOf } from '../../../shared/contract';
import { testTeamConnection } from '../../team/team-connection';
import type { HandlerContext } from './handler-context';

export function teamHandlers({ session }: HandlerContext): HandlersOf<'team'> {
  return {
    'team.connection': () => session.teamConnection(),
    'team.testConnection': (input) => testTeamConnection(input),
    'team.join': (input) => session.joinTeam(input),
    'team.reconnect': async () => {
      await session.connectTeamDatabase();
      return session.teamConnection();
    },
    'team.leave': () => session.leaveTeam(),
  };
}
