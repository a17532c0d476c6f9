import { refreshQueries } from '../../app/query-client';
import { queryKeys } from '../../lib/query-keys';

/**
 * After a case's open work changes (a task ticked, a to-do added, an item marked done), every
 * view that counts it is read again: the case's header and Deadlines tab, its task list and
 * timeline, the Agenda, the reminder banner and the caseload's next deadline
 * (core/deadlines/open-work.ts).
 */
export function refreshOpenWork(caseId: number): Promise<void> {
  return refreshQueries(
    queryKeys.deadlines.ofCase(caseId),
    queryKeys.deadlines.agenda,
    queryKeys.deadlines.reminders,
    queryKeys.tasks.ofCase(caseId),
    queryKeys.events.ofCase(caseId),
    queryKeys.caseload.ofCases,
  );
}
