import type { CaseDetail } from '@shared/schemas/cases';
import { queryClient, refreshQueries } from '../../app/query-client';
import { callApi } from '../../lib/api';
import { queryKeys } from '../../lib/query-keys';

/**
 * After a step on a case (a timeline entry, a stage change, closing), every view that reads the
 * case's lifecycle is read again: the case, its timeline (closing and reopening are entries on it),
 * its deadlines, the caseload, the Agenda, the banner's reminders and Outcomes, so no screen shows
 * the case as it was. Returns the case as it is now.
 */
export async function refreshCaseViews(caseId: number): Promise<CaseDetail> {
  const current = await callApi('cases.get', { caseId });
  queryClient.setQueryData(queryKeys.cases.detail(caseId), current);
  await refreshQueries(
    queryKeys.caseload.ofCases,
    queryKeys.events.ofCase(caseId),
    queryKeys.deadlines.agenda,
    queryKeys.deadlines.reminders,
    queryKeys.deadlines.ofCase(caseId),
    queryKeys.outcomes.all,
  );
  return current;
}
