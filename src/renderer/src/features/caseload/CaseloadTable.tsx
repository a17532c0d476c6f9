import { useTable, type SortingState } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { ArrowDown, ArrowUp, ArrowUpDown } from 'lucide-react';
import { useRef, useState } from 'react';
import type { CaseSummary } from '@shared/schemas/cases';
import { caseloadColumns, caseloadFeatures } from './caseload-columns';
import styles from './Caseload.module.css';

const rowHeight = 38;

export function CaseloadTable({
  cases,
  quickFilter,
}: {
  cases: readonly CaseSummary[];
  quickFilter: string;
}) {
  const [sorting, setSorting] = useState<SortingState>([]);
  const table = useTable({
    features: caseloadFeatures,
    columns: caseloadColumns,
    data: cases,
    state: { sorting, globalFilter: quickFilter },
    onSortingChange: setSorting,
    globalFilterFn: 'includesString',
    enableMultiSort: true,
    getRowId: (row) => String(row.id),
  });
  const rows = table.getRowModel().rows;
  const scrollRef = useRef<HTMLDivElement>(null);
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer is meant to re-render this component on scroll
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: 12,
  });
  const virtualRows = virtualizer.getVirtualItems();
  const paddingTop = virtualRows[0]?.start ?? 0;
  const paddingBottom = virtualizer.getTotalSize() - (virtualRows.at(-1)?.end ?? 0);
  const columnCount = caseloadColumns.length;

  return (
    <div ref={scrollRef} className={styles.scroller}>
      <table className={styles.table} aria-rowcount={rows.length + 1} data-testid="caseload-table">
        <thead>
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {group.headers.map((header) => {
                const direction = header.column.getIsSorted();
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
                      title="Sort (Shift+click to sort by several columns)"
                    >
                      <table.FlexRender header={header} />
                      <SortIcon
                        aria-hidden
                        size={14}
                        className={direction ? styles.sortActive : styles.sortIdle}
                      />
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
              <td colSpan={columnCount} style={{ height: paddingTop }} />
            </tr>
          )}
          {virtualRows.map((item) => {
            const row = rows[item.index]!;
            return (
              <tr key={row.id} aria-rowindex={item.index + 2}>
                {row.getAllCells().map((cell) => (
                  <td key={cell.id}>
                    <table.FlexRender cell={cell} />
                  </td>
                ))}
              </tr>
            );
          })}
          {paddingBottom > 0 && (
            <tr aria-hidden>
              <td colSpan={columnCount} style={{ height: paddingBottom }} />
            </tr>
          )}
        </tbody>
      </table>
      {rows.length === 0 && <p className={styles.noMatch}>No case matches “{quickFilter}”.</p>}
    </div>
  );
}
