import { spawn } from 'node:child_process';
import { createHash, randomBytes, type Hash } from 'node:crypto';
import { open, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { ParsedInput } from '../../shared/contract/index';
import {
  uploadPieceBytes,
  type AddResult,
  type DocumentPreview,
  type DocumentSummary,
  type DocumentTarget,
  type DocumentType,
  type MediaType,
  type SearchHit,
  type VerifyReport,
} from '../../shared/schemas/vault';
import { inTransaction } from '../db/in-transaction';
import { casesLinkedTo, refreshEvidenceReadiness } from '../evidence/evidence-readiness';
import type { Store } from '../db/store';
import { AppError } from '../errors';
import { logger } from '../logging/logger';
import type { Session } from '../session/session';
import {
  allBlobsWithDocuments,
  deleteDocumentRows,
  findBlobByHash,
  findLiveDocumentForBlob,
  getDocumentSummary,
  getDocumentWithBlob,
  insertBlob,
  insertDocument,
  linkDocument,
  listDocumentSummaries,
  takeOrphanedBlobs,
  trashedDocumentIds,
  unlinkDocument,
  updateDocumentRow,
} from './document-repository';
import {
  indexDocumentText,
  removeDocumentText,
  renameDocumentText,
  searchDocumentText,
  splitSnippet,
} from './document-text-index';
import { extractText, maximumExtractionBytes, readableText } from './extract-text';
import {
  checkFileKind,
  cleanFileName,
  mimeTypes,
  outputFileName,
  openRefusal,
  renamedFileName,
} from './file-kinds';
import { newOpenCopyFolder } from './open-copies';
import { suggestDocumentType } from './suggest-document-type';
import { findVaultLeftovers, removeVaultLeftovers } from './vault-leftovers';
import {
  checkStoredFile,
  decryptStoredFile,
  destroyStoredFile,
  EncryptedFileWriter,
  readWholeDocument,
} from './vault-storage';

/** Trash is kept this long, then overwritten and removed. */
export const trashRetentionDays = 30;
/** Previews and downloads travel as base64 in one response: past this, export or open instead. */
const maximumInlineBytes = 100 * 1024 * 1024;
const headBytes = 4096;

type Upload = {
  readonly writer: EncryptedFileWriter;
  readonly fileName: string;
  readonly hash: Hash;
  head: Buffer;
  sizeBytes: number;
  /** The plaintext kept in memory for text extraction; null once past the extraction limit. */
  retained: Buffer[] | null;
  lastActivityAt: number;
  /** Pieces of one upload are handled strictly in order. */
  queue: Promise<unknown>;
};

export type SystemViewer = (path: string) => Promise<void>;

/** Hands a file to the desktop's default application for its type. */
export const openWithDesktopViewer: SystemViewer = async (path) => {
  const [command, args] =
    process.platform === 'darwin'
      ? ['open', [path]]
      : process.platform === 'win32'
        ? ['explorer.exe', [path]]
        : ['xdg-open', [path]];
  await new Promise<void>((resolve, reject) => {
    const child = spawn(command, args, { detached: true, stdio: 'ignore' });
    child.once('error', () =>
      reject(
        new AppError('INTERNAL', 'No application to open this kind of file was found. Download it instead.'),
      ),
    );
    child.once('spawn', () => {
      child.unref();
      resolve();
    });
  });
};

export type VaultServiceOptions = {
  readonly openInViewer?: SystemViewer;
  readonly now?: () => number;
};

/** A rename keeps the ending of what the file holds (file-kinds.ts); a refusal says why. */
function checkedNewName(requested: string, mediaType: MediaType): string {
  const check = renamedFileName(requested, mediaType);
  if (!check.ok) throw new AppError('INVALID_INPUT', check.message, 'fileName');
  return check.fileName;
}

function rejected(fileName: string, message: string): AddResult {
  return { outcome: 'rejected', fileName, message, document: null };
}

/**
 * The document vault over one session: uploads encrypted as they arrive, identical files stored
 * once, text indexed for search, previews and exports that refuse a damaged file whole.
 */
export class VaultService {
  private readonly uploads = new Map<string, Upload>();
  private readonly openInViewer: SystemViewer;
  private readonly now: () => number;
  private lastTrashSweepAt = 0;

  constructor(
    private readonly session: Session,
    options: VaultServiceOptions = {},
  ) {
    this.openInViewer = options.openInViewer ?? openWithDesktopViewer;
    this.now = options.now ?? Date.now;
    session.onLock(() => this.cancelOpenUploads());
  }

  // ---- adding ----

  async beginUpload(rawFileName: string): Promise<{ uploadId: string }> {
    return this.session.useVault(async ({ vaultKey, dataDirectory }) => {
      await this.dropStaleUploads();
      const writer = await EncryptedFileWriter.create(dataDirectory, vaultKey);
      const uploadId = randomBytes(16).toString('hex');
      this.uploads.set(uploadId, {
        writer,
        fileName: cleanFileName(rawFileName),
        hash: createHash('sha256'),
        head: Buffer.alloc(0),
        sizeBytes: 0,
        retained: [],
        lastActivityAt: this.now(),
        queue: Promise.resolve(),
      });
      return { uploadId };
    });
  }

  async appendToUpload(uploadId: string, piece: Buffer): Promise<{ receivedBytes: number }> {
    const upload = this.requireUpload(uploadId);
    // Being unlocked is checked for every piece: an upload does not outlive a lock.
    await this.session.useStore(async () => undefined);
    const work = upload.queue.then(async () => {
      upload.hash.update(piece);
      if (upload.head.length < headBytes) {
        upload.head = Buffer.concat([upload.head, piece.subarray(0, headBytes - upload.head.length)]);
      }
      upload.sizeBytes += piece.length;
      if (upload.retained) {
        if (upload.sizeBytes <= maximumExtractionBytes) upload.retained.push(piece);
        else upload.retained = null;
      }
      await upload.writer.write(piece);
      upload.lastActivityAt = this.now();
      return { receivedBytes: upload.sizeBytes };
    });
    upload.queue = work.catch(() => undefined);
    return work;
  }

  async cancelUpload(uploadId: string): Promise<void> {
    const upload = this.uploads.get(uploadId);
    if (!upload) return;
    this.uploads.delete(uploadId);
    await upload.queue;
    await upload.writer.discard();
  }

  /** Checks the file, stores it (or finds it already stored), reads its text and files it. */
  async finishUpload(uploadId: string, target: DocumentTarget): Promise<AddResult> {
    const upload = this.requireUpload(uploadId);
    await upload.queue;
    this.uploads.delete(uploadId);
    const { fileName } = upload;
    const kind = checkFileKind(fileName, upload.head, upload.sizeBytes);
    if (!kind.ok) {
      await upload.writer.discard();
      return rejected(fileName, kind.message);
    }
    const plaintextSha256 = upload.hash.digest('hex');
    const plaintext = upload.retained ? Buffer.concat(upload.retained) : null;
    upload.retained = null;
    try {
      return await this.session.useVault(async ({ store, dataDirectory }) => {
        const existing = await findBlobByHash(store.db, plaintextSha256);
        if (existing) {
          await upload.writer.discard();
          const liveDocumentId = await findLiveDocumentForBlob(store.db, existing.id);
          if (liveDocumentId !== undefined) {
            await inTransaction(store.db, (trx) => linkDocument(trx, liveDocumentId, target));
            const document = await getDocumentSummary(store.db, liveDocumentId);
            logger.info('vault.duplicate_linked');
            return {
              outcome: 'duplicate' as const,
              fileName,
              message: `Already in the vault as “${document.fileName}”: stored once, now filed here too.`,
              document,
            };
          }
          return this.createDocument(store, {
            blob: { id: existing.id },
            fileName,
            kind: kind.mediaType,
            plaintext,
            target,
          });
        }
        await upload.writer.commit();
        try {
          return await this.createDocument(store, {
            blob: { storageId: upload.writer.storageId, plaintextSha256, sizeBytes: upload.sizeBytes },
            fileName,
            kind: kind.mediaType,
            plaintext,
            target,
          });
        } catch (error) {
          await destroyStoredFile(dataDirectory, upload.writer.storageId);
          throw error;
        }
      });
    } catch (error) {
      await upload.writer.discard();
      if (error instanceof AppError && error.code !== 'INTERNAL')
        return rejected(fileName, `Not added: ${error.message}`);
      throw error;
    } finally {
      plaintext?.fill(0);
    }
  }

  private async createDocument(
    store: Store,
    input: {
      /** A stored file already recorded, or a new one recorded in the same transaction as its document. */
      blob: { id: number } | Parameters<typeof insertBlob>[1];
      fileName: string;
      kind: DocumentSummary['mediaType'];
      plaintext: Buffer | null;
      target: DocumentTarget;
    },
  ): Promise<AddResult> {
    const extracted = await extractText(input.kind, input.plaintext);
    const suggestedType = suggestDocumentType(input.fileName, extracted.text ?? '', input.kind);
    const now = new Date(this.now()).toISOString();
    // One transaction: a crash can no longer leave a stored file's row without its document.
    const documentId = await inTransaction(store.db, async (trx) => {
      const blobId = 'id' in input.blob ? input.blob.id : await insertBlob(trx, input.blob);
      const id = await insertDocument(trx, this.session.actor, {
        blob_id: blobId,
        file_name: input.fileName,
        media_type: input.kind,
        document_type: suggestedType,
        suggested_type: suggestedType,
        is_type_confirmed: 0,
        document_date: null,
        source: null,
        page_count: extracted.pageCount,
        tags: '[]',
        text_status: extracted.textStatus,
        created_at: now,
        updated_at: now,
        deleted_at: null,
      });
      await linkDocument(trx, id, input.target);
      await indexDocumentText(trx, id, input.fileName, extracted.text ?? '');
      return id;
    });
    logger.info('vault.document_added', {
      textStatus: extracted.textStatus,
      pages: extracted.pageCount ?? 0,
    });
    const document = await getDocumentSummary(store.db, documentId);
    const notes: Record<DocumentSummary['textStatus'], string> = {
      indexed: 'Added; its text is searchable.',
      no_text: 'Added. It has no text layer (a scan or a picture), so its content is not searchable.',
      too_large: 'Added. It is too large to read for search; its name is searchable.',
      unreadable: 'Added, but its text could not be read (the file may be damaged); its name is searchable.',
    };
    return { outcome: 'added', fileName: input.fileName, message: notes[extracted.textStatus], document };
  }

  /**
   * Files a file Advocase made (a letter, a submission packet) through the same path as an upload:
   * encrypted as it is written, never on disk in the clear, then typed as the caller says.
   */
  async addGeneratedFile(
    fileName: string,
    bytes: Uint8Array,
    target: DocumentTarget,
    described: { readonly documentType: DocumentType; readonly documentDate: string },
  ): Promise<DocumentSummary> {
    const { uploadId } = await this.beginUpload(fileName);
    try {
      for (let offset = 0; offset < bytes.length; offset += uploadPieceBytes) {
        await this.appendToUpload(uploadId, Buffer.from(bytes.subarray(offset, offset + uploadPieceBytes)));
      }
    } catch (error) {
      await this.cancelUpload(uploadId);
      throw error;
    }
    const result = await this.finishUpload(uploadId, target);
    if (!result.document) throw new AppError('INTERNAL', result.message);
    return this.update({ documentId: result.document.id, ...described });
  }

  // ---- reading ----

  async list(filter: ParsedInput<'vault.list'>): Promise<DocumentSummary[]> {
    await this.sweepExpiredTrash();
    return this.session.useStore(({ db }) => listDocumentSummaries(db, filter));
  }

  get(documentId: number): Promise<DocumentSummary> {
    return this.session.useStore(({ db }) => getDocumentSummary(db, documentId));
  }

  async preview(documentId: number): Promise<DocumentPreview> {
    return this.session.useVault(async ({ store, vaultKey, dataDirectory }) => {
      const row = await getDocumentWithBlob(store.db, documentId);
      if (row.media_type === 'heic') {
        return {
          kind: 'unavailable',
          message: 'HEIC photos cannot be shown here. Open or download the file to view it.',
        };
      }
      if (row.size_bytes > maximumInlineBytes) {
        return {
          kind: 'unavailable',
          message: 'This file is too large to preview here. Open or download it instead.',
        };
      }
      const bytes = await readWholeDocument(dataDirectory, row.storage_id, vaultKey);
      try {
        switch (row.media_type) {
          case 'pdf':
            return { kind: 'pdf', data: bytes.toString('base64'), pageCount: row.page_count };
          case 'png':
          case 'jpeg':
            return {
              kind: 'image',
              mimeType: row.media_type === 'png' ? 'image/png' : 'image/jpeg',
              data: bytes.toString('base64'),
            };
          case 'docx':
          case 'txt':
          case 'eml':
            try {
              return { kind: 'text', text: await readableText(row.media_type, bytes) };
            } catch {
              return {
                kind: 'unavailable',
                message: 'The text of this file could not be read. Open or download it instead.',
              };
            }
        }
      } finally {
        bytes.fill(0);
      }
    });
  }

  async content(documentId: number): Promise<{ fileName: string; mimeType: string; data: string }> {
    return this.session.useVault(async ({ store, vaultKey, dataDirectory }) => {
      const row = await getDocumentWithBlob(store.db, documentId);
      if (row.size_bytes > maximumInlineBytes) {
        throw new AppError(
          'INVALID_INPUT',
          'This file is too large to download here. Export it to a folder instead.',
        );
      }
      const bytes = await readWholeDocument(dataDirectory, row.storage_id, vaultKey);
      logger.info('vault.document_downloaded');
      return {
        fileName: outputFileName(row.file_name, row.media_type),
        mimeType: mimeTypes[row.media_type],
        data: bytes.toString('base64'),
      };
    });
  }

  async search(input: ParsedInput<'vault.search'>): Promise<SearchHit[]> {
    return this.session.useStore(async ({ db }) => {
      const matches = await searchDocumentText(db, input.query, {
        limit: input.limit,
        ...(input.caseId === undefined ? {} : { caseId: input.caseId }),
      });
      const documents = await listDocumentSummaries(db, { ids: matches.map((match) => match.documentId) });
      const byId = new Map(documents.map((document) => [document.id, document]));
      return matches.flatMap((match) => {
        const document = byId.get(match.documentId);
        return document ? [{ document, snippet: splitSnippet(match.snippet) }] : [];
      });
    });
  }

  // ---- changing ----

  async update(input: ParsedInput<'vault.update'>): Promise<DocumentSummary> {
    return this.session.useStore(({ db }) =>
      inTransaction(db, async (trx) => {
        const row = await getDocumentWithBlob(trx, input.documentId);
        const fileName =
          input.fileName === undefined ? undefined : checkedNewName(input.fileName, row.media_type);
        await updateDocumentRow(trx, this.session.actor, input.documentId, {
          ...(fileName === undefined ? {} : { file_name: fileName }),
          ...(input.documentType === undefined
            ? {}
            : { document_type: input.documentType, is_type_confirmed: 1 }),
          ...(input.documentDate === undefined ? {} : { document_date: input.documentDate }),
          ...(input.source === undefined ? {} : { source: input.source }),
          ...(input.tags === undefined ? {} : { tags: JSON.stringify([...new Set(input.tags)]) }),
        });
        if (fileName !== undefined) await renameDocumentText(trx, input.documentId, fileName);
        return getDocumentSummary(trx, input.documentId);
      }),
    );
  }

  link(documentId: number, target: DocumentTarget): Promise<DocumentSummary> {
    return this.session.useStore(({ db }) =>
      inTransaction(db, async (trx) => {
        await getDocumentWithBlob(trx, documentId);
        await linkDocument(trx, documentId, target);
        return getDocumentSummary(trx, documentId);
      }),
    );
  }

  unlink(documentId: number, target: DocumentTarget): Promise<DocumentSummary> {
    return this.session.useStore(({ db }) =>
      inTransaction(db, async (trx) => {
        await getDocumentWithBlob(trx, documentId);
        await unlinkDocument(trx, documentId, target);
        return getDocumentSummary(trx, documentId);
      }),
    );
  }

  trash(documentId: number): Promise<DocumentSummary> {
    return this.setDeletedAt(documentId, new Date(this.now()).toISOString());
  }

  restore(documentId: number): Promise<DocumentSummary> {
    return this.setDeletedAt(documentId, null);
  }

  private setDeletedAt(documentId: number, deletedAt: string | null): Promise<DocumentSummary> {
    return this.session.useStore(({ db }) =>
      inTransaction(db, async (trx) => {
        await getDocumentWithBlob(trx, documentId);
        await updateDocumentRow(trx, this.session.actor, documentId, { deleted_at: deletedAt });
        // A document in the trash stops counting as evidence for the checklists that link it.
        await refreshEvidenceReadiness(
          trx,
          await casesLinkedTo(trx, { documentIds: [documentId], eventIds: [] }),
        );
        return getDocumentSummary(trx, documentId);
      }),
    );
  }

  /** Deletes trashed documents (all, or those past the retention time) and destroys files left unused. */
  async purgeTrash(which: 'all' | 'expired'): Promise<{ removedDocuments: number }> {
    return this.session.useVault(async ({ store, dataDirectory }) => {
      const cutoff =
        which === 'all'
          ? null
          : new Date(this.now() - trashRetentionDays * 24 * 60 * 60 * 1000).toISOString();
      const { ids, storageIds } = await inTransaction(store.db, async (trx) => {
        const ids = await trashedDocumentIds(trx, cutoff);
        for (const id of ids) await removeDocumentText(trx, id);
        await deleteDocumentRows(trx, this.session.actor, ids);
        return { ids, storageIds: await takeOrphanedBlobs(trx) };
      });
      for (const storageId of storageIds) await destroyStoredFile(dataDirectory, storageId);
      if (ids.length > 0)
        logger.info('vault.trash_purged', { documents: ids.length, files: storageIds.length });
      return { removedDocuments: ids.length };
    });
  }

  private async sweepExpiredTrash(): Promise<void> {
    if (this.now() - this.lastTrashSweepAt < 60 * 60 * 1000) return;
    await this.purgeTrash('expired');
    this.lastTrashSweepAt = this.now();
  }

  // ---- leaving the vault ----

  /** A decrypted copy in Advocase's private folder handed to the system viewer; deleted when the data locks. */
  async openExternally(documentId: number): Promise<void> {
    const path = await this.session.useVault(async ({ store, vaultKey, dataDirectory }) => {
      const row = await getDocumentWithBlob(store.db, documentId);
      // Only allow-listed document types reach another app, their content checked again (docs/security.md §2).
      const nameRefusal = openRefusal(row.file_name, row.media_type);
      if (nameRefusal) throw new AppError('INVALID_INPUT', nameRefusal, 'documentId');
      const folder = await newOpenCopyFolder(dataDirectory);
      const target = join(folder, outputFileName(row.file_name, row.media_type));
      try {
        await this.decryptTo(dataDirectory, row.storage_id, vaultKey, target, (head) => {
          const contentRefusal = openRefusal(row.file_name, row.media_type, head);
          if (contentRefusal) throw new AppError('INVALID_INPUT', contentRefusal, 'documentId');
        });
      } catch (error) {
        await rm(folder, { recursive: true, force: true });
        throw error;
      }
      return target;
    });
    await this.openInViewer(path);
    logger.info('vault.document_opened_externally');
  }

  private async decryptTo(
    dataDirectory: string,
    storageId: string,
    vaultKey: Buffer,
    path: string,
    checkFirstChunk: (head: Uint8Array) => void,
  ): Promise<void> {
    const partial = join(path, '..', `.advocase-${randomBytes(6).toString('hex')}.partial`);
    const file = await open(partial, 'wx', 0o600);
    let isFirst = true;
    try {
      await decryptStoredFile(dataDirectory, storageId, vaultKey, async (chunk) => {
        // Checked before a byte is written: a chunk is far larger than the few bytes a type is known by.
        if (isFirst) checkFirstChunk(chunk.subarray(0, headBytes));
        isFirst = false;
        await file.write(chunk);
      });
      await file.sync();
      await file.close();
      await rename(partial, path);
    } catch (error) {
      await file.close().catch(() => undefined);
      // Verified chunks of a file that failed later must not stay behind.
      await rm(partial, { force: true });
      throw error;
    }
  }

  // ---- integrity ----

  async verify({ removeLeftovers = false }: ParsedInput<'vault.verify'> = {}): Promise<VerifyReport> {
    return this.session.useVault(async ({ store, vaultKey, dataDirectory }) => {
      const rows = await allBlobsWithDocuments(store.db);
      const byStorageId = new Map<string, typeof rows>();
      for (const row of rows)
        byStorageId.set(row.storage_id, [...(byStorageId.get(row.storage_id) ?? []), row]);
      const failures: VerifyReport['failures'] = [];
      for (const [storageId, documents] of byStorageId) {
        const result = await checkStoredFile(dataDirectory, storageId, vaultKey);
        if (result === 'ok') continue;
        for (const document of documents) {
          failures.push({ documentId: document.document_id, fileName: document.file_name, problem: result });
        }
      }
      const leftovers = await findVaultLeftovers(store, dataDirectory, this.now());
      if (removeLeftovers) await removeVaultLeftovers(store, dataDirectory, leftovers);
      logger.info('vault.verified', {
        files: byStorageId.size,
        failures: failures.length,
        leftoverFiles: leftovers.filesWithoutRecord.length,
        leftoverRecords: leftovers.recordsWithoutDocument.length,
        leftoversRemoved: removeLeftovers,
      });
      return {
        checkedFiles: byStorageId.size,
        failures,
        leftovers: {
          filesWithoutRecord: leftovers.filesWithoutRecord.length,
          recordsWithoutDocument: leftovers.recordsWithoutDocument.length,
          removed: removeLeftovers,
        },
      };
    });
  }

  // ---- housekeeping ----

  private requireUpload(uploadId: string): Upload {
    const upload = this.uploads.get(uploadId);
    if (!upload) {
      throw new AppError(
        'NOT_FOUND',
        'That upload is no longer open (it finished, was cancelled, or Advocase locked). Add the file again.',
        'uploadId',
      );
    }
    return upload;
  }

  private async dropStaleUploads(): Promise<void> {
    const staleBefore = this.now() - 60 * 60 * 1000;
    for (const [uploadId, upload] of this.uploads) {
      if (upload.lastActivityAt < staleBefore) await this.cancelUpload(uploadId);
    }
  }

  private async cancelOpenUploads(): Promise<void> {
    // The decrypted copies made for other apps are deleted by the session itself (open-copies.ts).
    for (const uploadId of [...this.uploads.keys()]) await this.cancelUpload(uploadId);
  }
}
