import { BarChart3, Table2 } from 'lucide-react';
import { useId, useState, type ReactNode } from 'react';
import type { OutcomeFigureId } from '@shared/domain/outcome-definitions';
import { Button } from '../../components/Button';
import { FigureInfo } from './FigureInfo';
import styles from './Outcomes.module.css';

/**
 * A chart with its numbers: the table is one click away, and always there for a screen reader
 * (the drawing itself is hidden from it and out of the Tab order, since bars cannot be read aloud).
 */
export function ChartPanel({
  title,
  figure,
  isEmpty,
  emptyText,
  chart,
  table,
  caption,
  wide = false,
}: {
  readonly title: string;
  readonly figure: OutcomeFigureId;
  readonly isEmpty: boolean;
  readonly emptyText: string;
  readonly chart: ReactNode;
  readonly table: ReactNode;
  /** A sentence under the title saying what the chart counts, in words a screen reader reads too. */
  readonly caption?: string;
  readonly wide?: boolean;
}) {
  const [isTableShown, setIsTableShown] = useState(false);
  const titleId = useId();
  return (
    <section className={`${styles.panel} ${wide ? styles.wide : ''}`} aria-labelledby={titleId}>
      <header className={styles.panelHeader}>
        <h2 id={titleId} className={styles.panelTitle}>
          {title}
        </h2>
        <FigureInfo figure={figure} />
        {!isEmpty && (
          <Button
            variant="quiet"
            className={styles.toggle}
            aria-pressed={isTableShown}
            onClick={() => setIsTableShown((shown) => !shown)}
          >
            {isTableShown ? <BarChart3 aria-hidden size={14} /> : <Table2 aria-hidden size={14} />}
            {isTableShown ? 'Chart' : 'Table'}
          </Button>
        )}
      </header>
      {caption && !isEmpty && <p className={styles.muted}>{caption}</p>}
      {isEmpty ? (
        <p className={styles.muted}>{emptyText}</p>
      ) : (
        <>
          {!isTableShown && (
            // inert as well: the chart library makes its drawing keyboard-focusable, and a focusable
            // element hidden from screen readers is a stop that reads as nothing (WCAG 4.1.2).
            <div className={styles.chart} aria-hidden inert>
              {chart}
            </div>
          )}
          <div className={isTableShown ? undefined : styles.visuallyHidden}>{table}</div>
        </>
      )}
    </section>
  );
}
