import type { Kysely } from 'kysely';
import type { DocumentSummary, DocumentTarget } from '../../shared/schemas/vault';
import { auditedDelete, auditedInsert, auditedUpdate } from '../db/audited-writes';
import type { AdvocaseDatabase } from '../db/schema';
import type { DocumentRow, NewDocumentRow } from '../db/tables/documents';
import { AppError } from '../errors';

/** Plain functions over the vault's tables; each takes the database or a transaction. */

type Db = Kysely<AdvocaseDatabase>;

/** The stored file with this content key (`StoredFiles.contentKey`), if the person may see one. */
export async function findBlobByHash(db: Db, contentKey: string) {
  return db
    .selectFrom('vault_blobs')
    .selectAll()
    .where('plaintext_sha256', '=', contentKey)
    .executeTakeFirst();
}

export async function insertBlob(
  db: Db,
  blob: { storageId: string; contentKey: string; sizeBytes: number },
): Promise<number> {
  const row = await db
    .insertInto('vault_blobs')
    .values({
      storage_id: blob.storageId,
      plaintext_sha256: blob.contentKey,
      size_bytes: blob.sizeBytes,
      created_at: new Date().toISOString(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function insertDocument(db: Db, actor: string, document: NewDocumentRow): Promise<number> {
  const row = await auditedInsert(db, actor, 'documents', document);
  return row.id;
}

/** A live (not trashed) document already holding this stored file, if any. */
export async function findLiveDocumentForBlob(db: Db, blobId: number): Promise<number | undefined> {
  const row = await db
    .selectFrom('documents')
    .select('id')
    .where('blob_id', '=', blobId)
    .where('deleted_at', 'is', null)
    .orderBy('id')
    .executeTakeFirst();
  return row?.id;
}

async function assertTargetExists(db: Db, target: DocumentTarget): Promise<void> {
  const [table, id, field, label] =
    target.caseId !== undefined
      ? (['cases', target.caseId, 'caseId', 'case'] as const)
      : target.clientId !== undefined
        ? (['clients', target.clientId, 'clientId', 'client'] as const)
        : (['events', target.eventId!, 'eventId', 'timeline event'] as const);
  const row = await db.selectFrom(table).select('id').where('id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', `There is no ${label} with id ${id}.`, `target.${field}`);
}

/** Files a document to a case, client or event; linking twice is harmless. */
export async function linkDocument(db: Db, documentId: number, target: DocumentTarget): Promise<void> {
  await assertTargetExists(db, target);
  if (target.caseId !== undefined) {
    await db
      .insertInto('document_cases')
      .values({ document_id: documentId, case_id: target.caseId })
      .onConflict((conflict) => conflict.doNothing())
      .execute();
  } else if (target.clientId !== undefined) {
    await db
      .insertInto('document_clients')
      .values({ document_id: documentId, client_id: target.clientId })
      .onConflict((conflict) => conflict.doNothing())
      .execute();
  } else if (target.eventId !== undefined) {
    // A document linked to an event is filed to that event's case too, so the case lists it.
    const event = await db
      .selectFrom('events')
      .select('case_id')
      .where('id', '=', target.eventId)
      .executeTakeFirstOrThrow();
    await db
      .insertInto('document_events')
      .values({ document_id: documentId, event_id: target.eventId })
      .onConflict((conflict) => conflict.doNothing())
      .execute();
    await db
      .insertInto('document_cases')
      .values({ document_id: documentId, case_id: event.case_id })
      .onConflict((conflict) => conflict.doNothing())
      .execute();
  }
}

export async function unlinkDocument(db: Db, documentId: number, target: DocumentTarget): Promise<void> {
  if (target.caseId !== undefined) {
    await db
      .deleteFrom('document_cases')
      .where('document_id', '=', documentId)
      .where('case_id', '=', target.caseId)
      .execute();
  } else if (target.clientId !== undefined) {
    await db
      .deleteFrom('document_clients')
      .where('document_id', '=', documentId)
      .where('client_id', '=', target.clientId)
      .execute();
  } else if (target.eventId !== undefined) {
    await db
      .deleteFrom('document_events')
      .where('document_id', '=', documentId)
      .where('event_id', '=', target.eventId)
      .execute();
  }
}

export type DocumentFilter = {
  readonly caseId?: number | undefined;
  readonly clientId?: number | undefined;
  readonly eventId?: number | undefined;
  readonly inTrash?: boolean;
  readonly ids?: readonly number[];
};

function parseTags(json: string): string[] {
  try {
    const parsed: unknown = JSON.parse(json);
    return Array.isArray(parsed) ? parsed.filter((tag): tag is string => typeof tag === 'string') : [];
  } catch {
    return [];
  }
}

export async function listDocumentSummaries(db: Db, filter: DocumentFilter): Promise<DocumentSummary[]> {
  let query = db
    .selectFrom('documents')
    .innerJoin('vault_blobs', 'vault_blobs.id', 'documents.blob_id')
    .selectAll('documents')
    .select('vault_blobs.size_bytes');
  if (filter.ids) {
    if (filter.ids.length === 0) return [];
    query = query.where('documents.id', 'in', [...filter.ids]);
  } else {
    query = query.where('documents.deleted_at', filter.inTrash ? 'is not' : 'is', null);
  }
  if (filter.caseId !== undefined) {
    const caseId = filter.caseId;
    query = query.where('documents.id', 'in', (sub) =>
      sub.selectFrom('document_cases').select('document_id').where('case_id', '=', caseId),
    );
  }
  if (filter.clientId !== undefined) {
    const clientId = filter.clientId;
    query = query.where('documents.id', 'in', (sub) =>
      sub.selectFrom('document_clients').select('document_id').where('client_id', '=', clientId),
    );
  }
  if (filter.eventId !== undefined) {
    const eventId = filter.eventId;
    query = query.where('documents.id', 'in', (sub) =>
      sub.selectFrom('document_events').select('document_id').where('event_id', '=', eventId),
    );
  }
  const rows = await query.orderBy('documents.created_at', 'desc').orderBy('documents.id', 'desc').execute();
  if (rows.length === 0) return [];
  const ids = rows.map((row) => row.id);
  const [cases, clients, events] = await Promise.all([
    db
      .selectFrom('document_cases')
      .select(['document_id', 'case_id as id'])
      .where('document_id', 'in', ids)
      .execute(),
    db
      .selectFrom('document_clients')
      .select(['document_id', 'client_id as id'])
      .where('document_id', 'in', ids)
      .execute(),
    db
      .selectFrom('document_events')
      .select(['document_id', 'event_id as id'])
      .where('document_id', 'in', ids)
      .execute(),
  ]);
  const group = (links: Array<{ document_id: number; id: number }>) => {
    const byDocument = new Map<number, number[]>();
    for (const link of links)
      byDocument.set(link.document_id, [...(byDocument.get(link.document_id) ?? []), link.id]);
    return byDocument;
  };
  const [caseIds, clientIds, eventIds] = [group(cases), group(clients), group(events)];
  const summaries = rows.map((row) => toSummary(row, row.size_bytes, caseIds, clientIds, eventIds));
  if (!filter.ids) return summaries;
  const order = new Map(filter.ids.map((id, index) => [id, index]));
  return summaries.sort((a, b) => order.get(a.id)! - order.get(b.id)!);
}

function toSummary(
  row: DocumentRow,
  sizeBytes: number,
  caseIds: Map<number, number[]>,
  clientIds: Map<number, number[]>,
  eventIds: Map<number, number[]>,
): DocumentSummary {
  return {
    id: row.id,
    fileName: row.file_name,
    mediaType: row.media_type,
    documentType: row.document_type,
    suggestedType: row.suggested_type,
    isTypeConfirmed: row.is_type_confirmed === 1,
    documentDate: row.document_date,
    source: row.source,
    pageCount: row.page_count,
    tags: parseTags(row.tags),
    textStatus: row.text_status,
    recognisedText:
      row.text_confidence === null || row.text_recognised_at === null
        ? null
        : { confidence: row.text_confidence, recognisedAt: row.text_recognised_at },
    sizeBytes,
    addedAt: row.created_at,
    deletedAt: row.deleted_at,
    caseIds: (caseIds.get(row.id) ?? []).sort((a, b) => a - b),
    clientIds: (clientIds.get(row.id) ?? []).sort((a, b) => a - b),
    eventIds: (eventIds.get(row.id) ?? []).sort((a, b) => a - b),
  };
}

/** The document with its stored file's id; NOT_FOUND when there is none. Trashed ones too. */
export async function getDocumentWithBlob(db: Db, documentId: number) {
  const row = await db
    .selectFrom('documents')
    .innerJoin('vault_blobs', 'vault_blobs.id', 'documents.blob_id')
    .selectAll('documents')
    .select(['vault_blobs.storage_id', 'vault_blobs.size_bytes'])
    .where('documents.id', '=', documentId)
    .executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', `There is no document with id ${documentId}.`, 'documentId');
  return row;
}

export async function getDocumentSummary(db: Db, documentId: number): Promise<DocumentSummary> {
  const [summary] = await listDocumentSummaries(db, { ids: [documentId] });
  if (!summary) throw new AppError('NOT_FOUND', `There is no document with id ${documentId}.`, 'documentId');
  return summary;
}

export async function updateDocumentRow(
  db: Db,
  actor: string,
  documentId: number,
  changes: Partial<Omit<DocumentRow, 'id' | 'created_at'>>,
): Promise<void> {
  await auditedUpdate(
    db,
    actor,
    'documents',
    documentId,
    changes,
    `There is no document with id ${documentId}.`,
    'documentId',
  );
}

/** Trashed documents older than the cutoff (ISO time), or all of them when the cutoff is null. */
export async function trashedDocumentIds(db: Db, deletedBefore: string | null): Promise<number[]> {
  let query = db.selectFrom('documents').select('id').where('deleted_at', 'is not', null);
  if (deletedBefore !== null) query = query.where('deleted_at', '<', deletedBefore);
  return (await query.execute()).map((row) => row.id);
}

export async function deleteDocumentRows(
  db: Db,
  actor: string,
  documentIds: readonly number[],
): Promise<void> {
  for (const documentId of documentIds) {
    const before = await db
      .selectFrom('documents')
      .selectAll()
      .where('id', '=', documentId)
      .executeTakeFirst();
    if (!before) continue;
    await auditedDelete(db, actor, 'documents', documentId, before);
  }
}

/** Stored files' rows that no document refers to (any more, or ever, after a crash). */
export async function blobsWithoutDocuments(db: Db) {
  return db
    .selectFrom('vault_blobs')
    .select(['id', 'storage_id'])
    .where((eb) =>
      eb.not(
        eb.exists(
          eb.selectFrom('documents').select('id').whereRef('documents.blob_id', '=', 'vault_blobs.id'),
        ),
      ),
    )
    .execute();
}

/** All storage ids the database knows of. */
export async function allStorageIds(db: Db): Promise<Set<string>> {
  const rows = await db.selectFrom('vault_blobs').select('storage_id').execute();
  return new Set(rows.map((row) => row.storage_id));
}

/** Stored files no document refers to any more; their rows are deleted, their storage ids returned. */
export async function takeOrphanedBlobs(db: Db): Promise<string[]> {
  const orphans = await blobsWithoutDocuments(db);
  if (orphans.length > 0) {
    await db
      .deleteFrom('vault_blobs')
      .where(
        'id',
        'in',
        orphans.map((orphan) => orphan.id),
      )
      .execute();
  }
  return orphans.map((orphan) => orphan.storage_id);
}

export async function allBlobsWithDocuments(db: Db) {
  return db
    .selectFrom('vault_blobs')
    .innerJoin('documents', 'documents.blob_id', 'vault_blobs.id')
    .select([
      'vault_blobs.id as blob_id',
      'vault_blobs.storage_id',
      'documents.id as document_id',
      'documents.file_name',
    ])
    .orderBy('vault_blobs.id')
    .orderBy('documents.id')
    .execute();
}
