import { X } from 'lucide-react';
import { useEffect, useId, useRef, type ReactNode } from 'react';
import styles from './Dialog.module.css';

type DialogProps = {
  readonly open: boolean;
  readonly onOpenChange: (open: boolean) => void;
  readonly title: string;
  readonly description?: ReactNode;
  /** `wide` for dialogs that show a table or a document page. */
  readonly size?: 'normal' | 'wide';
  readonly children: ReactNode;
};

/**
 * The platform's modal <dialog>: it traps focus, closes on Escape and returns focus to the
 * opener by itself. Focus starts in the first field, so typing can begin at once. (A library dialog would inject a <style> tag, which the CSP forbids.)
 */
export function Dialog({ open, onOpenChange, title, description, size = 'normal', children }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const isClosingForProp = useRef(false);
  const titleId = useId();
  const descriptionId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      dialog.showModal();
      // showModal() focuses the first focusable element, the close button; start on the first field instead.
      dialog
        .querySelector<HTMLElement>('form input:not([type="hidden"]), form select, form textarea')
        ?.focus();
    }
    if (!open && dialog.open) {
      isClosingForProp.current = true;
      dialog.close();
    }
  }, [open]);

  return (
    <dialog
      ref={ref}
      className={`${styles.dialog} ${size === 'wide' ? styles.wide : ''}`}
      aria-labelledby={titleId}
      aria-describedby={description ? descriptionId : undefined}
      onClose={() => {
        // The close event arrives a moment after close(): if it is ours (the prop said closed),
        // it must not close a dialog the user has reopened since, e.g. one keystroke later.
        if (isClosingForProp.current) {
          isClosingForProp.current = false;
          return;
        }
        // Closed by the user (Escape) but opened again before this event arrived: stale.
        if (ref.current?.open) return;
        onOpenChange(false);
      }}
    >
      {open && (
        <div className={styles.body}>
          <header className={styles.header}>
            <h2 id={titleId} className={styles.title}>
              {title}
            </h2>
            <button
              type="button"
              className={styles.close}
              onClick={() => onOpenChange(false)}
              aria-label="Close"
            >
              <X aria-hidden size={18} />
            </button>
          </header>
          {description && (
            <p id={descriptionId} className={styles.description}>
              {description}
            </p>
          )}
          {children}
        </div>
      )}
    </dialog>
  );
}
