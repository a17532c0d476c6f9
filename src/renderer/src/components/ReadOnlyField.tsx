import { useId } from 'react';
import styles from './Field.module.css';

/**
 * A value shown where an editing control would be, for someone who may read it but not change it
 * (a team's viewer): the same label above it, the value as plain text.
 */
export function ReadOnlyField({ label, value }: { readonly label: string; readonly value: string }) {
  const id = useId();
  return (
    <div className={styles.field} role="group" aria-labelledby={id}>
      <span id={id} className={styles.label}>
        {label}
      </span>
      <span className={styles.readOnlyValue}>{value}</span>
    </div>
  );
}
