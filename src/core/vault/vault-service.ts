import type { ParsedInput } from '../../shared/contract';
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
import { AppError } from '../errors';
import type { Session } from '../session/session';
import {
  getDocumentSummary,
  getDocumentWithBlob,
  linkDocument,
  listDocumentSummaries,
  unlinkDocument,
  updateDocumentRow,
} from './document-repository';
import { renameDocumentText, searchDocumentText, splitSnippet } from './document-text-index';
import { renamedFileName } from './file-kinds';
import { openWithDesktopViewer, VaultFileOutput, type SystemViewer } from './vault-file-output';
import { VaultTrash } from './vault-trash';
import { VaultUploads } from './vault-uploads';
import { verifyVault } from './vault-verify';

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

/**
 * The document vault over one session, as the contract's `vault.*` methods see it: the catalogue
 * (list, search, describe, file) here, and its parts: adding (vault-uploads.ts), preview and
 * export (vault-file-output.ts), the trash (vault-trash.ts) and the integrity check (vault-verify.ts).
 */
export class VaultService {
  private readonly uploads: VaultUploads;
  private readonly output: VaultFileOutput;
  private readonly trashed: VaultTrash;
  private readonly now: () => number;

  constructor(
    private readonly session: Session,
    options: VaultServiceOptions = {},
  ) {
    this.now = options.now ?? Date.now;
    this.uploads = new VaultUploads(session, this.now);
    this.output = new VaultFileOutput(session, options.openInViewer ?? openWithDesktopViewer);
    this.trashed = new VaultTrash(session, this.now);
  }

  // ---- adding ----

  beginUpload(fileName: string): Promise<{ uploadId: string }> {
    return this.uploads.begin(fileName);
  }

  appendToUpload(uploadId: string, piece: Buffer): Promise<{ receivedBytes: number }> {
    return this.uploads.append(uploadId, piece);
  }

  cancelUpload(uploadId: string): Promise<void> {
    return this.uploads.cancel(uploadId);
  }

  finishUpload(uploadId: string, target: DocumentTarget): Promise<AddResult> {
    return this.uploads.finish(uploadId, target);
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
    const { uploadId } = await this.uploads.begin(fileName);
    try {
      for (let offset = 0; offset < bytes.length; offset += uploadPieceBytes) {
        await this.uploads.append(uploadId, Buffer.from(bytes.subarray(offset, offset + uploadPieceBytes)));
      }
    } catch (error) {
      await this.uploads.cancel(uploadId);
      throw error;
    }
    const result = await this.uploads.finish(uploadId, target);
    if (!result.document) throw new AppError('INTERNAL', result.message);
    return this.update({ documentId: result.document.id, ...described });
  }

  // ---- reading ----

  async list(filter: ParsedInput<'vault.list'>): Promise<DocumentSummary[]> {
    await this.trashed.sweepExpiredTrash();
    return this.session.useStore(({ db }) => listDocumentSummaries(db, filter));
  }

  get(documentId: number): Promise<DocumentSummary> {
    return this.session.useStore(({ db }) => getDocumentSummary(db, documentId));
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

  preview(documentId: number): Promise<DocumentPreview> {
    return this.output.preview(documentId);
  }

  content(documentId: number): Promise<{ fileName: string; mimeType: string; data: string }> {
    return this.output.content(documentId);
  }

  openExternally(documentId: number): Promise<void> {
    return this.output.openExternally(documentId);
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
    return this.trashed.trash(documentId);
  }

  restore(documentId: number): Promise<DocumentSummary> {
    return this.trashed.restore(documentId);
  }

  purgeTrash(which: 'all' | 'expired'): Promise<{ removedDocuments: number }> {
    return this.trashed.purgeTrash(which);
  }

  // ---- integrity ----

  verify(options: ParsedInput<'vault.verify'> = {}): Promise<VerifyReport> {
    return verifyVault(this.session, this.now(), options);
  }
}
