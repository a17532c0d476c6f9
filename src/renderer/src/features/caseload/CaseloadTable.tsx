import { useTable, type SortingState } from '@tanstack/react-table';
import { ArrowDown, ArrowUp, ArrowUpDown } from 'lucide-react';
import { useEffect, useMemo, useRef, useState, type KeyboardEvent, type RefObject } from 'react';
import {
  caseloadColumnIds,
  type CaseloadColumnId,
  type CaseloadRow,
  type CaseloadSort,
  type CaseloadViewDefinition,
} from '@shared/schemas/caseload';
import { queryClient } from '../../app/query-client';
import { caseloadColumns, caseloadFeatures } from './caseload-columns';
import { useCaseloadSummary, useCaseloadWindow } from './use-caseload-window';
import { useRowWindow } from './use-row-window';
import { useCanEditRecords } from '../team/use-team-connection';
import styles from './Caseload.module.css';
import { queryKeys } from '../../lib/query-keys';

/** 38 px rows: dense enough for a day's work, tall enough to read and click. */
export const caseloadRowHeight = 38;

/**
 * The default columns add up to 1,390 px with the tick box: the table's frame in a 1440 px window,
 * so nothing scrolls there; narrower windows scroll the table inside its frame, never the page.
 * Each fits its header and its usual content (the longest stage badge, "Nov 21, 2026 · 1 overdue", "62% gathering").
 */
const columnWidths: Readonly<Record<CaseloadColumnId, number>> = {
  caseNumber: 86,
  clientName: 146,
  treatment: 120,
  payer: 118,
  planType: 200,
  stage: 186,
  priority: 100,
  // An overdue date and its count: "Nov 28, 2026" and "1 overdue".
  nextDeadline: 200,
  // "Unassigned", the longest word it shows for most caseloads, whole (the width came from Readiness,
  // so every default column still fits 1440 px).
  assignedAdvocate: 116,
  openedOn: 120,
  updatedAt: 120,
  evidenceReadiness: 158,
};
const selectColumnWidth = 40;

/**
 * The case and client columns stay in view while the table scrolls sideways inside its frame
 * (a narrow window, or many columns chosen): each leading one of them is sticky at the width of
 * what is left of it. Returns the left offset per sticky column.
 */
function stickyOffsets(columns: readonly CaseloadColumnId[]): ReadonlyMap<CaseloadColumnId, number> {
  const offsets = new Map<CaseloadColumnId, number>();
  let left = selectColumnWidth;
  for (const id of columns) {
    if (id !== 'caseNumber' && id !== 'clientName') break;
    offsets.set(id, left);
    left += columnWidths[id];
  }
  return offsets;
}

const emptyRows: CaseloadRow[] = [];

/** Free-text columns cut with an ellipsis: the whole text shows on hover. */
const columnsWithTooltip: ReadonlySet<string> = new Set(['clientName', 'treatment', 'payer', 'planType']);

/**
 * The case last opened from the table and its row, so coming back highlights it and puts focus
 * on it: Enter reopens it, arrows go on from it. Kept in the query cache, which locking clears.
 */
type LastOpened = { readonly caseId: number; readonly index: number };

const toSortingState = (sorting: readonly CaseloadSort[]): SortingState =>
  sorting.map(({ column, descending }) => ({ id: column, desc: descending }));
const fromSortingState = (sorting: SortingState): CaseloadSort[] =>
  sorting.map(({ id, desc }) => ({ column: id as CaseloadColumnId, descending: desc }));

type Props = {
  readonly definition: CaseloadViewDefinition;
  readonly columns: readonly CaseloadColumnId[];
  readonly onSortingChange: (sorting: CaseloadSort[]) => void;
  readonly selectedIds: ReadonlySet<number>;
  readonly onToggleSelected: (caseId: number) => void;
  readonly onOpen: (caseId: number) => void;
  readonly tableRef: RefObject<HTMLTableElement | null>;
};

/**
 * The caseload table: TanStack Table for headers, sort state, column order and visibility;
 * a window of fixed-height rows over the view's total (use-row-window.ts), so 1,000,000 cases
 * scroll as smoothly as ten, to the last one. The core sorts and filters; only the rows under the
 * viewport are fetched and drawn.
 */
