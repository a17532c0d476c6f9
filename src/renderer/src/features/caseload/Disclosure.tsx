import { useEffect, useRef, type ReactNode } from 'react';
import styles from './Caseload.module.css';

/**
 * A small drop-down panel on the platform's <details>: keyboard- and screen-reader-friendly as it
 * is, closed by Escape or a click elsewhere. (A library popover would inject a <style> tag, which
 * the Content-Security-Policy forbids.)
 */
export function Disclosure({
  summary,
  label,
  isActive = false,
  children,
}: {
  summary: ReactNode;
  label: string;
  isActive?: boolean;
  children: ReactNode;
}) {
  const ref = useRef<HTMLDetailsElement>(null);

  useEffect(() => {
    function closeIfOutside(event: MouseEvent) {
      const details = ref.current;
      if (details?.open && !details.contains(event.target as Node)) details.open = false;
    }
    document.addEventListener('mousedown', closeIfOutside);
    return () => document.removeEventListener('mousedown', closeIfOutside);
  }, []);

  return (
    <details
      ref={ref}
      className={styles.disclosure}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && ref.current?.open) {
          event.stopPropagation();
          ref.current.open = false;
          ref.current.querySelector('summary')?.focus();
        }
      }}
    >
      <summary className={isActive ? `${styles.chip} ${styles.chipActive}` : styles.chip} aria-label={label}>
        {summary}
      </summary>
      <div className={styles.panel}>{children}</div>
    </details>
  );
}
