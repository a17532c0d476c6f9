import type { QueryKey } from '@tanstack/react-query';
import type { LiveChange } from '@shared/schemas/live';
import { queryKeys } from './query-keys';

/** What any change to a case moves: its rows in the caseload and their counts, the agenda, the figures. */
const caseWide: readonly QueryKey[] = [
  queryKeys.caseload.ofCases,
  queryKeys.deadlines.all,
  queryKeys.outcomes.all,
  queryKeys.search.all,
];

/**
 * The cached reads a change another copy committed makes stale (docs/team-mode.md, "Live"): only
 * those, so a screen re-reads what it shows through its own policies and nothing else. A case's
 * stage follows its timeline and its deadlines follow both, so a timeline entry refreshes the
 * case and its deadlines too; an assignment can bring a whole case (and its client) into a
 * caseload or take it out.
 */
export function queryKeysTouchedBy(change: LiveChange): readonly QueryKey[] {
  const { caseId } = change;
  switch (change.table) {
    case 'cases':
      return [
        ...caseWide,
        caseId === null ? queryKeys.cases.all : queryKeys.cases.detail(caseId),
        queryKeys.clients.details,
      ];
    case 'clients':
      return [
        queryKeys.caseload.ofCases,
        queryKeys.clients.list,
        change.id === null ? queryKeys.clients.details : queryKeys.clients.detail(change.id),
        // A case's page names its client.
        queryKeys.cases.all,
        queryKeys.search.all,
      ];
    case 'events':
      return caseId === null
        ? [...caseWide, queryKeys.cases.all, queryKeys.events.all]
        : [...caseWide, queryKeys.cases.detail(caseId), queryKeys.events.ofCase(caseId)];
    case 'case_deadlines':
      return [queryKeys.caseload.ofCases, queryKeys.deadlines.all];
    case 'team_case_assignments':
      return [...caseWide, queryKeys.cases.all, queryKeys.clients.all, queryKeys.events.all];
  }
}
