import { useMutation, useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { callApi, onLocked } from '../lib/api';
import { forgetCachedRecords, queryClient } from './query-client';
import { queryKeys } from '../lib/query-keys';

const sessionCheckIntervalMs = 15_000;

export function useSessionStatus() {
  useEffect(
    () =>
      onLocked(() => {
        forgetCachedRecords();
        queryClient.setQueryData(queryKeys.session.status, { state: 'locked' });
      }),
    [],
  );
  const status = useQuery({
    queryKey: queryKeys.session.status,
    queryFn: () => callApi('session.status', {}),
    // The data can lock with no call from this window (the idle timer, the OS sleeping, a signal):
    // asking now and then takes the records off the screen soon after (docs/security.md §1).
    refetchInterval: sessionCheckIntervalMs,
  });
  const state = status.data?.state;
  useEffect(() => {
    if (state === 'locked') forgetCachedRecords();
  }, [state]);
  return status;
}

export function useLock() {
  return useMutation({
    mutationFn: () => callApi('session.lock', {}),
    onSuccess: (status) => {
      forgetCachedRecords();
      queryClient.setQueryData(queryKeys.session.status, status);
    },
  });
}
