import { createHash, randomBytes, type Hash } from 'node:crypto';
import type { AddResult, DocumentSummary, DocumentTarget } from '../../shared/schemas/vault';
import { inTransaction } from '../db/in-transaction';
import type { Store } from '../db/store';
import { AppError } from '../errors';
import { logger } from '../logging/logger';
import type { Session } from '../session/session';
import {
  findBlobByHash,
  findLiveDocumentForBlob,
  getDocumentSummary,
  insertBlob,
  insertDocument,
  linkDocument,
} from './document-repository';
import { indexDocumentText } from './document-text-index';
import { extractText, maximumExtractionBytes } from './extract-text';
import { checkFileKind, cleanFileName, fileHeadBytes } from './file-kinds';
import { suggestDocumentType } from './suggest-document-type';
import type { StoredFileWriter } from './stored-files';

type Upload = {
  readonly writer: StoredFileWriter;
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

function rejected(fileName: string, message: string): AddResult {
  return { outcome: 'rejected', fileName, message, document: null };
}

/**
 * Adding to the vault: a file arrives in pieces, encrypted as they come; when it is complete its
 * kind is checked, an identical file already stored is reused (stored once, filed in both places),
 * its text is read for search and it is filed. Open uploads end when the data locks.
 */
export class VaultUploads {
  private readonly uploads = new Map<string, Upload>();

  constructor(
    private readonly session: Session,
    private readonly now: () => number,
  ) {
    session.onLock(() => this.cancelOpenUploads());
  }

  async begin(rawFileName: string): Promise<{ uploadId: string }> {
    return this.session.useVault(async ({ files }) => {
      await this.dropStaleUploads();
      const writer = await files.createWriter();
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

  async append(uploadId: string, piece: Buffer): Promise<{ receivedBytes: number }> {
    const upload = this.requireUpload(uploadId);
    // Being unlocked is checked for every piece: an upload does not outlive a lock.
    await this.session.useStore(async () => undefined);
    const work = upload.queue.then(async () => {
      upload.hash.update(piece);
      if (upload.head.length < fileHeadBytes) {
        upload.head = Buffer.concat([upload.head, piece.subarray(0, fileHeadBytes - upload.head.length)]);
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

  async cancel(uploadId: string): Promise<void> {
    const upload = this.uploads.get(uploadId);
    if (!upload) return;
    this.uploads.delete(uploadId);
    await upload.queue;
    await upload.writer.discard();
  }

  /** Checks the file, stores it (or finds it already stored), reads its text and files it. */
  async finish(uploadId: string, target: DocumentTarget): Promise<AddResult> {
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
      return await this.session.useVault(async ({ store, files }) => {
        const contentKey = await files.contentKey(plaintextSha256);
        const existing = await findBlobByHash(store.db, contentKey);
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
            blob: { storageId: upload.writer.storageId, contentKey, sizeBytes: upload.sizeBytes },
            fileName,
            kind: kind.mediaType,
            plaintext,
            target,
          });
        } catch (error) {
          await files.destroy(upload.writer.storageId);
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
      no_text:
        input.kind === 'heic'
          ? 'Added. It is a photo with no text, and HEIC photos cannot be read for text: add it as JPEG to make its words searchable.'
          : 'Added. It has no text layer (a scan or a picture): choose Recognise text beside it to make its words searchable.',
      too_large: 'Added. It is too large to read for search; its name is searchable.',
      unreadable: 'Added, but its text could not be read (the file may be damaged); its name is searchable.',
    };
    return { outcome: 'added', fileName: input.fileName, message: notes[extracted.textStatus], document };
  }

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
      if (upload.lastActivityAt < staleBefore) await this.cancel(uploadId);
    }
  }

  private async cancelOpenUploads(): Promise<void> {
    // The decrypted copies made for other apps are deleted by the session itself (open-copies.ts).
    for (const uploadId of [...this.uploads.keys()]) await this.cancel(uploadId);
  }
}
