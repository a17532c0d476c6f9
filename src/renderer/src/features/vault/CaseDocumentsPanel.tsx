import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { FileUp, Search, Trash2 } from 'lucide-react';
import { useRef, useState, type DragEvent } from 'react';
import { Button } from '../../components/Button';
import { Dialog } from '../../components/Dialog';
import { callApi } from '../../lib/api';
import { documentTypeLabels, type DocumentSummary } from '@shared/schemas/vault';
import { DocumentPreviewDialog } from './DocumentPreviewDialog';
import { canRecognizeText, recognisedTextSentence, RecognizeTextAction } from './RecognizeTextAction';
import { DenialNoticeDialog } from '../denials/DenialNoticeDialog';
import { candidatesFromDrop, uploadFiles, type Candidate, type UploadRow } from './upload-files';
import styles from './Vault.module.css';
import { queryKeys } from '../../lib/query-keys';
import { useCanEditRecords } from '../team/use-team-connection';

const textStatusLabels: Readonly<Record<DocumentSummary['textStatus'], string>> = {
  indexed: 'Searchable',
  no_text: 'No text',
  too_large: 'Too large to index',
  unreadable: 'Text unreadable',
};

function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

const accepted = '.pdf,.png,.jpg,.jpeg,.heic,.heif,.docx,.txt,.eml';

