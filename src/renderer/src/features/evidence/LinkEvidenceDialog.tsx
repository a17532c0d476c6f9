import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { timelineEventTypeLabels } from '@shared/domain/timeline-event-types';
import { documentTypeLabels } from '@shared/schemas/vault';
import type { EvidenceItem } from '@shared/schemas/evidence';
import { hrefFor } from '../../app/routes';
import { Field, inputClassName } from '../../components/Field';
import { FormDialog } from '../../components/FormDialog';
import { callApi } from '../../lib/api';
import { formatCalendarDate, formatInstant } from '../../lib/format-date';
import { formErrorsFromFailure, noErrors, type FormErrors } from '../../lib/form-errors';
import { useCaseRecords } from './use-case-records';
import styles from './Evidence.module.css';
import { queryKeys } from '../../lib/query-keys';

type Props = {
  readonly caseId: number;
  /** The item and whether to pick a document or a timeline entry; null when closed. */
  readonly target: { readonly item: EvidenceItem; readonly kind: 'document' | 'event' } | null;
  readonly onClose: () => void;
  readonly onSaved: (message: string) => void;
};

/** Picks one of the case's documents or timeline entries to satisfy a checklist item. */
export function LinkEvidenceDialog({ caseId, target, onClose, onSaved }: Props) {
  const queryClient = useQueryClient();
  const { documents, events } = useCaseRecords(caseId);
  const [chosen, setChosen] = useState<number | null>(null);
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const kind = target?.kind ?? 'document';
  const alreadyLinked = new Set(
    (target?.item.links ?? []).map((link) =>
      kind === 'document' ? link.target.documentId : link.target.eventId,
    ),
  );

  const link = useMutation({
    mutationFn: (id: number) =>
      callApi('evidence.link', {
        caseId,
        itemKey: target!.item.key,
        ...(kind === 'document' ? { documentId: id } : { eventId: id }),
        note,
      }),
    onSuccess: async (saved) => {
      await queryClient.invalidateQueries({ queryKey: queryKeys.evidence.ofCase(caseId) });
      await queryClient.invalidateQueries({ queryKey: queryKeys.caseload.ofCases });
      onSaved(`Linked ${saved.target.label} to “${target!.item.label}”.`);
      onClose();
    },
    onError: (error) => setErrors(formErrorsFromFailure(error, [])),
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    if (chosen === null) {
      setErrors({
        fields: {},
        form: `Choose a ${kind === 'document' ? 'document' : 'timeline entry'} to link.`,
      });
      return;
    }
    setErrors(noErrors);
    link.mutate(chosen);
  }

  const options =
    kind === 'document'
      ? documents.map((document) => ({
          id: document.id,
          title: document.fileName,
          detail: [
            documentTypeLabels[document.documentType],
            document.documentDate ? formatCalendarDate(document.documentDate) : null,
          ]
            .filter(Boolean)
            .join(' · '),
        }))
      : events.map((event) => ({
          id: event.id,
          title: event.summary,
          detail: `${timelineEventTypeLabels[event.type]} · ${formatInstant(event.occurredAt)}`,
        }));

  return (
    <FormDialog
      open={target !== null}
      onOpenChange={(open) => !open && onClose()}
      title={`Link ${kind === 'document' ? 'a document' : 'a timeline entry'} to “${target?.item.label ?? ''}”`}
      description={target?.item.hint}
      size="wide"
      onSubmit={submit}
      submitLabel="Link"
      submitDisabled={link.isPending || options.length === 0}
      error={errors.form}
    >
      {options.length === 0 ? (
        <p className={styles.empty}>
          {kind === 'document' ? (
            <>
              This case has no documents yet. Add them on the{' '}
              <a href={hrefFor({ name: 'case', caseId, tab: 'documents' })}>Documents</a> tab first.
            </>
          ) : (
            <>
              This case’s timeline is empty. Add an entry on the{' '}
              <a href={hrefFor({ name: 'case', caseId, tab: 'timeline' })}>Timeline</a> tab first.
            </>
          )}
        </p>
      ) : (
        <fieldset className={styles.pickList}>
          <legend className="visually-hidden">
            {kind === 'document' ? 'Documents of this case' : 'Timeline entries of this case'}
          </legend>
          {options.map((option) => (
            <label key={option.id} className={styles.pickOption} data-checked={chosen === option.id}>
              <input
                type="radio"
                name="evidence-record"
                value={option.id}
                checked={chosen === option.id}
                disabled={alreadyLinked.has(option.id)}
                onChange={() => setChosen(option.id)}
              />
              <span>
                <span className={styles.pickTitle}>{option.title}</span>
                <span className={styles.subtle}>
                  {option.detail}
                  {alreadyLinked.has(option.id) ? ' · already linked here' : ''}
                </span>
              </span>
            </label>
          ))}
        </fieldset>
      )}
      <Field
        label="Note"
        optional
        hint="What in it answers this item, e.g. “page 3, PHQ-9 of March 2”."
        error={errors.fields.note}
      >
        {(ids) => (
          <input
            {...ids}
            className={inputClassName}
            value={note}
            onChange={(event) => setNote(event.target.value)}
          />
        )}
      </Field>
    </FormDialog>
  );
}
