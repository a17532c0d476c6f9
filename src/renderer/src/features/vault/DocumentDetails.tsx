import { useQuery } from '@tanstack/react-query';
import { documentTypeLabels, type DocumentSummary } from '@shared/schemas/vault';
import { callApi } from '../../lib/api';
import { formatCalendarDate } from '../../lib/format-date';
import { queryKeys } from '../../lib/query-keys';
import styles from './Vault.module.css';

/**
 * Beside a previewed document, its details and the timeline events it is linked to, as text: for
 * someone who reads the case and may not change it (a team's viewer). Others get MetadataForm.
 */
export function DocumentDetails({ document, caseId }: { document: DocumentSummary; caseId: number }) {
  const events = useQuery({
    queryKey: queryKeys.events.forDocumentPreview(caseId),
    queryFn: () => callApi('events.list', { caseId }),
  });
  const summaries = new Map((events.data?.events ?? []).map((event) => [event.id, event.summary]));
  const details: readonly (readonly [string, string])[] = [
    ['Name', document.fileName],
    ['Document type', documentTypeLabels[document.documentType]],
    ['Date of the document', document.documentDate ? formatCalendarDate(document.documentDate) : '—'],
    ['Source', document.source ?? '—'],
    ['Tags', document.tags.length > 0 ? document.tags.join(', ') : '—'],
  ];
  return (
    <div className={styles.sidebar}>
      <dl className={styles.details} aria-label="Document details">
        {details.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <section className={styles.links} aria-label="Timeline events">
        <h3 className={styles.sidebarHeading}>Timeline events</h3>
        {document.eventIds.length === 0 ? (
          <p className={styles.muted}>Not linked to any event.</p>
        ) : (
          <ul className={styles.linkList}>
            {document.eventIds.map((id) => (
              <li key={id}>{summaries.get(id) ?? 'A timeline event'}</li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
