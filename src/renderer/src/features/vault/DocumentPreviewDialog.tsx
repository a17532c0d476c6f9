import { useMutation, useQuery } from '@tanstack/react-query';
import { X } from 'lucide-react';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { Button } from '../../components/Button';
import { Field } from '../../components/Field';
import formStyles from '../../components/Form.module.css';
import { ApiCallError, callApi } from '../../lib/api';
import {
  documentTypeLabels,
  documentTypes,
  type DocumentSummary,
  type DocumentType,
} from '@shared/schemas/vault';
import { PdfViewer } from './PdfViewer';
import { saveFile } from '../../lib/save-file';
import styles from './Vault.module.css';
import { queryKeys } from '../../lib/query-keys';

type Props = {
  readonly documentId: number;
  readonly caseId: number;
  readonly onClose: () => void;
  readonly onChanged: () => Promise<unknown>;
};

function TextViewer({ text }: { readonly text: string }) {
  const [find, setFind] = useState('');
  const [fontSize, setFontSize] = useState(14);
  const needle = find.trim();
  const parts = needle
    ? text.split(new RegExp(`(${needle.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')})`, 'gi'))
    : [text];
  const count = needle ? Math.floor(parts.length / 2) : 0;
  return (
    <div className={styles.viewer}>
      <div className={styles.viewerBar} role="toolbar" aria-label="Text controls">
        <Button
          variant="quiet"
          aria-label="Smaller text"
          disabled={fontSize <= 10}
          onClick={() => setFontSize((s) => s - 2)}
        >
          A−
        </Button>
        <Button
          variant="quiet"
          aria-label="Larger text"
          disabled={fontSize >= 28}
          onClick={() => setFontSize((s) => s + 2)}
        >
          A+
        </Button>
        <input
          className={styles.input}
          aria-label="Find in document"
          placeholder="Find in document"
          value={find}
          onChange={(event) => setFind(event.target.value)}
        />
        {needle && (
          <span role="status">{count === 0 ? 'Not found' : `${count} match${count === 1 ? '' : 'es'}`}</span>
        )}
      </div>
      <pre className={styles.textPreview} style={{ fontSize }}>
        {parts.map((part, index) => (index % 2 === 1 ? <mark key={index}>{part}</mark> : part))}
      </pre>
    </div>
  );
}

function ImageViewer({ mimeType, data }: { readonly mimeType: string; readonly data: string }) {
  const [scale, setScale] = useState(1);
  return (
    <div className={styles.viewer}>
      <div className={styles.viewerBar} role="toolbar" aria-label="Image controls">
        <Button
          variant="quiet"
          aria-label="Zoom out"
          disabled={scale <= 0.25}
          onClick={() => setScale((s) => s / 1.25)}
        >
          −
        </Button>
        <span>{Math.round(scale * 100)}%</span>
        <Button
          variant="quiet"
          aria-label="Zoom in"
          disabled={scale >= 4}
          onClick={() => setScale((s) => s * 1.25)}
        >
          +
        </Button>
      </div>
      <div className={styles.canvasScroll}>
        <img
          alt="Document preview"
          src={`data:${mimeType};base64,${data}`}
          style={{ transform: `scale(${scale})` }}
          className={styles.image}
        />
      </div>
    </div>
  );
}

