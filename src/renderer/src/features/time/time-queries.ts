import { refreshQueries } from '../../app/query-client';
import { queryKeys } from '../../lib/query-keys';

/** After any change to time: the running timer, every case's list and the invoices may differ. */
export async function refreshTime(): Promise<void> {
  await refreshQueries(queryKeys.time.all, queryKeys.invoices.all, queryKeys.billing.all);
}
