import type { TeamConnection } from '../schemas/team';

/**
 * The window's title, which always says which store is open (a team database's name and the
 * login, or this computer), so no one types a client's details into the wrong one.
 */
export function storeWindowTitle(connection: TeamConnection): string {
  return connection.store === 'team'
    ? `Advocase — Team: ${connection.database} (${connection.login})`
    : 'Advocase — this computer';
}
