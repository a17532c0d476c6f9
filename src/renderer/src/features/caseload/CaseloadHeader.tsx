import { Search } from 'lucide-react';
import type { RefObject } from 'react';
import styles from './Caseload.module.css';

type Props = {
  readonly total: number | undefined;
  readonly isFiltered: boolean;
  readonly quickFilterText: string;
  readonly onQuickFilterTextChange: (text: string) => void;
  readonly filterRef: RefObject<HTMLInputElement | null>;
  readonly tableRef: RefObject<HTMLTableElement | null>;
};

/** The caseload's title, how many cases the view holds, and the quick filter (focused with "/"). */
export function CaseloadHeader({
  total,
  isFiltered,
  quickFilterText,
  onQuickFilterTextChange,
  filterRef,
  tableRef,
}: Props) {
  return (
    <div className={styles.toolbar}>
      <div>
        <h1 id="caseload-title" className={styles.title}>
          Caseload
        </h1>
        <p className={styles.subtitle} data-testid="caseload-count">
          {total === undefined
            ? 'Loading cases…'
            : isFiltered
              ? `${total.toLocaleString()} ${total === 1 ? 'case matches' : 'cases match'}`
              : `${total.toLocaleString()} ${total === 1 ? 'case' : 'cases'}`}
        </p>
      </div>
      <label className={styles.search}>
        <Search aria-hidden size={16} />
        <span className="visually-hidden">Filter cases</span>
        <input
          ref={filterRef}
          type="search"
          placeholder="Filter by client, payer, advocate, case number…"
          value={quickFilterText}
          onChange={(event) => onQuickFilterTextChange(event.target.value)}
          onKeyDown={(event) => {
            // Down arrow (or Enter) from the filter goes to the table, ready for j/k and Enter;
            // so does Escape once the box is empty (the first Escape clears it), so j and k
            // typed next move in the table instead of filtering for "jk".
            const isEmptyEscape = event.key === 'Escape' && event.currentTarget.value === '';
            if (event.key === 'ArrowDown' || event.key === 'Enter' || isEmptyEscape) {
              event.preventDefault();
              tableRef.current?.focus();
            }
          }}
          aria-keyshortcuts="/"
        />
        <kbd aria-hidden>/</kbd>
      </label>
    </div>
  );
}
