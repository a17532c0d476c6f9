import { useMutation, useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { callApi, onLocked } from '../lib/api';
import { forgetCachedRecords, queryClient, sessionQueryKey } from './query-client';

export function useSessionStatus() {
  useEffect(
    () =>
      onLocked(() => {
        forgetCachedRecords();
        queryClient.setQueryData(sessionQueryKey, { state: 'locked' });
      }),
    [],
  );
  return useQuery({ queryKey: sessionQueryKey, queryFn: () => callApi('session.status', {}) });
}

export function useLock() {
  return useMutation({
    mutationFn: () => callApi('session.lock', {}),
    onSuccess: (status) => {
      forgetCachedRecords();
      queryClient.setQueryData(sessionQueryKey, status);
    },
  });
}
