import { useQuery } from '@tanstack/react-query';
import { callApi } from '../../lib/api';
import { queryKeys } from '../../lib/query-keys';

/**
 * The records a case can cite: its vault documents and its timeline, newest first. Shares the
 * Documents tab's and the timeline's cache keys' prefixes, so an upload or a new entry refreshes it.
 */
export function useCaseRecords(caseId: number) {
  const documents = useQuery({
    queryKey: queryKeys.vault.list(caseId),
    queryFn: () => callApi('vault.list', { caseId, inTrash: false }),
  });
  const events = useQuery({
    queryKey: queryKeys.events.evidencePicker(caseId),
    queryFn: () => callApi('events.list', { caseId, order: 'newest_first', limit: 500 }),
  });
  return { documents: documents.data ?? [], events: events.data?.events ?? [] };
}

/** A source as a select's value: "d:12" for a document, "e:5" for a timeline entry, "" for none. */
export function sourceValue(source: { documentId: number | null; eventId: number | null } | null): string {
  if (source?.documentId != null) return `d:${source.documentId}`;
  if (source?.eventId != null) return `e:${source.eventId}`;
  return '';
}

export function parseSourceValue(value: string): {
  sourceDocumentId: number | null;
  sourceEventId: number | null;
} {
  const [kind, id] = value.split(':');
  return {
    sourceDocumentId: kind === 'd' ? Number(id) : null,
    sourceEventId: kind === 'e' ? Number(id) : null,
  };
}
