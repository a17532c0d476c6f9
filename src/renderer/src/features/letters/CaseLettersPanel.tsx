import { useMutation, useQuery } from '@tanstack/react-query';
import { FilePlus2, Trash2 } from 'lucide-react';
import { useState } from 'react';
import { letterKindLabels, letterStatusLabels } from '@shared/domain/letter-kinds';
import type { LetterSummary } from '@shared/schemas/letters';
import { queryClient } from '../../app/query-client';
import { hrefFor } from '../../app/routes';
import { Button } from '../../components/Button';
import { Dialog } from '../../components/Dialog';
import formStyles from '../../components/Form.module.css';
import { FormError } from '../../components/FormError';
import { callApi } from '../../lib/api';
import { formatCalendarDate, formatInstant } from '../../lib/format-date';
import { NewLetterDialog } from './NewLetterDialog';
import styles from './Letters.module.css';
import { queryKeys } from '../../lib/query-keys';
import { useCanEditRecords } from '../team/use-team-connection';

type Props = { readonly caseId: number };

/** The case's Letters tab: its letters, newest change first, and the way to draft another. */
// Letters are not part of the app-wide Undo (autosave would make it undo keystrokes), so this tab
// says what happened itself instead of through the workspace toast, which offers Undo.
export function CaseLettersPanel({ caseId }: Props) {
  const letters = useQuery({
    queryKey: queryKeys.letters.ofCase(caseId),
    queryFn: () => callApi('letters.list', { caseId }),
  });
  const [isCreating, setIsCreating] = useState(false);
  const canEdit = useCanEditRecords();
  const [toDelete, setToDelete] = useState<LetterSummary | null>(null);
  const [message, setMessage] = useState('');
  const remove = useMutation({
    mutationFn: (letter: LetterSummary) => callApi('letters.delete', { letterId: letter.id }),
    onSuccess: async (_nothing, letter) => {
      setToDelete(null);
      await queryClient.invalidateQueries({ queryKey: queryKeys.letters.ofCase(caseId) });
      setMessage(`Deleted “${letter.title}”.`);
    },
  });

  return (
    <div className={styles.panel}>
      <div className={styles.panelHeader}>
        {canEdit && (
          <>
            <p className={styles.muted}>
              Letters are filled from this case and saved as you type.{' '}
              <a href={hrefFor({ name: 'letterTemplates' })}>Letter templates</a>
            </p>
            <Button variant="primary" onClick={() => setIsCreating(true)}>
              <FilePlus2 aria-hidden size={16} /> New letter
            </Button>
          </>
        )}
      </div>
      <p role="status" className={styles.muted}>
        {message}
      </p>
      {letters.isPending && <p className={styles.muted}>Loading letters…</p>}
      {letters.isError && <FormError message={letters.error.message} />}
      {letters.data?.length === 0 && (
        <p className={styles.empty}>
          {canEdit ? (
            <>
              No letters yet. Choose <strong>New letter</strong> to draft an appeal, a request for the claim
              file or a letter of medical necessity from what this case already records.
            </>
          ) : (
            'No letters on this case.'
          )}
        </p>
      )}
      {letters.data && letters.data.length > 0 && (
        <table className={styles.table} aria-label="Letters">
          <thead>
            <tr>
              <th scope="col">Letter</th>
              <th scope="col">Kind</th>
              <th scope="col">Status</th>
              <th scope="col">Still to fill</th>
              <th scope="col">Changed</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {letters.data.map((letter) => (
              <tr key={letter.id}>
                <td>
                  <a href={hrefFor({ name: 'letter', caseId, letterId: letter.id })}>{letter.title}</a>
                </td>
                <td>{letterKindLabels[letter.kind]}</td>
                <td>
                  <span className={letter.status === 'sent' ? styles.sentBadge : styles.draftBadge}>
                    {letterStatusLabels[letter.status]}
                  </span>
                  {letter.sentOn ? ` ${formatCalendarDate(letter.sentOn)}` : ''}
                </td>
                <td>
                  {letter.unfilledCount === 0 ? (
                    <span className={styles.readyBadge}>Complete</span>
                  ) : (
                    <span className={styles.warningBadge}>
                      {letter.unfilledCount} {letter.unfilledCount === 1 ? 'prompt' : 'prompts'}
                    </span>
                  )}
                </td>
                <td>{formatInstant(letter.updatedAt)}</td>
                <td>
                  {canEdit && (
                    <Button
                      variant="quiet"
                      aria-label={`Delete ${letter.title}`}
                      onClick={() => setToDelete(letter)}
                    >
                      <Trash2 aria-hidden size={14} />
                    </Button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <NewLetterDialog caseId={caseId} open={isCreating} onOpenChange={setIsCreating} />
      <Dialog
        open={toDelete !== null}
        onOpenChange={(isOpen) => !isOpen && setToDelete(null)}
        title="Delete this letter?"
        description={
          toDelete
            ? `“${toDelete.title}” and its text will be deleted. Documents it encloses stay in the vault.`
            : undefined
        }
      >
        <div className={formStyles.actions}>
          <FormError message={remove.error?.message} />
          <Button variant="quiet" onClick={() => setToDelete(null)}>
            Keep it
          </Button>
          <Button
            variant="danger"
            disabled={remove.isPending}
            onClick={() => toDelete && remove.mutate(toDelete)}
          >
            Delete letter
          </Button>
        </div>
      </Dialog>
    </div>
  );
}
