import { useTable, type SortingState } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { ArrowDown, ArrowUp, ArrowUpDown } from 'lucide-react';
import { useMemo, useRef, useState, type KeyboardEvent, type RefObject } from 'react';
import {
  caseloadColumnIds,
  type CaseloadColumnId,
  type CaseloadRow,
  type CaseloadSort,
  type CaseloadViewDefinition,
} from '@shared/schemas/caseload';
import { caseloadColumns, caseloadFeatures } from './caseload-columns';
import { useCaseloadWindow } from './use-caseload-window';
import styles from './Caseload.module.css';

/** 38 px rows: dense enough for a day's work, tall enough to read and click. */
export const caseloadRowHeight = 38;

const columnWidths: Readonly<Record<CaseloadColumnId, number>> = {
  caseNumber: 88,
  clientName: 180,
  treatment: 170,
  payer: 170,
  planType: 200,
  stage: 170,
  priority: 130,
  nextDeadline: 170,
  assignedAdvocate: 140,
  openedOn: 112,
  updatedAt: 120,
  evidenceReadiness: 150,
};

const emptyRows: CaseloadRow[] = [];

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
 * TanStack Virtual over the view's total, so 100,000 cases scroll as smoothly as ten. The core
 * sorts and filters; only the rows under the viewport are fetched and drawn.
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
  const [range, setRange] = useState({ first: 0, last: 40 });
  const [activeIndex, setActiveIndex] = useState(0);
  const window = useCaseloadWindow(definition, range.first, range.last);
  const total = window.total ?? 0;

  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer is meant to re-render this component on scroll
  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => caseloadRowHeight,
    overscan: 10,
    onChange: (instance) => {
      const items = instance.getVirtualItems();
      const first = items[0]?.index ?? 0;
      const last = items.at(-1)?.index ?? 0;
      setRange((current) => (current.first === first && current.last === last ? current : { first, last }));
    },
  });

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

  function moveTo(index: number) {
    const next = Math.max(0, Math.min(total - 1, index));
    setActiveIndex(next);
    virtualizer.scrollToIndex(next, { align: 'auto' });
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
      onOpen(activeRow.id);
    } else if (event.key === ' ' && activeRow) {
      event.preventDefault();
      onToggleSelected(activeRow.id);
    }
  }

  const virtualItems = virtualizer.getVirtualItems();
  const paddingTop = virtualItems[0]?.start ?? 0;
  const paddingBottom = virtualizer.getTotalSize() - (virtualItems.at(-1)?.end ?? 0);
  const activeRow = window.rowAt(activeIndex);
  const rowsById = table.getRowModel().rowsById;

  return (
    <div ref={scrollRef} className={styles.scroller} data-testid="caseload-scroller">
      <table
        ref={tableRef}
        className={styles.table}
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
          <col className={styles.selectColumn} />
          {columns.map((id) => (
            <col key={id} style={{ width: columnWidths[id] }} />
          ))}
        </colgroup>
        <thead>
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id} aria-rowindex={1}>
              <th scope="col" className={styles.selectCell}>
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
          {virtualItems.map((item) => {
            const caseRow = window.rowAt(item.index);
            const row = caseRow ? rowsById[String(caseRow.id)] : undefined;
            if (!caseRow || !row) {
              return (
                <tr
                  key={`pending-${item.index}`}
                  aria-rowindex={item.index + 2}
                  className={styles.pendingRow}
                >
                  <td colSpan={visibleColumnCount}>
                    <span className={styles.skeleton} />
                  </td>
                </tr>
              );
            }
            const isActive = item.index === activeIndex;
            const isSelected = selectedIds.has(caseRow.id);
            return (
              <tr
                key={`${item.index}-${caseRow.id}`}
                id={`caseload-row-${caseRow.id}`}
                aria-rowindex={item.index + 2}
                aria-selected={isSelected}
                className={[isActive ? styles.activeRow : '', isSelected ? styles.selectedRow : ''].join(' ')}
                onClick={() => {
                  setActiveIndex(item.index);
                  onOpen(caseRow.id);
                }}
                data-case-id={caseRow.id}
              >
                <td className={styles.selectCell} onClick={(event) => event.stopPropagation()}>
                  <input
                    type="checkbox"
                    tabIndex={-1}
                    aria-label={`Select ${caseRow.caseNumber}`}
                    checked={isSelected}
                    onChange={() => onToggleSelected(caseRow.id)}
                  />
                </td>
                {row.getVisibleCells().map((cell) => (
                  <td key={cell.id}>
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
