import { useEffect } from 'react';
import type { LiveChangesOutput } from '@shared/schemas/live';
import { callApi } from '../lib/api';
import { queryKeysTouchedBy } from '../lib/live-change-keys';
import { queryKeys } from '../lib/query-keys';
import { setTeamDatabaseAway } from '../lib/team-database-reachability';
import { queryClient, refreshQueries } from './query-client';

/** Waits after a failed ask (the app itself not answering): 1 s, doubling, at most 30 s. */
function backoffMs(failures: number): number {
  return Math.min(1_000 * 2 ** (failures - 1), 30_000);
}

/** Re-reads everything on screen but the session's own state: changes may have been missed. */
export function refreshEverything(): Promise<void> {
  return queryClient.invalidateQueries({
    predicate: (query) => query.queryKey[0] !== queryKeys.session.all[0],
  });
}

/**
 * One loop per open workspace that asks the core for what other copies changed on the team
 * database (`live.changes`, a long poll: the core answers at once when there is something, else
 * after a while) and refreshes exactly the reads each change touches (docs/team-mode.md, "Live").
 * It also carries whether the database can be reached, for the banner. On the local store the
 * first answer says nothing is live and the loop ends.
 */
export function useLiveChanges(): void {
  useEffect(() => {
    let isStopped = false;
    void (async () => {
      let last: LiveChangesOutput | null = null;
      let failures = 0;
      while (!isStopped) {
        let answer: LiveChangesOutput;
        try {
          answer = await callApi(
            'live.changes',
            last ? { stream: last.stream, after: last.cursor, reachable: last.reachable } : {},
          );
        } catch {
          failures += 1;
          await new Promise((resolve) => window.setTimeout(resolve, backoffMs(failures)));
          continue;
        }
        failures = 0;
        if (!answer.live || isStopped) return;
        setTeamDatabaseAway(!answer.reachable);
        // Not awaited: a read that has to wait for the server must not hold up hearing that it is back.
        if (last && answer.everything) void refreshEverything();
        else void refreshQueries(...answer.changes.flatMap(queryKeysTouchedBy));
        last = answer;
      }
    })();
    return () => {
      isStopped = true;
    };
  }, []);
}
