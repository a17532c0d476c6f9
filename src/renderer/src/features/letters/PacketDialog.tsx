import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import type { Letter } from '@shared/schemas/letters';
import { Field, inputClassName } from '../../components/Field';
import formStyles from '../../components/Form.module.css';
import { FormDialog } from '../../components/FormDialog';
import { formErrorsFromFailure, noErrors, type FormErrors } from '../../lib/form-errors';
import { saveFile } from '../../lib/save-file';

type Props = {
  readonly letter: Letter;
  /** The user chose to go on with prompts unfilled: the packet's letter says DRAFT. */
  readonly allowUnfilled: boolean;
  readonly open: boolean;
  readonly onOpenChange: (open: boolean) => void;
  readonly onAnnounce: (message: string) => void;
};

/** One PDF to fax or upload: a cover sheet, the letter, then the letter's enclosures in order. */
export function PacketDialog({ letter, allowUnfilled, open, onOpenChange, onAnnounce }: Props) {
  const [sentVia, setSentVia] = useState<'fax' | 'portal'>('fax');
  const [recipientFax, setRecipientFax] = useState('');
  const [message, setMessage] = useState('');
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const build = useMutation({
    mutationFn: () =>
      saveFile('letters.buildPacket', {
        letterId: letter.id,
        sentVia,
        recipientFax: sentVia === 'fax' ? recipientFax : null,
        message,
        allowUnfilled,
      }),
    onSuccess: (packet) => {
      setErrors(noErrors);
      if (!packet.savedAs) return;
      const omitted = packet.omitted.map((item) => `${item.title}: ${item.reason}`).join(' ');
      onAnnounce(
        `${packet.isDraft ? 'Draft packet' : 'Packet'} downloaded: ${packet.fileName}, ${packet.pageCount ?? 0} pages. Not encrypted. Mark as sent when it goes out: that files the final copy on the case.` +
          (omitted ? ` ${omitted}` : ''),
      );
      onOpenChange(false);
    },
    onError: (error) =>
      setErrors(formErrorsFromFailure(error, ['sentVia', 'recipientFax', 'message', 'enclosureDocumentIds'])),
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    build.mutate();
  }

  const enclosureCount = letter.enclosureDocumentIds.length;
  return (
    <FormDialog
      open={open}
      onOpenChange={onOpenChange}
      title="Build submission packet"
      description={`A cover sheet, the letter, then its ${enclosureCount} ${enclosureCount === 1 ? 'enclosure' : 'enclosures'} in order, every page numbered.`}
      onSubmit={submit}
      submitLabel={build.isPending ? 'Building…' : 'Build and save packet'}
      submitDisabled={build.isPending}
      error={errors.fields['enclosureDocumentIds'] ?? errors.form}
      cancelVariant="quiet"
    >
      <fieldset className={formStyles.fieldset}>
        <legend className={formStyles.legend}>Cover sheet</legend>
        <label>
          <input
            type="radio"
            name="packet-cover"
            checked={sentVia === 'fax'}
            onChange={() => setSentVia('fax')}
          />{' '}
          Fax cover sheet
        </label>
        <label>
          <input
            type="radio"
            name="packet-cover"
            checked={sentVia === 'portal'}
            onChange={() => setSentVia('portal')}
          />{' '}
          Portal upload cover sheet
        </label>
      </fieldset>
      {sentVia === 'fax' && (
        <Field
          label="Recipient's fax number"
          optional
          hint="Leave empty to use the payer's fax on the coverage."
          error={errors.fields['recipientFax']}
        >
          {(ids) => (
            <input
              {...ids}
              className={inputClassName}
              inputMode="tel"
              value={recipientFax}
              onChange={(event) => setRecipientFax(event.target.value)}
            />
          )}
        </Field>
      )}
      <Field label="Note on the cover sheet" optional error={errors.fields['message']}>
        {(ids) => (
          <textarea
            {...ids}
            className={inputClassName}
            rows={3}
            value={message}
            onChange={(event) => setMessage(event.target.value)}
          />
        )}
      </Field>
    </FormDialog>
  );
}
