import { sql, type Kysely } from 'kysely';
import type { ParsedInput } from '../../shared/contract';
import type { ReadDenialDocumentOutput } from '../../shared/schemas/case-denial-notice';
import type { PlanType } from '../../shared/domain/plan-types';
import type { DenialNoticeFindings } from '../../shared/schemas/denial-notice';
import type { AdvocaseDatabase } from '../db/schema';
import { AppError } from '../errors';
import { OcrCancelledError, recognizeDocument, type OcrProgress } from '../ocr/recognize-document';
import type { Session } from '../session/session';
import { mimeTypes } from '../vault/file-kinds';
import { indexDocumentText } from '../vault/document-text-index';
import { readWholeDocument } from '../vault/vault-storage';
import { checkDenialNotice } from './check-denial-notice';
import { readDenialNotice } from './read-denial-notice';

type Db = Kysely<AdvocaseDatabase>;

/** Kinds of file whose pages can be recognised when they hold no text. */
const recognisableMediaTypes = new Set(['pdf', 'png', 'jpeg']);

async function documentOf(db: Db, documentId: number) {
  const row = await db
    .selectFrom('documents as d')
    .innerJoin('vault_blobs as b', 'b.id', 'd.blob_id')
    .select(['d.id', 'd.file_name', 'd.media_type', 'b.storage_id'])
    .where('d.id', '=', documentId)
    .where('d.deleted_at', 'is', null)
    .executeTakeFirst();
  if (!row)
    throw new AppError(
      'NOT_FOUND',
      'That document is not in the vault (it may be in the trash). Restore it or add the notice again.',
      'documentId',
    );
  return row;
}

async function indexedTextOf(db: Db, documentId: number): Promise<string> {
  const { rows } = await sql<{
    body: string | null;
  }>`SELECT body FROM document_text WHERE rowid = ${documentId}`.execute(db);
  return rows[0]?.body ?? '';
}

/**
 * The rules a notice is checked against: the plan type asked for, else the case's coverage, else
 * the one the notice itself points to; a notice that says nothing is checked as an employer plan's
 * (the ERISA list, which individual-market issuers also follow: denial-and-appeal-content.md §1.1).
 */
async function planTypeFor(
  db: Db,
  input: ParsedInput<'denials.readDocument'>,
  findings: DenialNoticeFindings,
): Promise<PlanType> {
  if (input.planType) return input.planType;
  if (input.caseId !== undefined) {
    const row = await db
      .selectFrom('cases')
      .innerJoin('coverages', 'coverages.id', 'cases.coverage_id')
      .select('coverages.plan_type')
      .where('cases.id', '=', input.caseId)
      .executeTakeFirst();
    if (row) return row.plan_type;
  }
  return findings.planTypeHints[0]?.planType ?? 'employer-self-funded';
}

/**
 * Reads vault documents as denial notices. A document without text (a scan, a photo) is recognised
 * first, off the main thread, one page at a time: the progress can be asked for and the work
 * cancelled by the document's id while it runs. The recognised text joins the vault's text index,
 * so the scan becomes searchable like any other document.
 */
export class DenialNoticeReader {
  private readonly running = new Map<number, { controller: AbortController; progress: OcrProgress | null }>();

  constructor(private readonly session: Session) {}

  async read(input: ParsedInput<'denials.readDocument'>): Promise<ReadDenialDocumentOutput> {
    const stored = await this.session.useVault(async ({ store, vaultKey, dataDirectory }) => {
      const document = await documentOf(store.db, input.documentId);
      const text = await indexedTextOf(store.db, input.documentId);
      const needsRecognition = text.trim() === '' && recognisableMediaTypes.has(document.media_type);
      // Decrypted into memory only: the page images never touch the disk.
      const bytes = needsRecognition
        ? await readWholeDocument(dataDirectory, document.storage_id, vaultKey)
        : null;
      return { document, text, bytes };
    });
    let text = stored.text;
    let confidence: number | null = null;
    if (stored.bytes) {
      const recognised = await this.recognise(
        input.documentId,
        stored.bytes,
        mimeTypes[stored.document.media_type],
      );
      text = recognised.text;
      confidence = recognised.confidence / 100;
      await this.session.useStore(async ({ db }) => {
        await indexDocumentText(db, input.documentId, stored.document.file_name, recognised.text);
        await db
          .updateTable('documents')
          .set({ text_status: 'indexed' })
          .where('id', '=', input.documentId)
          .execute();
      });
    }
    if (text.trim() === '')
      throw new AppError(
        'INVALID_INPUT',
        `No text could be read from “${stored.document.file_name}”. Add the notice as a PDF, a photo or a scan (PNG or JPEG), or type its facts on the timeline.`,
        'documentId',
      );
    const findings = readDenialNotice(text);
    const planType = await this.session.useStore(({ db }) => planTypeFor(db, input, findings));
    return {
      documentId: stored.document.id,
      fileName: stored.document.file_name,
      text,
      isRecognised: stored.bytes !== null,
      confidence,
      findings,
      noticeCheck: checkDenialNotice(text, findings, planType),
    };
  }

  progress(documentId: number): OcrProgress | null {
    return this.running.get(documentId)?.progress ?? null;
  }

  cancel(documentId: number): void {
    this.running.get(documentId)?.controller.abort();
  }

  private async recognise(documentId: number, bytes: Uint8Array, mediaType: string) {
    if (this.running.has(documentId))
      throw new AppError(
        'INVALID_INPUT',
        'This notice is already being read. Wait for it, or cancel it first.',
      );
    const job = { controller: new AbortController(), progress: null as OcrProgress | null };
    this.running.set(documentId, job);
    try {
      return await recognizeDocument(bytes, mediaType, {
        signal: job.controller.signal,
        onProgress: (progress) => {
          job.progress = progress;
        },
      });
    } catch (error) {
      if (error instanceof OcrCancelledError)
        throw new AppError('INVALID_INPUT', 'Reading the notice was cancelled. Nothing was changed.');
      throw error;
    } finally {
      this.running.delete(documentId);
    }
  }
}
