import { QueryClient } from '@tanstack/react-query';
import { ApiCallError } from '../lib/api';

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // The data is local: no need to refetch on focus, and a locked store must not be retried.
      refetchOnWindowFocus: false,
      retry: (failureCount, error) => !(error instanceof ApiCallError) && failureCount < 2,
    },
  },
});

export const sessionQueryKey = ['session'] as const;
/** Wrong passphrases before this unlock, for the notice; under the session's key, so kept with it. */
export const failedUnlocksQueryKey = ['session', 'failedUnlocks'] as const;

/** Drops every cached record (names, cases) so nothing of a locked session stays in memory. */
export function forgetCachedRecords(): void {
  queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== sessionQueryKey[0] });
}
