import { casePriorityLabels, type CasePriority } from '@shared/domain/case-stages';
import styles from './Caseload.module.css';

const toneForPriority: Readonly<Record<CasePriority, string>> = {
  low: 'quiet',
  normal: 'quiet',
  high: 'appeal',
  urgent: 'danger',
};

/** The priority in words; urgent cases (by priority or by the urgency flag) also say "Urgent" in red. */
export function PriorityBadge({ priority, isUrgent }: { priority: CasePriority; isUrgent: boolean }) {
  return (
    <span className={styles.priority}>
      <span className={`${styles.badge} ${styles[toneForPriority[priority]]}`}>
        {casePriorityLabels[priority]}
      </span>
      {isUrgent && priority !== 'urgent' && (
        <span className={`${styles.badge} ${styles.danger}`}>Urgent</span>
      )}
    </span>
  );
}
