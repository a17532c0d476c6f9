import { queryClient } from '../../app/query-client';

export const runningTimerQueryKey = ['time', 'running'] as const;
export const caseTimeQueryKey = (caseId: number) => ['time', 'case', caseId] as const;
export const invoicesQueryKey = (clientId: number) => ['invoices', clientId] as const;
export const billingSettingsQueryKey = ['billing', 'settings'] as const;

/** After any change to time: the running timer, every case's list and the invoices may differ. */
export async function refreshTime(): Promise<void> {
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: ['time'] }),
    queryClient.invalidateQueries({ queryKey: ['invoices'] }),
    queryClient.invalidateQueries({ queryKey: ['billing'] }),
  ]);
}
