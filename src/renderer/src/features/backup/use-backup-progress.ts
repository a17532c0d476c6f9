import { useQuery } from '@tanstack/react-query';
import { callApi } from '../../lib/api';
import { queryKeys } from '../../lib/query-keys';

/** Polls how far backup work has come while `isRunning`; the work itself is one long call. */
export function useBackupProgress(isRunning: boolean) {
  return useQuery({
    queryKey: queryKeys.backup.progress,
    queryFn: () => callApi('backup.progress', {}),
    enabled: isRunning,
    refetchInterval: isRunning ? 400 : false,
  });
}
