import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import type { LiveChange } from '@shared/schemas/live';
import { queryKeysTouchedBy } from './live-change-keys';
import { queryKeys } from './query-keys';

/** Which of these cached reads a change makes stale, as React Query matches keys by prefix. */
function staleAfter(change: LiveChange, cached: readonly (readonly unknown[])[]): string[] {
  const client = new QueryClient();
  for (const key of cached) client.setQueryData(key, 'read');
  for (const key of queryKeysTouchedBy(change))
    void client.invalidateQueries({ queryKey: key, refetchType: 'none' });
  return client
    .getQueryCache()
    .getAll()
    .filter((query) => query.isStale())
    .map((query) => JSON.stringify(query.queryKey));
}

const caseloadPage = queryKeys.caseload.page({ columns: [], filters: {}, sort: [] } as never, 0);
const cached = [
  caseloadPage,
  queryKeys.cases.detail(7),
  queryKeys.cases.detail(8),
  queryKeys.events.timeline(7, 'newest_first', [], ''),
  queryKeys.events.timeline(8, 'newest_first', [], ''),
  queryKeys.deadlines.agenda,
  queryKeys.clients.detail(3),
  queryKeys.clients.detail(4),
  queryKeys.caseload.preferences,
  queryKeys.letterTemplates.list,
];

describe('queryKeysTouchedBy', () => {
  it('refreshes a case’s own page, the caseload rows, the agenda and the client pages that list cases when the case changes, not another case', () => {
    expect(staleAfter({ table: 'cases', id: 7, caseId: 7 }, cached).sort()).toEqual(
      [
        caseloadPage,
        queryKeys.cases.detail(7),
        queryKeys.deadlines.agenda,
        queryKeys.clients.detail(3),
        queryKeys.clients.detail(4),
      ]
        .map((key) => JSON.stringify(key))
        .sort(),
    );
  });

  it('refreshes the case’s timeline when an entry is added to it', () => {
    const stale = staleAfter({ table: 'events', id: 90, caseId: 8 }, cached);
    expect(stale).toContain(JSON.stringify(queryKeys.events.timeline(8, 'newest_first', [], '')));
    expect(stale).not.toContain(JSON.stringify(queryKeys.events.timeline(7, 'newest_first', [], '')));
  });

  it('refreshes the caseload and every case page when a case is assigned, leaving the person’s own preferences', () => {
    const stale = staleAfter({ table: 'team_case_assignments', id: 7, caseId: 7 }, cached);
    expect(stale).toContain(JSON.stringify(caseloadPage));
    expect(stale).toContain(JSON.stringify(queryKeys.cases.detail(8)));
    expect(stale).not.toContain(JSON.stringify(queryKeys.caseload.preferences));
    expect(stale).not.toContain(JSON.stringify(queryKeys.letterTemplates.list));
  });

  it('refreshes one client’s page, not another’s', () => {
    const stale = staleAfter({ table: 'clients', id: 3, caseId: null }, cached);
    expect(stale).toContain(JSON.stringify(queryKeys.clients.detail(3)));
    expect(stale).not.toContain(JSON.stringify(queryKeys.clients.detail(4)));
  });
});
