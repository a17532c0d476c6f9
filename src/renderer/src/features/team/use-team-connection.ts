import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { TeamConnection } from '@shared/schemas/team';
import { storeWindowTitle } from '@shared/domain/store-title';
import { isRecordQuery, queryClient } from '../../app/query-client';
import { callApi } from '../../lib/api';
import { queryKeys } from '../../lib/query-keys';

/** Which store this copy opens; answered while locked too (no record is in it). */
export function useTeamConnection() {
  return useQuery({
    queryKey: queryKeys.team.connection,
    queryFn: () => callApi('team.connection', {}),
  });
}

/** Keeps the window's title (the desktop app's title bar, the harness's tab) naming the open store. */
export function useStoreInWindowTitle(): void {
  const connection = useTeamConnection().data;
  useEffect(() => {
    if (connection) document.title = storeWindowTitle(connection);
  }, [connection]);
}

/**
 * After joining or leaving: every record on screen came from the other store, so each is dropped
 * and asked again of the store now open; the session's state is asked again too.
 */
export function showSwitchedStore(connection: TeamConnection): void {
  queryClient.setQueryData(queryKeys.team.connection, connection);
  void queryClient.resetQueries({ predicate: isRecordQuery });
  void queryClient.invalidateQueries({ queryKey: queryKeys.session.status });
}

/** Who hands cases over: a supervisor. An admin manages people and reads no case. */
export function canHandOverCases(connection: TeamConnection | undefined): boolean {
  return connection?.store === 'team' && connection.role === 'supervisor';
}

/** Who sees the Team page: supervisors (caseloads and hand-overs) and admins (the people). */
export function canSeeTeamPage(connection: TeamConnection | undefined): boolean {
  return connection?.store === 'team' && (connection.role === 'supervisor' || connection.role === 'admin');
}

/**
 * Who may change records: everyone but a team's viewer, who reads the cases shared with them and
 * exports their summaries (docs/team-mode.md, "Who sees what"). The database refuses a viewer's
 * change anyway; this keeps the screen from offering one. While the store is not known yet, no
 * editor is offered, so a viewer never sees one flash by.
 */
export function canEditRecords(connection: TeamConnection | undefined): boolean {
  return connection !== undefined && !(connection.store === 'team' && connection.role === 'viewer');
}

/** {@link canEditRecords} for the store open now, for a screen deciding which controls to show. */
export function useCanEditRecords(): boolean {
  return canEditRecords(useTeamConnection().data);
}
