import { useQuery } from '@tanstack/react-query';
import { callApi } from '../../lib/api';
import { queryKeys } from '../../lib/query-keys';

/** Polls how far the import being written has come while `isRunning`; the import itself is one long call. */
export function useImportProgress(isRunning: boolean) {
  return useQuery({
    queryKey: queryKeys.import.progress,
    queryFn: () => callApi('import.progress', {}),
    enabled: isRunning,
    refetchInterval: isRunning ? 400 : false,
  });
}
