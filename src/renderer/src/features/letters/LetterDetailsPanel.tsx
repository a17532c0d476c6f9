import { useMutation, useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import {
  letterDeliveryMethodLabels,
  letterDeliveryMethods,
  letterStatusLabels,
  type LetterDeliveryMethod,
} from '@shared/domain/letter-kinds';
import { localToday } from '@shared/schemas/fields';
import type { MethodInput } from '@shared/contract';
import type { Letter } from '@shared/schemas/letters';
import { queryClient } from '../../app/query-client';
import { Button } from '../../components/Button';
import { Field } from '../../components/Field';
import fieldStyles from '../../components/Field.module.css';
import { FormError } from '../../components/FormError';
import { callApi } from '../../lib/api';
import { formatCalendarDate } from '../../lib/format-date';
import { formErrorsFromFailure, noErrors, type FormErrors } from '../../lib/form-errors';
import { letterQueryKey, lettersOfCaseQueryKey } from './letter-queries';
import styles from './Letters.module.css';

type Props = {
  readonly letter: Letter;
  readonly onAnnounce: (message: string) => void;
};

/** The letter's status (draft or sent, when and how) and the enclosures it lists. */
export function LetterDetailsPanel({ letter, onAnnounce }: Props) {
  const documents = useQuery({
    queryKey: ['vault', 'case', letter.caseId],
    queryFn: () => callApi('vault.list', { caseId: letter.caseId }),
  });
  const [sentOn, setSentOn] = useState(localToday());
  const [sentVia, setSentVia] = useState<LetterDeliveryMethod>('fax');
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const update = useMutation({
    mutationFn: (changes: MethodInput<'letters.update'>['changes']) =>
      callApi('letters.update', { letterId: letter.id, changes }),
    onSuccess: async (saved) => {
      setErrors(noErrors);
      queryClient.setQueryData(letterQueryKey(letter.id), saved);
      await queryClient.invalidateQueries({ queryKey: lettersOfCaseQueryKey(letter.caseId) });
      onAnnounce(
        saved.status === 'sent' ? `Marked “${saved.title}” as sent.` : `“${saved.title}” is a draft again.`,
      );
    },
    onError: (error) => setErrors(formErrorsFromFailure(error, ['changes.sentOn', 'changes.sentVia'])),
  });
  const namesById = new Map((documents.data ?? []).map((document) => [document.id, document.fileName]));

  function markSent(event: FormEvent) {
    event.preventDefault();
    update.mutate({ status: 'sent', sentOn, sentVia });
  }

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
            <Button
              variant="quiet"
              disabled={update.isPending}
              onClick={() => update.mutate({ status: 'draft' })}
            >
              Mark as draft again
            </Button>
          </>
        ) : (
          <form className={styles.sentForm} onSubmit={markSent} noValidate>
            <p>
              <span className={styles.draftBadge}>{letterStatusLabels.draft}</span>
            </p>
            <Field label="Sent on" error={errors.fields['changes.sentOn']}>
              {(ids) => (
                <input
                  {...ids}
                  className={fieldStyles.input}
                  type="date"
                  value={sentOn}
                  onChange={(event) => setSentOn(event.target.value)}
                />
              )}
            </Field>
            <Field label="Sent by" error={errors.fields['changes.sentVia']}>
              {(ids) => (
                <select
                  {...ids}
                  className={fieldStyles.input}
                  value={sentVia}
                  onChange={(event) => setSentVia(event.target.value as LetterDeliveryMethod)}
                >
                  {letterDeliveryMethods.map((method) => (
                    <option key={method} value={method}>
                      {letterDeliveryMethodLabels[method]}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <FormError message={errors.form} />
            <Button type="submit" disabled={update.isPending}>
              Mark as sent
            </Button>
          </form>
        )}
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
