import type { Kysely } from 'kysely';
import { timelineEventTypeLabels } from '../../shared/domain/timeline-event-types';
import type { EvidenceSourceDto } from '../../shared/schemas/treatment-history';
import type { AdvocaseDatabase } from '../db/schema';
import { AppError } from '../errors';

export type SourceReference = { readonly documentId: number | null; readonly eventId: number | null };

/**
 * Whose records a source must come from: a case's (its own documents and timeline, and documents
 * filed on its client), or a client's (theirs and those of any of their cases).
 */
export type SourceScope =
  | { readonly kind: 'case'; readonly caseId: number; readonly clientId: number }
  | { readonly kind: 'client'; readonly clientId: number };

/**
 * Refuses a source that does not exist, is in the trash, or belongs to someone else's records,
 * with the message at the field that chose it.
 */
export async function assertSourceInScope(
  db: Kysely<AdvocaseDatabase>,
  reference: SourceReference,
  scope: SourceScope,
  fields: { readonly document: string; readonly event: string },
): Promise<void> {
  const whose = scope.kind === 'case' ? 'this case' : 'this client';
  if (reference.documentId !== null) {
    const documentId = reference.documentId;
    const document = await db
      .selectFrom('documents')
      .select(['id', 'deleted_at'])
      .where('id', '=', documentId)
      .executeTakeFirst();
    if (!document) {
      throw new AppError(
        'NOT_FOUND',
        `There is no document with id ${documentId}. Choose one from the case's documents.`,
        fields.document,
      );
    }
    if (document.deleted_at !== null) {
      throw new AppError(
        'INVALID_INPUT',
        'That document is in the trash. Restore it first, or choose another.',
        fields.document,
      );
    }
    const filedHere = await db
      .selectFrom('documents')
      .select('documents.id')
      .where('documents.id', '=', documentId)
      .where((eb) =>
        eb.or([
          eb.exists(
            eb
              .selectFrom('document_clients')
              .select('document_id')
              .whereRef('document_clients.document_id', '=', 'documents.id')
              .where('document_clients.client_id', '=', scope.clientId),
          ),
          eb.exists(
            eb
              .selectFrom('document_cases')
              .innerJoin('cases', 'cases.id', 'document_cases.case_id')
              .select('document_cases.document_id')
              .whereRef('document_cases.document_id', '=', 'documents.id')
              .where(
                scope.kind === 'case' ? 'cases.id' : 'cases.client_id',
                '=',
                scope.kind === 'case' ? scope.caseId : scope.clientId,
              ),
          ),
        ]),
      )
      .executeTakeFirst();
    if (!filedHere) {
      throw new AppError(
        'INVALID_INPUT',
        `That document is not filed on ${whose}. File it here first (Documents tab), then choose it.`,
        fields.document,
      );
    }
  }
  if (reference.eventId !== null) {
    const eventId = reference.eventId;
    const event = await db
      .selectFrom('events')
      .innerJoin('cases', 'cases.id', 'events.case_id')
      .select(['events.case_id', 'events.deleted_at', 'cases.client_id'])
      .where('events.id', '=', eventId)
      .executeTakeFirst();
    if (!event) {
      throw new AppError(
        'NOT_FOUND',
        `There is no timeline entry with id ${eventId}. Choose one from the case's timeline.`,
        fields.event,
      );
    }
    if (event.deleted_at !== null) {
      throw new AppError(
        'INVALID_INPUT',
        'That timeline entry is in the trash. Restore it first, or choose another.',
        fields.event,
      );
    }
    const belongs =
      scope.kind === 'case' ? event.case_id === scope.caseId : event.client_id === scope.clientId;
    if (!belongs) {
      throw new AppError(
        'INVALID_INPUT',
        `That timeline entry is not on ${whose}'s timeline. Choose one of its own entries.`,
        fields.event,
      );
    }
  }
}

/** What a reader sees for each source: "Pharmacy fill history.pdf (2025-03-02)", "Phone call, 2025-04-01: …". */
export async function describeSources(
  db: Kysely<AdvocaseDatabase>,
  references: readonly SourceReference[],
): Promise<(reference: SourceReference) => EvidenceSourceDto | null> {
  const documentIds = [
    ...new Set(
      references.flatMap((reference) => (reference.documentId === null ? [] : [reference.documentId])),
    ),
  ];
  const eventIds = [
    ...new Set(references.flatMap((reference) => (reference.eventId === null ? [] : [reference.eventId]))),
  ];
  const [documents, events] = await Promise.all([
    documentIds.length === 0
      ? []
      : db
          .selectFrom('documents')
          .select(['id', 'file_name', 'document_date', 'deleted_at'])
          .where('id', 'in', documentIds)
          .execute(),
    eventIds.length === 0
      ? []
      : db
          .selectFrom('events')
          .select(['id', 'type', 'occurred_at', 'summary', 'deleted_at'])
          .where('id', 'in', eventIds)
          .execute(),
  ]);
  const documentById = new Map(documents.map((row) => [row.id, row]));
  const eventById = new Map(events.map((row) => [row.id, row]));
  return (reference) => {
    if (reference.documentId !== null) {
      const document = documentById.get(reference.documentId);
      if (!document) return null;
      return {
        documentId: document.id,
        eventId: null,
        label: document.document_date
          ? `${document.file_name} (${document.document_date})`
          : document.file_name,
        isInTrash: document.deleted_at !== null,
      };
    }
    if (reference.eventId !== null) {
      const event = eventById.get(reference.eventId);
      if (!event) return null;
      return {
        documentId: null,
        eventId: event.id,
        label: `${timelineEventTypeLabels[event.type]}, ${event.occurred_at.slice(0, 10)}: ${event.summary}`,
        isInTrash: event.deleted_at !== null,
      };
    }
    return null;
  };
}
