import { ArrowDown, ArrowUp, Columns3 } from 'lucide-react';
import { caseloadColumnIds, caseloadColumnLabels, type CaseloadColumnId } from '@shared/schemas/caseload';
import { Disclosure } from './Disclosure';
import styles from './Caseload.module.css';

/** Which columns show, and in what order: shown ones first, in order, with buttons to move them. */
export function ColumnChooser({
  columns,
  onChange,
}: {
  columns: readonly CaseloadColumnId[];
  onChange: (columns: CaseloadColumnId[]) => void;
}) {
  const hidden = caseloadColumnIds.filter((id) => !columns.includes(id));
  const move = (index: number, by: -1 | 1) => {
    const next = [...columns];
    const [moved] = next.splice(index, 1);
    next.splice(index + by, 0, moved!);
    onChange(next);
  };
  return (
    <Disclosure
      summary={
        <>
          <Columns3 aria-hidden size={14} /> Columns
        </>
      }
      label="Choose and order columns"
    >
      <ul className={styles.columnList} aria-label="Columns">
        {[...columns, ...hidden].map((id) => {
          const index = columns.indexOf(id);
          const isShown = index >= 0;
          const label = caseloadColumnLabels[id];
          return (
            <li key={id} className={styles.columnItem}>
              <label className={styles.option}>
                <input
                  type="checkbox"
                  checked={isShown}
                  // At least one column stays: an empty table helps no one.
                  disabled={isShown && columns.length === 1}
                  onChange={(event) =>
                    onChange(
                      event.target.checked ? [...columns, id] : columns.filter((column) => column !== id),
                    )
                  }
                />
                {label}
              </label>
              {isShown && (
                <span className={styles.moveButtons}>
                  <button
                    type="button"
                    aria-label={`Move ${label} left`}
                    disabled={index === 0}
                    onClick={() => move(index, -1)}
                  >
                    <ArrowUp aria-hidden size={14} />
                  </button>
                  <button
                    type="button"
                    aria-label={`Move ${label} right`}
                    disabled={index === columns.length - 1}
                    onClick={() => move(index, 1)}
                  >
                    <ArrowDown aria-hidden size={14} />
                  </button>
                </span>
              )}
            </li>
          );
        })}
      </ul>
    </Disclosure>
  );
}
