import { useEffect, useId, type ReactElement, type ReactNode } from 'react';
import styles from './Field.module.css';

type FieldProps = {
  readonly label: string;
  readonly hint?: ReactNode;
  readonly error?: string | undefined;
  readonly optional?: boolean;
  /** Receives the ids that tie the control to its label, hint and error for screen readers. */
  readonly children: (ids: {
    id: string;
    'aria-describedby': string | undefined;
    'aria-invalid': boolean;
  }) => ReactElement;
};

export function Field({ label, hint, error, optional, children }: FieldProps) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [errorId, hintId].filter(Boolean).join(' ') || undefined;

  // A long form's errors may be scrolled out of sight: the first invalid field takes focus, which
  // brings it into view and has a screen reader read its message.
  useEffect(() => {
    if (!error) return;
    const control = document.getElementById(id);
    const firstInvalid = control?.closest('form')?.querySelector('[aria-invalid="true"]');
    if (control && firstInvalid === control) control.focus();
  }, [error, id]);

  return (
    <div className={styles.field}>
      <label htmlFor={id} className={styles.label}>
        {label}
        {optional && <span className={styles.optional}> (optional)</span>}
      </label>
      {children({ id, 'aria-describedby': describedBy, 'aria-invalid': Boolean(error) })}
      {error && (
        <p id={errorId} className={styles.error} role="alert">
          {error}
        </p>
      )}
      {hint && !error && (
        <p id={hintId} className={styles.hint}>
          {hint}
        </p>
      )}
    </div>
  );
}

export const inputClassName = styles.input;

/** An input grown to several lines: its own height and padding, resized only up and down. */
export const textareaClassName = `${styles.input} ${styles.textarea}`;
