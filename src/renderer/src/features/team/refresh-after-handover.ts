import { refreshQueries } from '../../app/query-client';
import { queryKeys } from '../../lib/query-keys';

/**
 * After a case changes hands every view that names its advocate or counts by it is read again:
 * the case (its advocate and timeline note), the caseload, the Agenda, Outcomes and the Team page.
 */
export function refreshAfterHandover(): Promise<void> {
  return refreshQueries(
    queryKeys.assignments.all,
    queryKeys.teamViews.all,
    queryKeys.cases.all,
    queryKeys.events.all,
    queryKeys.caseload.ofCases,
    queryKeys.deadlines.agenda,
    queryKeys.outcomes.all,
  );
}