export function CaseloadTable({
  definition,
  columns,
  onSortingChange,
  selectedIds,
  onToggleSelected,
  onOpen,
  tableRef,
}: Props) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const headerRef = useRef<HTMLTableSectionElement>(null);
  // Ticking cases is for the bulk actions, which change them: a viewer has none (the column stays
  // empty, so the sticky columns keep their places).
  const canSelect = useCanEditRecords();
  const [returnedFrom] = useState(
    () => queryClient.getQueryData<LastOpened>(queryKeys.caseload.lastOpened) ?? null,
  );
  const [activeIndex, setActiveIndex] = useState(returnedFrom?.index ?? 0);
  const hasReturnedFocus = useRef(returnedFrom === null);
  // The total first (the first page, which the view above has read), then the rows it lets us draw.
  const total = useCaseloadSummary(definition, { isFreshOnMount: false }).data?.total ?? 0;
  const { rowWindow, scrollToRow } = useRowWindow({
    count: total,
    rowHeight: caseloadRowHeight,
    overscan: 10,
    scrollRef,
    headerRef,
  });
  const window = useCaseloadWindow(definition, rowWindow.first, rowWindow.last);

  const [page0, page1, page2] = window.pages;
  const data = useMemo(
    () =>
      page0 || page1 || page2
        ? [...(page0?.rows ?? []), ...(page1?.rows ?? []), ...(page2?.rows ?? [])]
        : emptyRows,
    [page0, page1, page2],
  );
  const sorting = useMemo(() => toSortingState(definition.sorting), [definition.sorting]);
  const columnVisibility = useMemo(
    () => Object.fromEntries(caseloadColumnIds.map((id) => [id, columns.includes(id)])),
    [columns],
  );
  const table = useTable({
    features: caseloadFeatures,
    columns: caseloadColumns,
    data,
    state: { sorting, columnOrder: columns as string[], columnVisibility },
    onSortingChange: (updater) =>
      onSortingChange(fromSortingState(typeof updater === 'function' ? updater(sorting) : updater)),
    manualSorting: true,
    enableMultiSort: true,
    // A row can be in two fetched windows at once (a kept-previous page); its id is still the case's.
    getRowId: (row) => String(row.id),
  });
  const visibleColumnCount = columns.length + 1;
  const sticky = useMemo(() => stickyOffsets(columns), [columns]);
  const lastSticky = [...sticky.keys()].at(-1);
  const stickyProps = (id: string) => {
    const left = sticky.get(id as CaseloadColumnId);
    if (left === undefined) return {};
    return {
      className: id === lastSticky ? `${styles.sticky} ${styles.stickyEdge}` : styles.sticky,
      style: { left },
    };
  };
  const tableWidth = columns.reduce((sum, id) => sum + columnWidths[id], selectColumnWidth);

  function open(caseId: number, index: number) {
    setActiveIndex(index);
    queryClient.setQueryData<LastOpened>(queryKeys.caseload.lastOpened, { caseId, index });
    onOpen(caseId);
  }

  // Back from a case: once its row is drawn, show it and focus the table on it. The view may have
  // changed meanwhile (the case moved stage); then the first row is active, focus still returns.
  // Focus moves two frames later, after the Workspace has put it on the page heading
  // (page-focus.ts), which then leaves focus the page has placed itself alone.
  const rowAtReturn = returnedFrom ? window.rowAt(returnedFrom.index) : undefined;
  useEffect(() => {
    if (hasReturnedFocus.current || !returnedFrom || total === 0) return;
    const isGone = returnedFrom.index >= total;
    if (!isGone && !rowAtReturn) {
      scrollToRow(returnedFrom.index, 'center');
      return;
    }
    hasReturnedFocus.current = true;
    const isElsewhere = isGone || rowAtReturn?.id !== returnedFrom.caseId;
    if (!isElsewhere) scrollToRow(returnedFrom.index, 'center');
    requestAnimationFrame(() => {
      if (isElsewhere) setActiveIndex(0);
      requestAnimationFrame(() => tableRef.current?.focus({ preventScroll: true }));
    });
  }, [returnedFrom, rowAtReturn, total, scrollToRow, tableRef]);

  function moveTo(index: number) {
    const next = Math.max(0, Math.min(total - 1, index));
    setActiveIndex(next);
    scrollToRow(next, 'auto');
  }

  function onKeyDown(event: KeyboardEvent<HTMLTableElement>) {
    if (event.target !== event.currentTarget || total === 0) return;
    const pageRows = Math.max(
      1,
      Math.floor((scrollRef.current?.clientHeight ?? 400) / caseloadRowHeight) - 1,
    );
    const keyMoves: Record<string, number> = {
      ArrowDown: activeIndex + 1,
      j: activeIndex + 1,
      ArrowUp: activeIndex - 1,
      k: activeIndex - 1,
      PageDown: activeIndex + pageRows,
      PageUp: activeIndex - pageRows,
      Home: 0,
      End: total - 1,
    };
    const target = keyMoves[event.key];
    if (target !== undefined && !event.altKey && !event.ctrlKey && !event.metaKey) {
      event.preventDefault();
      moveTo(target);
      return;
    }
    const activeRow = window.rowAt(activeIndex);
    if (event.key === 'Enter' && activeRow) {
      event.preventDefault();
      open(activeRow.id, activeIndex);
    } else if (event.key === ' ' && activeRow && canSelect) {
      event.preventDefault();
      onToggleSelected(activeRow.id);
    }
  }

  const { paddingTop, paddingBottom } = rowWindow;
  const drawnIndexes = Array.from(
    { length: rowWindow.last - rowWindow.first + 1 },
    (_, i) => rowWindow.first + i,
  );
  const activeRow = window.rowAt(activeIndex);
  const rowsById = table.getRowModel().rowsById;

  return (
    <div ref={scrollRef} className={styles.scroller} data-testid="caseload-scroller">
      <table
        ref={tableRef}
        className={styles.table}
        style={{ minWidth: tableWidth }}
        role="grid"
        aria-label="Caseload"
        aria-rowcount={total + 1}
        aria-busy={window.isFetching}
        tabIndex={0}
        aria-activedescendant={activeRow ? `caseload-row-${activeRow.id}` : undefined}
        onKeyDown={onKeyDown}
        data-testid="caseload-table"
      >
        <colgroup>
          <col style={{ width: selectColumnWidth }} />
          {columns.map((id) => (
            <col key={id} style={{ width: columnWidths[id] }} />
          ))}
        </colgroup>
        <thead ref={headerRef}>
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id} aria-rowindex={1}>
              <th scope="col" className={`${styles.selectCell} ${styles.sticky}`} style={{ left: 0 }}>
                <span className="visually-hidden">Selected</span>
              </th>
              {group.headers.map((header) => {
                const direction = header.column.getIsSorted();
                const sortIndex = definition.sorting.length > 1 ? header.column.getSortIndex() : -1;
                const SortIcon =
                  direction === 'asc' ? ArrowUp : direction === 'desc' ? ArrowDown : ArrowUpDown;
                return (
                  <th
                    key={header.id}
                    scope="col"
                    {...stickyProps(header.column.id)}
                    aria-sort={
                      direction === 'asc' ? 'ascending' : direction === 'desc' ? 'descending' : 'none'
                    }
                  >
                    <button
                      type="button"
                      className={styles.sortButton}
                      onClick={header.column.getToggleSortingHandler()}
                      title="Sort (Shift+click to add to the sort)"
                    >
                      <table.FlexRender header={header} />
                      <SortIcon
                        aria-hidden
                        size={14}
                        className={direction ? styles.sortActive : styles.sortIdle}
                      />
                      {sortIndex >= 0 && <span className={styles.sortIndex}>{sortIndex + 1}</span>}
                    </button>
                  </th>
                );
              })}
            </tr>
          ))}
        </thead>
        <tbody>
          {paddingTop > 0 && (
            <tr aria-hidden>
              <td colSpan={visibleColumnCount} style={{ height: paddingTop }} />
            </tr>
          )}
          {drawnIndexes.map((index) => {
            const caseRow = window.rowAt(index);
            const row = caseRow ? rowsById[String(caseRow.id)] : undefined;
            if (!caseRow || !row) {
              return (
                <tr key={`pending-${index}`} aria-rowindex={index + 2} className={styles.pendingRow}>
                  <td colSpan={visibleColumnCount}>
                    <span className={styles.skeleton} />
                  </td>
                </tr>
              );
            }
            const isActive = index === activeIndex;
            const isSelected = selectedIds.has(caseRow.id);
            return (
              <tr
                key={`${index}-${caseRow.id}`}
                id={`caseload-row-${caseRow.id}`}
                aria-rowindex={index + 2}
                aria-selected={isSelected}
                className={[isActive ? styles.activeRow : '', isSelected ? styles.selectedRow : ''].join(' ')}
                onClick={() => open(caseRow.id, index)}
                data-case-id={caseRow.id}
              >
                <td
                  className={`${styles.selectCell} ${styles.sticky}`}
                  style={{ left: 0 }}
                  onClick={(event) => event.stopPropagation()}
                >
                  {canSelect && (
                    <input
                      type="checkbox"
                      tabIndex={-1}
                      aria-label={`Select ${caseRow.caseNumber}`}
                      checked={isSelected}
                      onChange={() => onToggleSelected(caseRow.id)}
                    />
                  )}
                </td>
                {row.getVisibleCells().map((cell) => (
                  <td
                    key={cell.id}
                    {...stickyProps(cell.column.id)}
                    title={columnsWithTooltip.has(cell.column.id) ? String(cell.getValue()) : undefined}
                  >
                    <table.FlexRender cell={cell} />
                  </td>
                ))}
              </tr>
            );
          })}
          {paddingBottom > 0 && (
            <tr aria-hidden>
              <td colSpan={visibleColumnCount} style={{ height: paddingBottom }} />
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}
