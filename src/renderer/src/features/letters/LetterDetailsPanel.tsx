import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { letterDeliveryMethodLabels, letterStatusLabels } from '@shared/domain/letter-kinds';
import type { MethodInput } from '@shared/contract';
import type { Letter } from '@shared/schemas/letters';
import { queryClient } from '../../app/query-client';
import { Button } from '../../components/Button';
import { FormError } from '../../components/FormError';
import { callApi } from '../../lib/api';
import { formatCalendarDate } from '../../lib/format-date';
import { formErrorsFromFailure, noErrors, type FormErrors } from '../../lib/form-errors';
import styles from './Letters.module.css';
import { queryKeys } from '../../lib/query-keys';

type Props = {
  readonly letter: Letter;
  /** False for a team's viewer: the status is read, not changed. */
  readonly canEdit: boolean;
  readonly onAnnounce: (message: string) => void;
};

/** The letter's status (draft or sent, when and how) and the enclosures it lists. */
export function LetterDetailsPanel({ letter, canEdit, onAnnounce }: Props) {
  const documents = useQuery({
    queryKey: queryKeys.vault.list(letter.caseId),
    queryFn: () => callApi('vault.list', { caseId: letter.caseId }),
  });
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const update = useMutation({
    mutationFn: (changes: MethodInput<'letters.update'>['changes']) =>
      callApi('letters.update', { letterId: letter.id, changes }),
    onSuccess: async (saved) => {
      setErrors(noErrors);
      queryClient.setQueryData(queryKeys.letters.letter(letter.id), saved);
      await queryClient.invalidateQueries({ queryKey: queryKeys.letters.ofCase(letter.caseId) });
      onAnnounce(
        saved.status === 'sent' ? `Marked “${saved.title}” as sent.` : `“${saved.title}” is a draft again.`,
      );
    },
    onError: (error) => setErrors(formErrorsFromFailure(error, [])),
  });
  const namesById = new Map((documents.data ?? []).map((document) => [document.id, document.fileName]));

  return (
    <>
      <section className={styles.sidePanel} aria-labelledby="letter-status-title">
        <h2 id="letter-status-title" className={styles.sideTitle}>
          Status
        </h2>
        {letter.status === 'sent' ? (
          <>
            <p>
              <span className={styles.sentBadge}>{letterStatusLabels.sent}</span> on{' '}
              {formatCalendarDate(letter.sentOn)}
              {letter.sentVia ? ` by ${letterDeliveryMethodLabels[letter.sentVia].toLowerCase()}` : ''}
            </p>
            {canEdit && (
              <Button
                variant="quiet"
                disabled={update.isPending}
                onClick={() => update.mutate({ status: 'draft' })}
              >
                Mark as draft again
              </Button>
            )}
          </>
        ) : (
          <p>
            <span className={styles.draftBadge}>{letterStatusLabels.draft}</span> Not sent yet.
            {canEdit &&
              ' Once it has gone, use “Mark as sent…” to record when, how and the proof of delivery.'}
          </p>
        )}
        <FormError message={errors.form} />
      </section>
      <section className={styles.sidePanel} aria-labelledby="letter-enclosures-title">
        <h2 id="letter-enclosures-title" className={styles.sideTitle}>
          Enclosures
        </h2>
        {letter.enclosureDocumentIds.length === 0 ? (
          <p className={styles.muted}>None chosen. The letter says so where it lists enclosures.</p>
        ) : (
          <ol className={styles.enclosureList}>
            {letter.enclosureDocumentIds.map((documentId) => (
              <li key={documentId}>{namesById.get(documentId) ?? `Document ${documentId} (in the trash)`}</li>
            ))}
          </ol>
        )}
      </section>
    </>
  );
}
