import { useQuery } from '@tanstack/react-query';
import { Search } from 'lucide-react';
import { useEffect, useRef, useState } from 'react';
import { callApi } from '../../lib/api';
import { isTypingInField } from '../../lib/keyboard';
import { Button } from '../../components/Button';
import { CaseloadTable } from './CaseloadTable';
import styles from './Caseload.module.css';

export const casesQueryKey = ['cases'] as const;

export function CaseloadView({ onNewCase }: { onNewCase: () => void }) {
  const cases = useQuery({ queryKey: casesQueryKey, queryFn: () => callApi('cases.list', {}) });
  const [quickFilter, setQuickFilter] = useState('');
  const filterRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (event.key === '/' && !isTypingInField(event)) {
        event.preventDefault();
        filterRef.current?.focus();
      }
    }
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);

  const openCount = cases.data?.filter((row) => row.stage !== 'resolved').length ?? 0;

  return (
    <section className={styles.view} aria-labelledby="caseload-title">
      <div className={styles.toolbar}>
        <div>
          <h1 id="caseload-title" className={styles.title}>
            Caseload
          </h1>
          <p className={styles.subtitle}>
            {cases.data ? `${openCount} open of ${cases.data.length} cases` : 'Loading cases…'}
          </p>
        </div>
        <label className={styles.search}>
          <Search aria-hidden size={16} />
          <span className="visually-hidden">Filter cases</span>
          <input
            ref={filterRef}
            type="search"
            placeholder="Filter by client, payer, treatment…"
            value={quickFilter}
            onChange={(event) => setQuickFilter(event.target.value)}
            aria-keyshortcuts="/"
          />
          <kbd aria-hidden>/</kbd>
        </label>
      </div>
      {cases.isError && (
        <p role="alert" className={styles.loadError}>
          {cases.error.message}
        </p>
      )}
      {cases.data && cases.data.length === 0 && (
        <div className={styles.empty}>
          <h2>No cases yet</h2>
          <p>
            Add your first client and the treatment you are fighting for. Press <kbd>N</kbd> any time.
          </p>
          <Button variant="primary" onClick={onNewCase}>
            New case
          </Button>
        </div>
      )}
      {cases.data && cases.data.length > 0 && <CaseloadTable cases={cases.data} quickFilter={quickFilter} />}
    </section>
  );
}
