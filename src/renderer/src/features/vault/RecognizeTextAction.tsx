import { useMutation, useQuery } from '@tanstack/react-query';
import type { DocumentSummary } from '@shared/schemas/vault';
import { Button } from '../../components/Button';
import { callApi } from '../../lib/api';
import styles from './Vault.module.css';
import { queryKeys } from '../../lib/query-keys';

/** Types whose text OCR can read; HEIC has no decoder (the server says so too). */
const recognisableTypes: ReadonlySet<DocumentSummary['mediaType']> = new Set(['pdf', 'png', 'jpeg']);

/** Whether a document is a scan or picture whose text can still be recognised. */
export function canRecognizeText(document: DocumentSummary): boolean {
  return (
    document.deletedAt === null &&
    document.textStatus === 'no_text' &&
    document.recognisedText === null &&
    recognisableTypes.has(document.mediaType)
  );
}

/** The sentence that says how far to trust recognised text. */
export function recognisedTextSentence(confidence: number): string {
  return `Text recognised from the image, confidence ${confidence} %`;
}

/**
 * "Recognise text" for one scan: runs OCR on this computer, shows the page and a progress bar while
 * it works (polled, as backups are), and offers Cancel. `onFinished` hears the sentence to announce.
 */
export function RecognizeTextAction({
  document,
  onFinished,
}: {
  document: DocumentSummary;
  onFinished: (announcement: string) => Promise<void>;
}) {
  const recognize = useMutation({
    mutationFn: () => callApi('vault.recognizeText', { documentId: document.id }),
    onSuccess: async ({ outcome, document: after }) => {
      const sentence =
        outcome === 'cancelled'
          ? `Text recognition of “${after.fileName}” cancelled; nothing was changed.`
          : after.recognisedText && after.textStatus === 'indexed'
            ? `${recognisedTextSentence(after.recognisedText.confidence)}: “${after.fileName}” is searchable now.`
            : `No text was found in the image of “${after.fileName}”.`;
      await onFinished(sentence);
    },
    onError: async (error) => onFinished(error.message),
  });
  const progress = useQuery({
    queryKey: queryKeys.vault.recognitionProgress(document.id),
    queryFn: async () =>
      (await callApi('vault.recognitionProgress', {})).find((entry) => entry.documentId === document.id) ??
      null,
    enabled: recognize.isPending,
    refetchInterval: 400,
  });
  const cancel = useMutation({
    mutationFn: () => callApi('vault.cancelRecognition', { documentId: document.id }),
  });

  if (!recognize.isPending) {
    return (
      <Button
        variant="quiet"
        onClick={() => recognize.mutate()}
        aria-label={`Recognise text: ${document.fileName}`}
      >
        Recognise text
      </Button>
    );
  }
  const current = progress.data;
  const percent = Math.round((current?.fraction ?? 0) * 100);
  return (
    <span className={styles.recognizing}>
      <progress aria-label={`Recognising the text of ${document.fileName}`} max={100} value={percent} />
      <span className={styles.recognizingLabel}>
        {current ? `Page ${current.page} of ${current.pageCount} · ${percent} %` : 'Starting…'}
      </span>
      <Button
        variant="quiet"
        disabled={cancel.isPending}
        onClick={() => cancel.mutate()}
        aria-label={`Cancel recognising the text of ${document.fileName}`}
      >
        Cancel
      </Button>
    </span>
  );
}
