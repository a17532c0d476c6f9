import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import type { Letter } from '@shared/schemas/letters';
import { Button } from '../../components/Button';
import { FormError } from '../../components/FormError';
import { formErrorsFromFailure, noErrors, type FormErrors } from '../../lib/form-errors';
import { saveFile } from '../../lib/save-file';
import styles from './Letters.module.css';
import { MarkSentDialog } from './MarkSentDialog';
import { PacketDialog } from './PacketDialog';
import { UnfilledPromptsDialog, type PendingOutput } from './UnfilledPromptsDialog';

type Props = {
  readonly letter: Letter;
  /** False while an edit is still being saved: export what is on screen only once it is stored. */
  readonly isSaved: boolean;
  /** False for a team's viewer: the letter exports; no packet is built and it is not marked sent. */
  readonly canEdit: boolean;
  readonly onAnnounce: (message: string) => void;
};

/**
 * What happens to the finished letter: the prompts still to fill, then the PDF and Word exports,
 * the submission packet and the record that it was sent. Exports read the saved letter, so they
 * wait until the last edit is stored.
 */
export function LetterActions({ letter, isSaved, canEdit, onAnnounce }: Props) {
  const prompts = letter.unfilledPrompts;
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [dialog, setDialog] = useState<'packet' | 'sent' | null>(null);
  // An output waiting for the user's answer to "prompts are still to fill".
  const [pending, setPending] = useState<PendingOutput | null>(null);
  const [isDraftPacket, setIsDraftPacket] = useState(false);
  const exportFile = useMutation({
    mutationFn: ({ format, allowUnfilled }: { format: 'pdf' | 'docx'; allowUnfilled: boolean }) =>
      format === 'pdf'
        ? saveFile('letters.exportPdf', { letterId: letter.id, allowUnfilled })
        : saveFile('letters.exportDocx', { letterId: letter.id, allowUnfilled }),
    onSuccess: (file, { format }) => {
      setErrors(noErrors);
      if (!file.savedAs) return;
      onAnnounce(
        `${file.isDraft ? 'Draft ' : ''}${format === 'pdf' ? 'PDF' : 'Word document'} downloaded: ${file.fileName}` +
          (file.pageCount ? `, ${file.pageCount} ${file.pageCount === 1 ? 'page' : 'pages'}` : '') +
          '. Not encrypted. Mark as sent when it goes out: that files the final copy on the case.',
      );
    },
    onError: (error) => setErrors(formErrorsFromFailure(error, [])),
  });

  /** Makes the output at once when the letter is complete; otherwise asks first. */
  function start(output: PendingOutput) {
    if (prompts.length > 0) {
      setPending(output);
      return;
    }
    if (output === 'packet') {
      setIsDraftPacket(false);
      setDialog('packet');
    } else {
      exportFile.mutate({ format: output, allowUnfilled: false });
    }
  }

  function exportDraft(output: PendingOutput) {
    setPending(null);
    if (output === 'packet') {
      setIsDraftPacket(true);
      setDialog('packet');
    } else {
      exportFile.mutate({ format: output, allowUnfilled: true });
    }
  }
  const isBusy = exportFile.isPending || !isSaved;

  return (
    <section className={styles.sidePanel} aria-labelledby="letter-actions-title">
      <h2 id="letter-actions-title" className={styles.sideTitle}>
        Before you send it
      </h2>
      {prompts.length === 0 ? (
        <p className={styles.ready}>
          <span className={styles.readyBadge}>Complete</span> Every fact is filled in.
          {isSaved ? '' : ' Saving your last change…'}
        </p>
      ) : (
        <>
          <p className={styles.warningText}>
            <span className={styles.warningBadge}>{prompts.length} to fill</span> Replace each bracketed
            prompt in the letter, or record the fact on the case and make the letter again.
          </p>
          <ul className={styles.promptList} aria-label="Still to fill">
            {prompts.map((prompt) => (
              <li key={prompt}>{prompt}</li>
            ))}
          </ul>
        </>
      )}
      <div className={styles.outputButtons} role="group" aria-label="Send the letter">
        <Button disabled={isBusy} onClick={() => start('pdf')}>
          Export PDF
        </Button>
        <Button disabled={isBusy} onClick={() => start('docx')}>
          Export DOCX
        </Button>
        {canEdit && (
          <>
            <Button disabled={!isSaved} onClick={() => start('packet')}>
              Build packet…
            </Button>
            <Button disabled={!isSaved} onClick={() => setDialog('sent')}>
              Mark as sent…
            </Button>
          </>
        )}
      </div>
      {!isSaved && <p className={styles.muted}>Exports wait until your last change is saved.</p>}
      <FormError message={errors.form} />
      <UnfilledPromptsDialog
        pending={pending}
        prompts={prompts}
        onCancel={() => setPending(null)}
        onExportDraft={exportDraft}
      />
      <PacketDialog
        letter={letter}
        allowUnfilled={isDraftPacket}
        open={dialog === 'packet'}
        onOpenChange={(open) => setDialog(open ? 'packet' : null)}
        onAnnounce={onAnnounce}
      />
      <MarkSentDialog
        letter={letter}
        open={dialog === 'sent'}
        onOpenChange={(open) => setDialog(open ? 'sent' : null)}
        onAnnounce={onAnnounce}
      />
    </section>
  );
}
