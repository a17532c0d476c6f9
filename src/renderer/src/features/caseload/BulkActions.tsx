import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { caseStageLabels, caseStages, type CaseStage } from '@shared/domain/case-stages';
import type { CaseloadViewDefinition } from '@shared/schemas/caseload';
import { Button } from '../../components/Button';
import { callApi } from '../../lib/api';
import styles from './Caseload.module.css';

/** The core changes at most this many cases in one request (caseload.bulkUpdate). */
const maxBulkCases = 10_000;

async function allIdsOf(definition: CaseloadViewDefinition, total: number): Promise<Set<number>> {
  const ids = new Set<number>();
  for (let offset = 0; offset < total; offset += 1000) {
    const page = await callApi('caseload.query', {
      ...definition,
      offset,
      limit: 1000,
      includeStageCounts: false,
    });
    for (const row of page.rows) ids.add(row.id);
  }
  return ids;
}

/** What to do with the ticked cases: move them to a stage, assign them, or select the whole view. */
export function BulkActions({
  selectedIds,
  total,
  definition,
  onSelect,
  onDone,
}: {
  selectedIds: ReadonlySet<number>;
  total: number;
  definition: CaseloadViewDefinition;
  onSelect: (ids: ReadonlySet<number>) => void;
  /** `isUndoable`: whether the change wrote anything (an Undo after nothing would take back the edit before). */
  onDone: (message: string, options: { isUndoable: boolean }) => Promise<void>;
}) {
  const [stage, setStage] = useState<CaseStage | ''>('');
  const [advocate, setAdvocate] = useState('');
  const [error, setError] = useState<string | null>(null);
  const count = selectedIds.size;
  const casesWord = count === 1 ? 'case' : 'cases';

  const update = useMutation({
    mutationFn: (changes: { stage?: CaseStage; assignedAdvocate?: string | null }) =>
      callApi('caseload.bulkUpdate', { caseIds: [...selectedIds], changes }),
    onSuccess: async ({ updated, closedLeftClosed }, changes) => {
      setError(null);
      const what = changes.stage
        ? `moved to ${caseStageLabels[changes.stage]}`
        : changes.assignedAdvocate
          ? `assigned to ${changes.assignedAdvocate}`
          : 'unassigned';
      const moved =
        updated === 0
          ? 'No case changed.'
          : `${updated.toLocaleString()} ${updated === 1 ? 'case' : 'cases'} ${what}.`;
      // Reopening clears a closed case's outcome: the case page asks about that, one case at a time.
      const leftClosed =
        closedLeftClosed === 0
          ? ''
          : ` ${closedLeftClosed.toLocaleString()} closed ${closedLeftClosed === 1 ? 'case was' : 'cases were'} left closed: to reopen one, change its stage on its page.`;
      await onDone(moved + leftClosed, { isUndoable: updated > 0 });
    },
    onError: (failure) => setError(failure.message),
  });
  const selectAll = useMutation({
    mutationFn: () => allIdsOf(definition, total),
    onSuccess: (ids) => onSelect(ids),
    onError: (failure) => setError(failure.message),
  });

  return (
    <div className={styles.bulkBar} role="region" aria-label="Bulk actions">
      <strong>
        {count.toLocaleString()} {casesWord} selected
      </strong>
      {count < total && total <= maxBulkCases && (
        <Button variant="quiet" onClick={() => selectAll.mutate()} disabled={selectAll.isPending}>
          Select all {total.toLocaleString()} in this view
        </Button>
      )}
      <form
        className={styles.bulkForm}
        onSubmit={(event) => {
          event.preventDefault();
          if (stage) update.mutate({ stage });
          else setError('Choose the stage to move the cases to.');
        }}
      >
        <label>
          <span className="visually-hidden">New stage</span>
          <select
            value={stage}
            onChange={(event) => setStage(event.target.value as CaseStage | '')}
            aria-label="New stage"
          >
            <option value="">Change stage to…</option>
            {caseStages.map((value) => (
              <option key={value} value={value}>
                {caseStageLabels[value]}
              </option>
            ))}
          </select>
        </label>
        <Button type="submit" variant="secondary" disabled={update.isPending}>
          Change stage
        </Button>
      </form>
      <form
        className={styles.bulkForm}
        onSubmit={(event) => {
          event.preventDefault();
          update.mutate({ assignedAdvocate: advocate.trim() || null });
        }}
      >
        <label>
          <span className="visually-hidden">Advocate</span>
          <input
            value={advocate}
            onChange={(event) => setAdvocate(event.target.value)}
            placeholder="Advocate (blank to unassign)"
            aria-label="Advocate to assign"
            maxLength={120}
          />
        </label>
        <Button type="submit" variant="secondary" disabled={update.isPending}>
          Assign
        </Button>
      </form>
      <Button variant="quiet" onClick={() => onSelect(new Set())}>
        Clear selection
      </Button>
      {error && (
        <p role="alert" className={styles.bulkError}>
          {error}
        </p>
      )}
    </div>
  );
}
