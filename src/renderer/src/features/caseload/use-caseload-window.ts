import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { CaseloadQueryOutput, CaseloadRow, CaseloadViewDefinition } from '@shared/schemas/caseload';
import { callApi } from '../../lib/api';
import { queryKeys } from '../../lib/query-keys';

/** Rows fetched per request; more than a screen and its overscan, so the visible rows span at most two pages. */
export const caseloadPageSize = 100;

function fetchPage(definition: CaseloadViewDefinition, page: number) {
  return callApi('caseload.query', {
    ...definition,
    offset: page * caseloadPageSize,
    limit: caseloadPageSize,
    // Page 0 carries the stage counts for the header; other windows skip that work.
    includeStageCounts: page === 0,
  });
}

/**
 * The first page of a view, with its total and cases per stage (shared by the header and the table).
 * The view above the table reads it fresh as it mounts; the table, drawn only once that answer says
 * there are rows, shares it (`isFreshOnMount: false`) instead of asking the core for the same page
 * again, which at 1,000,000 cases queued a second full first-page query behind the first.
 */
export function useCaseloadSummary(
  definition: CaseloadViewDefinition,
  { isFreshOnMount = true }: { isFreshOnMount?: boolean } = {},
) {
  return useQuery({
    queryKey: queryKeys.caseload.page(definition, 0),
    queryFn: () => fetchPage(definition, 0),
    placeholderData: keepPreviousData,
    refetchOnMount: isFreshOnMount,
  });
}

/**
 * The caseload as the table sees it: the total and stage counts of the view, and the rows of the
 * one or two pages under the visible range. Only these windows ever reach the renderer. While a
 * new sort or filter loads, the previous rows stay on screen (TanStack Query's keepPreviousData);
 * a row whose page has not arrived yet is `undefined` and drawn as a placeholder.
 */
export function useCaseloadWindow(definition: CaseloadViewDefinition, firstIndex: number, lastIndex: number) {
  const summary = useCaseloadSummary(definition, { isFreshOnMount: false });
  const firstPage = Math.floor(Math.max(0, firstIndex) / caseloadPageSize);
  const lastPage = Math.max(firstPage, Math.floor(Math.max(0, lastIndex) / caseloadPageSize));
  const first = useQuery({
    queryKey: queryKeys.caseload.page(definition, firstPage),
    queryFn: () => fetchPage(definition, firstPage),
    placeholderData: keepPreviousData,
    enabled: firstPage > 0,
  });
  const second = useQuery({
    queryKey: queryKeys.caseload.page(definition, lastPage),
    queryFn: () => fetchPage(definition, lastPage),
    placeholderData: keepPreviousData,
    enabled: lastPage > 0 && lastPage !== firstPage,
  });

  // A kept-previous page is shown only where it belongs: same offset (an older sort of the same rows), never a scrolled-away page.
  const pages: readonly (CaseloadQueryOutput | undefined)[] = [summary.data, first.data, second.data];
  const rowAt = (index: number): CaseloadRow | undefined => {
    const offset = Math.floor(index / caseloadPageSize) * caseloadPageSize;
    return pages.find((page) => page?.offset === offset)?.rows[index - offset];
  };

  return {
    pages,
    total: summary.data?.total,
    stageCounts: summary.data?.stageCounts ?? null,
    isLoading: summary.isPending,
    isFetching: summary.isFetching || first.isFetching || second.isFetching,
    error: summary.error ?? first.error ?? second.error,
    rowAt,
  };
}
