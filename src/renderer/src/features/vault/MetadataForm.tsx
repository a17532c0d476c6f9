import { useMutation, useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Button } from '../../components/Button';
import { Field } from '../../components/Field';
import formStyles from '../../components/Form.module.css';
import { callApi } from '../../lib/api';
import { ApiCallError } from '../../lib/api-call-error';
import {
  documentTypeLabels,
  documentTypes,
  type DocumentSummary,
  type DocumentType,
} from '@shared/schemas/vault';
import styles from './Vault.module.css';
import { queryKeys } from '../../lib/query-keys';

export function MetadataForm({
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
