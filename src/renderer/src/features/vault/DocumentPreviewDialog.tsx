import { useQuery } from '@tanstack/react-query';
import { X } from 'lucide-react';
import { useEffect, useId, useRef, useState } from 'react';
import { Button } from '../../components/Button';
import { callApi } from '../../lib/api';
import { PdfViewer } from './PdfViewer';
import { saveFile } from '../../lib/save-file';
import styles from './Vault.module.css';
import { queryKeys } from '../../lib/query-keys';
import { TextViewer } from './TextViewer';
import { ImageViewer } from './ImageViewer';
import { MetadataForm } from './MetadataForm';
import { DocumentDetails } from './DocumentDetails';
import { useCanEditRecords } from '../team/use-team-connection';

type Props = {
  readonly documentId: number;
  readonly caseId: number;
  readonly onClose: () => void;
  readonly onChanged: () => Promise<unknown>;
};

/** A wide modal: the document on the left, its details and links on the right. */
export function DocumentPreviewDialog({ documentId, caseId, onClose, onChanged }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const [message, setMessage] = useState('');
  const [confirmDownload, setConfirmDownload] = useState(false);
  const canEdit = useCanEditRecords();
  const summary = useQuery({
    queryKey: queryKeys.vault.get(documentId),
    queryFn: () => callApi('vault.get', { documentId }),
  });
  const preview = useQuery({
    queryKey: queryKeys.vault.preview(documentId),
    queryFn: () => callApi('vault.preview', { documentId }),
    retry: false,
    gcTime: 0,
  });

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);

  async function download(): Promise<void> {
    const content = await saveFile('vault.content', { documentId });
    setConfirmDownload(false);
    if (content.savedAs) {
      setMessage(`Saved as ${content.savedAs}. That copy is not encrypted: delete it when you are done.`);
    }
  }

  const document = summary.data;
  const isDesktop = Boolean(window.advocase);
  return (
    <dialog ref={ref} className={styles.previewDialog} aria-labelledby={titleId} onClose={onClose}>
      <header className={styles.previewHeader}>
        <h2 id={titleId} className={styles.previewTitle}>
          {document?.fileName ?? 'Document'}
        </h2>
        <div className={styles.previewActions}>
          {isDesktop && (
            <Button
              onClick={() =>
                void callApi('vault.openExternally', { documentId }).then(() =>
                  setMessage(
                    'Opened in the system viewer. Advocase deletes its decrypted copy when it locks, but the other app may keep a copy of its own (recent files, autosave) that Advocase cannot remove.',
                  ),
                )
              }
            >
              Open in system viewer
            </Button>
          )}
          <Button onClick={() => setConfirmDownload(true)}>Download copy</Button>
          <button
            type="button"
            className={styles.close}
            aria-label="Close"
            onClick={() => ref.current?.close()}
          >
            <X aria-hidden size={18} />
          </button>
        </div>
      </header>
      {confirmDownload && (
        <div className={styles.warning} role="alertdialog" aria-label="Download warning">
          <p>
            The downloaded copy is not encrypted. Anyone with access to this computer's downloads can read it.
          </p>
          <Button variant="primary" onClick={() => void download()}>
            Download unencrypted copy
          </Button>
          <Button onClick={() => setConfirmDownload(false)}>Cancel</Button>
        </div>
      )}
      <p role="status" className={styles.announcement}>
        {message}
      </p>
      <div className={styles.previewBody}>
        <div className={styles.previewPane}>
          {preview.isPending && <p className={styles.notice}>Decrypting…</p>}
          {preview.error && (
            <p className={styles.damaged} role="alert">
              {preview.error.message}
            </p>
          )}
          {preview.data?.kind === 'pdf' && <PdfViewer data={preview.data.data} />}
          {preview.data?.kind === 'image' && (
            <ImageViewer mimeType={preview.data.mimeType} data={preview.data.data} />
          )}
          {preview.data?.kind === 'text' && <TextViewer text={preview.data.text} />}
          {preview.data?.kind === 'unavailable' && <p className={styles.notice}>{preview.data.message}</p>}
        </div>
        {document && !canEdit && <DocumentDetails document={document} caseId={caseId} />}
        {document && canEdit && (
          <MetadataForm
            key={`${document.id}-${document.eventIds.join(',')}`}
            document={document}
            caseId={caseId}
            onSaved={async (text) => {
              setMessage(text);
              await summary.refetch();
              await onChanged();
            }}
          />
        )}
      </div>
    </dialog>
  );
}
