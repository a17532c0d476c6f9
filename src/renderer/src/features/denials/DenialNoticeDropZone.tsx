import { FileScan } from 'lucide-react';
import { useRef, useState, type DragEvent } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Button } from '../../components/Button';
import hiddenStyles from '../../components/VisuallyHidden.module.css';
import { candidatesFromDrop, uploadFiles, type Candidate, type UploadRow } from '../vault/upload-files';
import { DenialNoticeDialog } from './DenialNoticeDialog';
import styles from './Denials.module.css';
import { queryKeys } from '../../lib/query-keys';

const accepted = '.pdf,.png,.jpg,.jpeg,.heic,.heif,.tif,.tiff,.docx,.txt,.eml';

/**
 * On the case page: drop a denial notice (a PDF, a scan, a photo) or choose one; it is added to the
 * case's documents, encrypted, and read as a denial notice at once.
 */
export function DenialNoticeDropZone({
  caseId,
  onAnnounce,
}: {
  readonly caseId: number;
  readonly onAnnounce: (message: string) => void;
}) {
  const queryClient = useQueryClient();
  const [isDragging, setIsDragging] = useState(false);
  const [upload, setUpload] = useState<UploadRow | null>(null);
  const [documentId, setDocumentId] = useState<number | null>(null);
  const pickerRef = useRef<HTMLInputElement>(null);

  async function read(candidates: Candidate[]) {
    const [first] = candidates;
    if (!first) return;
    if (candidates.length > 1) onAnnounce('One notice at a time: reading the first file dropped.');
    const [row] = await uploadFiles([first], { caseId }, (rows) => setUpload(rows[0] ?? null));
    await queryClient.invalidateQueries({ queryKey: queryKeys.vault.all });
    if (row?.documentId) {
      setUpload(null);
      setDocumentId(row.documentId);
    }
  }

  return (
    <>
      <div
        className={styles.dropZone}
        data-dragging={isDragging || undefined}
        data-testid="denial-notice-drop-zone"
        onDragOver={(event) => {
          event.preventDefault();
          setIsDragging(true);
        }}
        onDragLeave={() => setIsDragging(false)}
        onDrop={(event: DragEvent<HTMLDivElement>) => {
          event.preventDefault();
          setIsDragging(false);
          void read(candidatesFromDrop(event.dataTransfer));
        }}
      >
        <FileScan aria-hidden size={20} />
        <p>
          {upload
            ? `${upload.fileName}: ${upload.message}`
            : 'Got a denial? Drop the notice here (PDF, scan or phone photo) and Advocase reads it into the case.'}
        </p>
        <input
          ref={pickerRef}
          className={hiddenStyles.visuallyHidden}
          type="file"
          accept={accepted}
          aria-label="Choose a denial notice to read"
          tabIndex={-1}
          onChange={(event) => {
            const files = [...(event.target.files ?? [])];
            event.target.value = '';
            void read(files.map((file) => ({ file })));
          }}
        />
        <Button onClick={() => pickerRef.current?.click()}>Read a denial notice…</Button>
      </div>
      {documentId !== null && (
        <DenialNoticeDialog
          caseId={caseId}
          documentId={documentId}
          onClose={() => setDocumentId(null)}
          onRecorded={(message) => {
            setDocumentId(null);
            onAnnounce(message);
          }}
        />
      )}
    </>
  );
}
