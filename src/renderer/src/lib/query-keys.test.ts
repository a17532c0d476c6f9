import { partialMatchKey, type QueryKey } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { namespaces } from '@shared/contract/namespaces';
import type { CaseloadViewDefinition } from '@shared/schemas/caseload';
import { queryKeys } from './query-keys';

/** What `invalidateQueries({ queryKey: refreshed })` reaches, as TanStack Query matches it. */
const refreshes = (refreshed: QueryKey, query: QueryKey) => partialMatchKey(query, refreshed);

const definition = { sort: [], filters: [] } as unknown as CaseloadViewDefinition;

describe('query keys', () => {
  it('has a factory for every namespace of the contract, each key under its namespace', () => {
    expect(Object.keys(queryKeys).sort()).toEqual([...namespaces].sort());
    for (const namespace of namespaces) expect(queryKeys[namespace].all).toEqual([namespace]);
  });

  it('refreshes the caseload (every page and the filter choices) after a change to cases, not the saved views', () => {
    expect(refreshes(queryKeys.caseload.ofCases, queryKeys.caseload.page(definition, 3))).toBe(true);
    expect(refreshes(queryKeys.caseload.ofCases, queryKeys.caseload.filterOptions)).toBe(true);
    expect(refreshes(queryKeys.caseload.ofCases, queryKeys.caseload.views)).toBe(false);
    expect(refreshes(queryKeys.caseload.ofCases, queryKeys.cases.detail(3))).toBe(false);
  });

  it('refreshes the reminder summary and settings with the reminders, and keeps the agenda apart', () => {
    expect(refreshes(queryKeys.deadlines.reminders, queryKeys.deadlines.reminderSummary('caseload'))).toBe(
      true,
    );
    expect(refreshes(queryKeys.deadlines.reminders, queryKeys.deadlines.reminderSettings)).toBe(true);
    expect(refreshes(queryKeys.deadlines.reminders, queryKeys.deadlines.agenda)).toBe(false);
    expect(refreshes(queryKeys.deadlines.agenda, queryKeys.deadlines.ofCase(1))).toBe(false);
  });

  it("refreshes a case's timeline views with its events, and a client's symptom scores with its treatment history", () => {
    expect(refreshes(queryKeys.events.ofCase(7), queryKeys.events.timeline(7, 'newest_first', [], ''))).toBe(
      true,
    );
    expect(refreshes(queryKeys.events.ofCase(7), queryKeys.events.evidencePicker(7))).toBe(true);
    expect(refreshes(queryKeys.events.ofCase(7), queryKeys.events.ofCase(8))).toBe(false);
    expect(
      refreshes(queryKeys.treatmentHistory.ofClient(2), queryKeys.treatmentHistory.symptomScores(2)),
    ).toBe(true);
    expect(refreshes(queryKeys.evidence.ofCase(4), queryKeys.evidence.clinicalFacts(4))).toBe(true);
  });
});
