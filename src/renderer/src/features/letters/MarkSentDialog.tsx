import { useMutation, useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import {
  letterDeliveryMethodLabels,
  letterDeliveryMethods,
  type LetterDeliveryMethod,
} from '@shared/domain/letter-kinds';
import type { MethodInput } from '@shared/contract';
import { localToday } from '@shared/schemas/fields';
import type { Letter } from '@shared/schemas/letters';
import { Field, inputClassName } from '../../components/Field';
import { FormDialog } from '../../components/FormDialog';
import { callApi } from '../../lib/api';
import { formErrorsFromFailure, noErrors, type FormErrors } from '../../lib/form-errors';
import { refreshAfterOutput } from './letter-queries';
import { queryKeys } from '../../lib/query-keys';

type ProofMethod = NonNullable<MethodInput<'letters.markSent'>['deliveryProof']>['method'];

const proofLabels: Readonly<Record<ProofMethod, string>> = {
  fax_confirmation: 'Fax confirmation',
  certified_mail: 'Certified mail receipt',
  portal_confirmation: 'Portal confirmation',
  email_receipt: 'Email receipt',
  hand_delivery: 'Hand delivery receipt',
  other: 'Other',
};

/** The proof that usually comes with each way of sending. */
const usualProof: Readonly<Record<LetterDeliveryMethod, ProofMethod>> = {
  fax: 'fax_confirmation',
  portal: 'portal_confirmation',
  mail: 'certified_mail',
  email: 'email_receipt',
  in_person: 'hand_delivery',
};

/** A day typed in the user's calendar as an instant: now for today, else midday of that day. */
function sentInstant(day: string): string {
  if (day === localToday()) return new Date().toISOString();
  const midday = new Date(`${day}T12:00:00`);
  return Number.isNaN(midday.getTime()) ? day : midday.toISOString();
}

type Props = {
  readonly letter: Letter;
  readonly open: boolean;
  readonly onOpenChange: (open: boolean) => void;
  readonly onAnnounce: (message: string) => void;
};

/** Records that the letter went out: a "letter sent" entry with its proof, and the letter marked sent. */
export function MarkSentDialog({ letter, open, onOpenChange, onAnnounce }: Props) {
  const [sentOn, setSentOn] = useState(localToday());
  const [sentVia, setSentVia] = useState<LetterDeliveryMethod>('fax');
  const [sentTo, setSentTo] = useState('');
  const [proofMethod, setProofMethod] = useState<ProofMethod | ''>('');
  const [reference, setReference] = useState('');
  const hasPrompts = letter.unfilledPrompts.length > 0;
  // The copy that went out: this letter as printed here (filed now), or one already in the case's
  // documents, e.g. the physician's signed version, scanned. A letter with prompts needs the latter.
  const [sentCopyId, setSentCopyId] = useState('');
  const documents = useQuery({
    queryKey: queryKeys.vault.list(letter.caseId),
    queryFn: () => callApi('vault.list', { caseId: letter.caseId }),
    enabled: open,
  });
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const markSent = useMutation({
    mutationFn: () =>
      callApi('letters.markSent', {
        letterId: letter.id,
        sentVia,
        sentAt: sentInstant(sentOn),
        sentTo,
        documentId: sentCopyId === '' ? null : Number(sentCopyId),
        deliveryProof: proofMethod === '' ? null : { method: proofMethod, reference },
      }),
    onSuccess: async (result) => {
      setErrors(noErrors);
      onAnnounce(
        `Marked “${letter.title}” as sent by ${letterDeliveryMethodLabels[sentVia].toLowerCase()}: ${result.document.fileName} is filed in the case's documents and the timeline shows it.`,
      );
      onOpenChange(false);
      await refreshAfterOutput(letter);
    },
    onError: (error) =>
      setErrors(
        formErrorsFromFailure(error, [
          'sentAt',
          'sentVia',
          'sentTo',
          'documentId',
          'deliveryProof.method',
          'deliveryProof.reference',
        ]),
      ),
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    markSent.mutate();
  }

  return (
    <FormDialog
      open={open}
      onOpenChange={onOpenChange}
      title="Mark as sent"
      description="Files the final PDF, dated the day it went, in the case's documents and adds “letter sent” to the timeline with the proof of delivery."
      onSubmit={submit}
      submitLabel="Mark as sent"
      submitDisabled={markSent.isPending}
      error={errors.form}
      cancelVariant="quiet"
    >
      <Field label="Sent on" error={errors.fields['sentAt']}>
        {(ids) => (
          <input
            {...ids}
            className={inputClassName}
            type="date"
            value={sentOn}
            onChange={(event) => setSentOn(event.target.value)}
          />
        )}
      </Field>
      <Field label="Sent by" error={errors.fields['sentVia']}>
        {(ids) => (
          <select
            {...ids}
            className={inputClassName}
            value={sentVia}
            onChange={(event) => {
              const method = event.target.value as LetterDeliveryMethod;
              setSentVia(method);
              if (proofMethod !== '') setProofMethod(usualProof[method]);
            }}
          >
            {letterDeliveryMethods.map((method) => (
              <option key={method} value={method}>
                {letterDeliveryMethodLabels[method]}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field
        label="Sent to"
        optional
        hint="e.g. the appeals unit and its fax number."
        error={errors.fields['sentTo']}
      >
        {(ids) => (
          <input
            {...ids}
            className={inputClassName}
            value={sentTo}
            onChange={(event) => setSentTo(event.target.value)}
          />
        )}
      </Field>
      <Field
        label="Copy that went out"
        hint={
          hasPrompts
            ? `The letter still has ${letter.unfilledPrompts.length} prompts to fill: choose the copy that was sent, or fill them first.`
            : 'This letter is filed as a PDF dated the day it went, unless you choose another copy.'
        }
        error={errors.fields['documentId']}
      >
        {(ids) => (
          <select
            {...ids}
            className={inputClassName}
            value={sentCopyId}
            onChange={(event) => setSentCopyId(event.target.value)}
          >
            <option value="" disabled={hasPrompts}>
              {hasPrompts ? 'Choose the copy that was sent' : 'This letter, as Advocase prints it'}
            </option>
            {(documents.data ?? []).map((document) => (
              <option key={document.id} value={String(document.id)}>
                {document.fileName}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label="Proof of delivery" optional error={errors.fields['deliveryProof.method']}>
        {(ids) => (
          <select
            {...ids}
            className={inputClassName}
            value={proofMethod}
            onChange={(event) => setProofMethod(event.target.value as ProofMethod | '')}
          >
            <option value="">None yet</option>
            {Object.entries(proofLabels).map(([method, label]) => (
              <option key={method} value={method}>
                {label}
              </option>
            ))}
          </select>
        )}
      </Field>
      {proofMethod !== '' && (
        <Field
          label="Confirmation or tracking number"
          optional
          error={errors.fields['deliveryProof.reference']}
        >
          {(ids) => (
            <input
              {...ids}
              className={inputClassName}
              value={reference}
              onChange={(event) => setReference(event.target.value)}
            />
          )}
        </Field>
      )}
    </FormDialog>
  );
}
