import { useQuery } from '@tanstack/react-query';
import type { TeamConnection } from '@shared/schemas/team';
import { callApi } from '../../lib/api';
import { queryKeys } from '../../lib/query-keys';

/**
 * Which store is open and, in team mode, the person's role. The screens use it only to leave out
 * what the database would refuse; the database still decides (docs/team-mode.md).
 */
export function useTeamConnection(): TeamConnection | undefined {
  return useQuery({
    queryKey: queryKeys.team.connection,
    queryFn: () => callApi('team.connection', {}),
    staleTime: Infinity,
  }).data;
}

/** Who hands cases over: a supervisor. An admin manages people and reads no case. */
export function canHandOverCases(connection: TeamConnection | undefined): boolean {
  return connection?.store === 'team' && connection.role === 'supervisor';
}

/** Who sees the Team page: supervisors (caseloads and hand-overs) and admins (the people). */
export function canSeeTeamPage(connection: TeamConnection | undefined): boolean {
  return connection?.store === 'team' && (connection.role === 'supervisor' || connection.role === 'admin');
}
