import { useSyncExternalStore } from 'react';

let isAway = false;
const listeners = new Set<() => void>();

/**
 * Whether the team database can be reached, as the last answers said (docs/team-mode.md, "When
 * the server is away"): a call refused with SERVER_UNREACHABLE, or the live loop hearing that the
 * connection is lost, says it is away; any call answered, or the live loop hearing it is back, says
 * it is back. The local store is never away.
 */
export function setTeamDatabaseAway(away: boolean): void {
  if (away === isAway) return;
  isAway = away;
  listeners.forEach((listener) => listener());
}

export function useTeamDatabaseAway(): boolean {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => isAway,
  );
}
