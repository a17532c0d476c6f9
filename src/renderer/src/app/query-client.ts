import { QueryClient, type Query, type QueryKey } from '@tanstack/react-query';
import { ApiCallError } from '../lib/api-call-error';
import { queryKeys } from '../lib/query-keys';
import { removeTextOutsideApp } from '../lib/remove-text-outside-app';

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // The data is local: no need to refetch on focus, and a locked store must not be retried.
      // A read of a team database that could not be reached is, with React Query's growing waits
      // (1 s, 2 s, 4 s…): reading changes nothing, and the live loop re-reads all once it is back.
      refetchOnWindowFocus: false,
      retry: (failureCount, error) =>
        error instanceof ApiCallError
          ? error.code === 'SERVER_UNREACHABLE' && failureCount < 5
          : failureCount < 2,
    },
  },
});

/** Whether a query holds records of the open store: anything but the session's state and which store is open. */
export function isRecordQuery(query: Query): boolean {
  return query.queryKey[0] !== queryKeys.session.all[0] && query.queryKey[0] !== queryKeys.team.all[0];
}

/**
 * Drops every cached record (names, cases) so nothing of a locked session stays in memory or on the
 * page. The session's state and which store is open (a team database's name and a login, no one's
 * record) stay: the lock screen and the window title show them.
 */
export function forgetCachedRecords(): void {
  queryClient.removeQueries({ predicate: isRecordQuery });
  removeTextOutsideApp();
}

/** Refreshes every query under each key (a family or a whole namespace of `queryKeys`), all at once. */
export async function refreshQueries(...keys: readonly QueryKey[]): Promise<void> {
  await Promise.all(keys.map((queryKey) => queryClient.invalidateQueries({ queryKey })));
}