function MetadataForm({
  document,
  caseId,
  onSaved,
}: {
  document: DocumentSummary;
  caseId: number;
  onSaved: (message: string) => Promise<void>;
}) {
  const ending = /\.[^.]+$/.exec(document.fileName)?.[0] ?? '';
  const [name, setName] = useState(document.fileName.slice(0, document.fileName.length - ending.length));
  const [documentType, setDocumentType] = useState<DocumentType>(document.documentType);
  const [documentDate, setDocumentDate] = useState(document.documentDate ?? '');
  const [source, setSource] = useState(document.source ?? '');
  const [tags, setTags] = useState(document.tags.join(', '));
  const [eventId, setEventId] = useState('');
  const [error, setError] = useState<{ field?: string | undefined; message: string } | null>(null);
  const events = useQuery({
    queryKey: queryKeys.events.forDocumentPreview(caseId),
    queryFn: () => callApi('events.list', { caseId }),
  });

  const save = useMutation({
    mutationFn: () =>
      callApi('vault.update', {
        documentId: document.id,
        // The name part only: the ending stays what the content is (the core refuses another).
        ...(`${name.trim()}${ending}` === document.fileName ? {} : { fileName: `${name.trim()}${ending}` }),
        documentType,
        documentDate: documentDate || null,
        source: source || null,
        tags: tags
          .split(',')
          .map((tag) => tag.trim())
          .filter(Boolean),
      }),
    onSuccess: () => onSaved('Details saved.'),
    onError: (caught) =>
      setError(
        caught instanceof ApiCallError
          ? { field: caught.field, message: caught.message }
          : { message: 'Not saved. Try again.' },
      ),
  });
  const link = useMutation({
    mutationFn: (id: number) => callApi('vault.link', { documentId: document.id, target: { eventId: id } }),
    onSuccess: () => onSaved('Linked to the timeline event.'),
  });
  const unlink = useMutation({
    mutationFn: (id: number) => callApi('vault.unlink', { documentId: document.id, target: { eventId: id } }),
    onSuccess: () => onSaved('Link removed.'),
  });
  const eventsById = new Map((events.data?.events ?? []).map((event) => [event.id, event]));

  function submit(event: FormEvent): void {
    event.preventDefault();
    setError(null);
    save.mutate();
  }

  return (
    <div className={styles.sidebar}>
      <form className={formStyles.form} onSubmit={submit} aria-label="Document details">
        <Field
          label="Name"
          hint={ending ? `The ending ${ending} stays: it says what kind of file this is.` : undefined}
          error={error?.field === 'fileName' ? error.message : undefined}
        >
          {(ids) => (
            <div className={styles.nameRow}>
              <input
                className={styles.input}
                {...ids}
                value={name}
                onChange={(event) => setName(event.target.value)}
              />
              <span className={styles.nameEnding} aria-hidden>
                {ending}
              </span>
            </div>
          )}
        </Field>
        <Field
          label="Document type"
          hint={
            document.isTypeConfirmed
              ? undefined
              : `Suggested: ${documentTypeLabels[document.suggestedType]}. Save to confirm.`
          }
        >
          {(ids) => (
            <select
              className={styles.input}
              {...ids}
              value={documentType}
              onChange={(event) => setDocumentType(event.target.value as DocumentType)}
            >
              {documentTypes.map((type) => (
                <option key={type} value={type}>
                  {documentTypeLabels[type]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field
          label="Date of the document"
          optional
          error={error?.field === 'documentDate' ? error.message : undefined}
        >
          {(ids) => (
            <input
              className={styles.input}
              {...ids}
              type="date"
              value={documentDate}
              onChange={(event) => setDocumentDate(event.target.value)}
            />
          )}
        </Field>
        <Field
          label="Source"
          optional
          hint="Who sent it: the payer, a clinic, the client."
          error={error?.field === 'source' ? error.message : undefined}
        >
          {(ids) => (
            <input
              className={styles.input}
              {...ids}
              value={source}
              onChange={(event) => setSource(event.target.value)}
            />
          )}
        </Field>
        <Field
          label="Tags"
          optional
          hint="Separate tags with commas."
          error={error?.field?.startsWith('tags') ? error.message : undefined}
        >
          {(ids) => (
            <input
              className={styles.input}
              {...ids}
              value={tags}
              onChange={(event) => setTags(event.target.value)}
            />
          )}
        </Field>
        {error && !error.field && <p role="alert">{error.message}</p>}
        <Button type="submit" variant="primary" disabled={save.isPending}>
          {document.isTypeConfirmed ? 'Save details' : 'Confirm type and save'}
        </Button>
      </form>

      <section className={styles.links} aria-label="Timeline events">
        <h3 className={styles.sidebarHeading}>Timeline events</h3>
        {document.eventIds.length === 0 && <p className={styles.muted}>Not linked to any event.</p>}
        <ul className={styles.linkList}>
          {document.eventIds.map((id) => (
            <li key={id}>
              <span>{eventsById.get(id)?.summary ?? `Event ${id}`}</span>
              <Button
                variant="quiet"
                onClick={() => unlink.mutate(id)}
                aria-label={`Unlink from ${eventsById.get(id)?.summary ?? `event ${id}`}`}
              >
                Unlink
              </Button>
            </li>
          ))}
        </ul>
        <div className={styles.linkRow}>
          <select
            className={styles.input}
            aria-label="Timeline event to link"
            value={eventId}
            onChange={(event) => setEventId(event.target.value)}
          >
            <option value="">Choose an event…</option>
            {(events.data?.events ?? []).map((event) => (
              <option key={event.id} value={event.id}>
                {event.occurredAt.slice(0, 10)} · {event.summary}
              </option>
            ))}
          </select>
          <Button disabled={!eventId || link.isPending} onClick={() => link.mutate(Number(eventId))}>
            Link
          </Button>
        </div>
      </section>
    </div>
  );
}

/** A wide modal: the document on the left, its details and links on the right. */
export function DocumentPreviewDialog({ documentId, caseId, onClose, onChanged }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const [message, setMessage] = useState('');
  const [confirmDownload, setConfirmDownload] = useState(false);
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
        {document && (
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
