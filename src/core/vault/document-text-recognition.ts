import type { DocumentSummary, RecognitionProgress } from '../../shared/schemas/vault';
import { inTransaction } from '../db/in-transaction';
import { AppError } from '../errors';
import { logger } from '../logging/logger';
import { OcrCancelledError, recognizeDocument } from '../ocr/recognize-document';
import { unsupportedReason } from '../ocr/page-sources';
import type { Session } from '../session/session';
import { getDocumentSummary, getDocumentWithBlob, updateDocumentRow } from './document-repository';
import { indexDocumentText } from './document-text-index';
import { maximumExtractionBytes } from './extract-text';
import { mimeTypes } from './file-kinds';
import { suggestDocumentType } from './suggest-document-type';
import { readWholeStoredFile } from './stored-files';

export type RecognitionOutcome =
  | { readonly outcome: 'recognised'; readonly document: DocumentSummary }
  | { readonly outcome: 'cancelled'; readonly document: DocumentSummary };

type Running = { progress: RecognitionProgress; readonly controller: AbortController };

/**
 * Recognises the text of stored scans and pictures (OCR) and indexes it like any document's own
 * text, marked with its confidence. The decrypted file stays in memory for the length of the job
 * and is zeroed after; its page images never reach the disk (src/core/ocr). Jobs stop when the data locks.
 */
export class DocumentTextRecognition {
  private readonly running = new Map<number, Running>();

  constructor(
    private readonly session: Session,
    private readonly now: () => number = Date.now,
  ) {
    session.onLock(async () => this.cancelAll());
  }

  /** Where each recognition in progress has got to. */
  progress(): RecognitionProgress[] {
    return [...this.running.values()].map((job) => job.progress);
  }

  /** Stops the recognition of a document; nothing is changed. Does nothing when none runs. */
  cancel(documentId: number): void {
    this.running.get(documentId)?.controller.abort();
  }

  private cancelAll(): void {
    for (const job of this.running.values()) job.controller.abort();
  }

  /** Recognises one document's text and indexes it; a cancel returns the document unchanged. */
  async recognize(documentId: number): Promise<RecognitionOutcome> {
    if (this.running.has(documentId)) {
      throw new AppError(
        'INVALID_INPUT',
        'The text of this document is already being recognised.',
        'documentId',
      );
    }
    const job: Running = {
      progress: { documentId, page: 1, pageCount: 1, fraction: 0 },
      controller: new AbortController(),
    };
    this.running.set(documentId, job);
    try {
      const { bytes, mediaType } = await this.session.useVault(async ({ store, files }) => {
        const row = await getDocumentWithBlob(store.db, documentId);
        const refusal = recognitionRefusal(row);
        if (refusal) throw new AppError('INVALID_INPUT', refusal, 'documentId');
        return {
          bytes: await readWholeStoredFile(files, row.storage_id),
          mediaType: mimeTypes[row.media_type],
        };
      });
      let result;
      try {
        result = await recognizeDocument(bytes, mediaType, {
          signal: job.controller.signal,
          onProgress: (progress) => {
            job.progress = { documentId, ...progress };
          },
        });
      } finally {
        bytes.fill(0);
      }
      const document = await this.session.useStore(({ db }) =>
        inTransaction(db, async (trx) => {
          const row = await getDocumentWithBlob(trx, documentId);
          const hasText = /\p{L}{2}/u.test(result.text);
          // A scan's type could not be guessed from its empty text at upload: guess again now.
          const suggestedType = suggestDocumentType(row.file_name, result.text, row.media_type);
          await updateDocumentRow(trx, this.session.actor, documentId, {
            text_status: hasText ? 'indexed' : 'no_text',
            text_confidence: result.confidence,
            text_recognised_at: new Date(this.now()).toISOString(),
            page_count: result.pageCount,
            ...(row.is_type_confirmed ? {} : { document_type: suggestedType, suggested_type: suggestedType }),
          });
          await indexDocumentText(trx, documentId, row.file_name, result.text);
          return getDocumentSummary(trx, documentId);
        }),
      );
      logger.info('vault.text_recognised', { pages: result.pageCount, confidence: result.confidence });
      return { outcome: 'recognised', document };
    } catch (error) {
      if (!(error instanceof OcrCancelledError)) throw error;
      logger.info('vault.text_recognition_cancelled');
      return {
        outcome: 'cancelled',
        document: await this.session.useStore(({ db }) => getDocumentSummary(db, documentId)),
      };
    } finally {
      this.running.delete(documentId);
    }
  }
}

/** Why a stored document cannot be recognised, in a sentence for the user; null when it can. */
function recognitionRefusal(row: Awaited<ReturnType<typeof getDocumentWithBlob>>): string | null {
  if (row.media_type === 'docx' || row.media_type === 'txt' || row.media_type === 'eml') {
    return 'This document is text already; there is nothing to recognise.';
  }
  if (row.text_status === 'indexed' && row.text_recognised_at === null) {
    return 'This PDF has a text layer, which is already searchable; there is nothing to recognise.';
  }
  if (row.size_bytes > maximumExtractionBytes) {
    return 'This file is too large to recognise (over 64 MB). Split the scan into smaller files and add those.';
  }
  return unsupportedReason(mimeTypes[row.media_type]);
}

const recognitionBySession = new WeakMap<Session, DocumentTextRecognition>();

/**
 * The one recognition service of a session: the vault's "Recognise text" and reading a scan as a
 * denial notice share it, so either one's progress and cancel reach the job, and a scan is never
 * recognised twice at once.
 */
export function documentTextRecognitionOf(session: Session): DocumentTextRecognition {
  let recognition = recognitionBySession.get(session);
  if (!recognition) {
    recognition = new DocumentTextRecognition(session);
    recognitionBySession.set(session, recognition);
  }
  return recognition;
}
