import { CircleCheck, CircleQuestionMark, CircleX } from 'lucide-react';
import styles from './Criteria.module.css';

export type CriterionStatus = 'met' | 'not_met' | 'unknown';

export const criterionStatusLabels: Readonly<Record<CriterionStatus, string>> = {
  met: 'Met',
  not_met: 'Not met',
  unknown: 'Unknown',
};

const icons = { met: CircleCheck, not_met: CircleX, unknown: CircleQuestionMark } as const;

/** Status by word, colour and icon together, never colour alone. */
export function CriterionStatusBadge({ status }: { readonly status: CriterionStatus }) {
  const Icon = icons[status];
  return (
    <span className={styles.status} data-status={status}>
      <Icon aria-hidden size={14} /> {criterionStatusLabels[status]}
    </span>
  );
}
