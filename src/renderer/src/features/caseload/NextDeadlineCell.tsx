import type { CaseloadRow } from '@shared/schemas/caseload';
import { formatCalendarDate } from '../../lib/format-date';
import styles from './Caseload.module.css';

/** The next date to act by, and, in words and red, how many have already passed unanswered. */
export function NextDeadlineCell({ row }: { row: CaseloadRow }) {
  return (
    <span className={styles.priority}>
      {row.nextDeadlineOn ? formatCalendarDate(row.nextDeadlineOn) : row.overdueCount > 0 ? '' : '—'}
      {row.overdueCount > 0 && (
        <span className={`${styles.badge} ${styles.danger}`}>{row.overdueCount} overdue</span>
      )}
    </span>
  );
}