/** The Documents tab of a case: add (drop or pick), list, search, preview, trash. */
export function CaseDocumentsPanel({ caseId }: { caseId: number }) {
  const queryClient = useQueryClient();
  const [view, setView] = useState<'documents' | 'trash'>('documents');
  const [uploads, setUploads] = useState<UploadRow[]>([]);
  const [isDragging, setIsDragging] = useState(false);
  const [query, setQuery] = useState('');
  const [previewId, setPreviewId] = useState<number | null>(null);
  const [toTrash, setToTrash] = useState<DocumentSummary | null>(null);
  const [readingAsDenial, setReadingAsDenial] = useState<number | null>(null);
  const [confirmEmpty, setConfirmEmpty] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  const pickerRef = useRef<HTMLInputElement>(null);
  // A team's viewer reads and previews; adding, recognising, reading as a notice and deleting change the case.
  const canEdit = useCanEditRecords();

  const documents = useQuery({
    queryKey: queryKeys.vault.list(caseId, view),
    queryFn: () => callApi('vault.list', { caseId, inTrash: view === 'trash' }),
  });
  const trimmedQuery = query.trim();
  const hits = useQuery({
    queryKey: queryKeys.vault.search(caseId, trimmedQuery),
    queryFn: () => callApi('vault.search', { query: trimmedQuery, caseId }),
    enabled: trimmedQuery.length > 0 && view === 'documents',
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: queryKeys.vault.all });

  const trash = useMutation({
    mutationFn: (documentId: number) => callApi('vault.trash', { documentId }),
    onSuccess: async (document) => {
      setToTrash(null);
      setAnnouncement(`“${document.fileName}” moved to the trash. It is kept 30 days.`);
      await refresh();
    },
  });
  const restore = useMutation({
    mutationFn: (documentId: number) => callApi('vault.restore', { documentId }),
    onSuccess: async (document) => {
      setAnnouncement(`“${document.fileName}” restored.`);
      await refresh();
    },
  });
  const emptyTrash = useMutation({
    mutationFn: () => callApi('vault.emptyTrash', {}),
    onSuccess: async ({ removedDocuments }) => {
      setConfirmEmpty(false);
      setAnnouncement(
        `Trash emptied: ${removedDocuments} document${removedDocuments === 1 ? '' : 's'} deleted for good.`,
      );
      await refresh();
    },
  });

  async function add(candidates: Candidate[]): Promise<void> {
    if (candidates.length === 0) return;
    const rows = await uploadFiles(candidates, { caseId }, setUploads);
    const added = rows.filter((row) => row.outcome !== 'rejected').length;
    setAnnouncement(`${added} of ${rows.length} file${rows.length === 1 ? '' : 's'} added.`);
    setView('documents');
    await refresh();
  }

  function onDrop(event: DragEvent<HTMLElement>): void {
    event.preventDefault();
    setIsDragging(false);
    if (canEdit) void add(candidatesFromDrop(event.dataTransfer));
  }

  const isUploading = uploads.some((row) => row.state !== 'done');
  const rows = documents.data ?? [];

  return (
    <section
      className={[styles.panel, isDragging ? styles.dragging : ''].join(' ')}
      aria-label="Documents of this case"
      data-testid="documents-drop-zone"
      onDragOver={(event) => {
        event.preventDefault();
        setIsDragging(canEdit);
      }}
      onDragLeave={() => setIsDragging(false)}
      onDrop={onDrop}
    >
      <div className={styles.toolbar}>
        {canEdit && (
          <div className={styles.viewSwitch} role="group" aria-label="Show">
            <Button
              variant={view === 'documents' ? 'primary' : 'secondary'}
              aria-pressed={view === 'documents'}
              onClick={() => setView('documents')}
            >
              Documents
            </Button>
            <Button
              variant={view === 'trash' ? 'primary' : 'secondary'}
              aria-pressed={view === 'trash'}
              onClick={() => setView('trash')}
            >
              <Trash2 aria-hidden size={14} /> Trash
            </Button>
          </div>
        )}
        {view === 'documents' && (
          <label className={styles.searchBox}>
            <Search aria-hidden size={14} />
            <input
              className={styles.input}
              type="search"
              aria-label="Search this case's documents"
              placeholder="Search the text of this case's documents"
              value={query}
              onChange={(event) => setQuery(event.target.value)}
            />
          </label>
        )}
        {canEdit && (
          <>
            <input
              ref={pickerRef}
              className={styles.hiddenInput}
              type="file"
              multiple
              accept={accepted}
              aria-label="Choose files to add"
              data-testid="documents-file-input"
              onChange={(event) => {
                const files = [...(event.target.files ?? [])];
                event.target.value = '';
                void add(files.map((file) => ({ file })));
              }}
            />
            <Button variant="primary" disabled={isUploading} onClick={() => pickerRef.current?.click()}>
              <FileUp aria-hidden size={16} /> Add files
            </Button>
          </>
        )}
        {view === 'trash' && rows.length > 0 && (
          <Button variant="danger" onClick={() => setConfirmEmpty(true)}>
            Empty trash now
          </Button>
        )}
      </div>

      {canEdit && (
        <p className={styles.dropHint}>
          {isDragging
            ? 'Drop to add these files to the case, encrypted.'
            : 'Drop files anywhere here, or use Add files. PDF, PNG, JPEG, HEIC, Word (.docx), text and email (.eml).'}
        </p>
      )}

      {uploads.length > 0 && (
        <ul className={styles.uploads} aria-label="Files being added">
          {uploads.map((row) => (
            <li key={row.key} className={styles.uploadRow} data-outcome={row.outcome ?? 'pending'}>
              <span className={styles.uploadName}>{row.fileName}</span>
              <progress
                aria-label={`Progress of ${row.fileName}`}
                max={Math.max(row.totalBytes, 1)}
                value={row.state === 'done' ? Math.max(row.totalBytes, 1) : row.sentBytes}
              />
              <span className={styles.uploadMessage}>{row.message}</span>
            </li>
          ))}
        </ul>
      )}

      <p role="status" className={styles.announcement}>
        {announcement}
      </p>

      {trimmedQuery && view === 'documents' ? (
        <section aria-label="Search results">
          {hits.isPending && <p className={styles.notice}>Searching…</p>}
          {hits.data?.length === 0 && (
            <p className={styles.notice}>No document in this case contains “{trimmedQuery}”.</p>
          )}
          <ul className={styles.hits}>
            {hits.data?.map((hit) => (
              <li key={hit.document.id}>
                <button
                  type="button"
                  className={styles.hitButton}
                  onClick={() => setPreviewId(hit.document.id)}
                >
                  <span>
                    <strong>{hit.document.fileName}</strong> · {documentTypeLabels[hit.document.documentType]}
                  </span>
                  <span className={styles.snippet}>
                    {hit.snippet.map((part, index) =>
                      part.isMatch ? (
                        <mark key={index}>{part.text}</mark>
                      ) : (
                        <span key={index}>{part.text}</span>
                      ),
                    )}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        </section>
      ) : rows.length === 0 && documents.isSuccess ? (
        <div className={styles.empty}>
          <h2>{view === 'trash' ? 'The trash is empty' : 'No documents yet'}</h2>
          <p>
            {view === 'trash'
              ? 'Documents moved to the trash stay here 30 days, then are deleted for good.'
              : canEdit
                ? 'Add the denial letter, the EOB, medical records and letters for this case. They are encrypted on this computer.'
                : 'No document has been added to this case.'}
          </p>
        </div>
      ) : (
        <table className={styles.table}>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Type</th>
              <th scope="col">Date</th>
              <th scope="col">Pages</th>
              <th scope="col">Text</th>
              <th scope="col">Size</th>
              <th scope="col">
                <span className={styles.visuallyHidden}>Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((document) => (
              <tr key={document.id}>
                <td>
                  <button
                    type="button"
                    className={styles.nameButton}
                    onClick={() => setPreviewId(document.id)}
                  >
                    {document.fileName}
                  </button>
                </td>
                <td>
                  {documentTypeLabels[document.documentType]}
                  {!document.isTypeConfirmed && <span className={styles.badge}>Suggested</span>}
                </td>
                <td>{document.documentDate ?? '—'}</td>
                <td>{document.pageCount ?? '—'}</td>
                <td>
                  <span className={styles.textStatus} data-status={document.textStatus}>
                    {textStatusLabels[document.textStatus]}
                  </span>
                  {document.recognisedText && (
                    <span
                      className={styles.recognised}
                      title={recognisedTextSentence(document.recognisedText.confidence)}
                    >
                      <span aria-hidden> · OCR {document.recognisedText.confidence} %</span>
                      <span className={styles.visuallyHidden}>
                        {`. ${recognisedTextSentence(document.recognisedText.confidence)}`}
                      </span>
                    </span>
                  )}
                </td>
                <td>{formatSize(document.sizeBytes)}</td>
                <td className={styles.actions}>
                  {view === 'documents' ? (
                    <>
                      {canEdit && canRecognizeText(document) && (
                        <RecognizeTextAction
                          document={document}
                          onFinished={async (sentence) => {
                            setAnnouncement(sentence);
                            await refresh();
                          }}
                        />
                      )}
                      {/* Each name starts with the words shown, so a voice command says what it sees (WCAG 2.5.3). */}
                      <Button
                        variant="quiet"
                        onClick={() => setPreviewId(document.id)}
                        aria-label={`Preview ${document.fileName}`}
                      >
                        Preview
                      </Button>
                      {canEdit && (
                        <>
                          <Button
                            variant="quiet"
                            onClick={() => setReadingAsDenial(document.id)}
                            aria-label={`Read as denial notice: ${document.fileName}`}
                          >
                            Read as denial notice
                          </Button>
                          <Button
                            variant="quiet"
                            onClick={() => setToTrash(document)}
                            aria-label={`Delete ${document.fileName} (to the trash)`}
                          >
                            Delete
                          </Button>
                        </>
                      )}
                    </>
                  ) : (
                    <Button variant="secondary" onClick={() => restore.mutate(document.id)}>
                      Restore
                    </Button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      {previewId !== null && (
        <DocumentPreviewDialog
          documentId={previewId}
          caseId={caseId}
          onClose={() => setPreviewId(null)}
          onChanged={refresh}
        />
      )}

      {readingAsDenial !== null && (
        <DenialNoticeDialog
          caseId={caseId}
          documentId={readingAsDenial}
          onClose={() => setReadingAsDenial(null)}
          onRecorded={(message) => {
            setReadingAsDenial(null);
            setAnnouncement(message);
          }}
        />
      )}

      <Dialog
        open={toTrash !== null}
        onOpenChange={(open) => !open && setToTrash(null)}
        title="Move to the trash?"
        description={
          toTrash
            ? `“${toTrash.fileName}” is kept in the trash for 30 days, then deleted for good.`
            : undefined
        }
      >
        <div className={styles.dialogActions}>
          <Button onClick={() => setToTrash(null)}>Cancel</Button>
          <Button variant="danger" onClick={() => toTrash && trash.mutate(toTrash.id)}>
            Move to trash
          </Button>
        </div>
      </Dialog>

      <Dialog
        open={confirmEmpty}
        onOpenChange={setConfirmEmpty}
        title="Empty the trash now?"
        description="Every document in the trash is deleted for good. Files no other document uses are overwritten and removed. This cannot be undone."
      >
        <div className={styles.dialogActions}>
          <Button onClick={() => setConfirmEmpty(false)}>Cancel</Button>
          <Button variant="danger" onClick={() => emptyTrash.mutate()}>
            Delete for good
          </Button>
        </div>
      </Dialog>
    </section>
  );
}
