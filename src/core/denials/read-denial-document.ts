import type { Kysely } from 'kysely';
import type { ParsedInput } from '../../shared/contract';
import type { ReadDenialDocumentOutput } from '../../shared/schemas/case-denial-notice';
import type { PlanType } from '../../shared/domain/plan-types';
import type { DenialNoticeFindings } from '../../shared/schemas/denial-notice';
import { dialectOf } from '../db/dialect/dialect-of';
import type { AdvocaseDatabase } from '../db/schema';
import { AppError } from '../errors';
import type { Session } from '../session/session';
import type { DocumentTextRecognition } from '../vault/document-text-recognition';
import { coverageTheNoticeNames } from '../../shared/domain/notice-coverage';
import { checkDenialNotice } from './check-denial-notice';
import { coveragesOfClientForCase } from './coverages-of-client';
import { treatmentTheNoticeDiffersFrom } from './notice-service-match';
import { readDenialNotice } from './read-denial-notice';

type Db = Kysely<AdvocaseDatabase>;

/** Kinds of file whose pages can be recognised when they hold no text. */
const recognisableMediaTypes = new Set(['pdf', 'png', 'jpeg']);

async function documentOf(db: Db, documentId: number) {
  const row = await db
    .selectFrom('documents as d')
    .select(['d.id', 'd.file_name', 'd.media_type', 'd.text_recognised_at', 'd.text_confidence'])
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

async function storedTextOf(db: Db, documentId: number) {
  return { document: await documentOf(db, documentId), text: await indexedTextOf(db, documentId) };
}

function indexedTextOf(db: Db, documentId: number): Promise<string> {
  return dialectOf(db).fullTextSearch.readDocumentText(db, documentId);
}

/**
 * The rules a notice is checked against: the plan type asked for, else the case's coverage, else
 * the client's coverage the notice names (its payer and member ID), else the one the notice itself
 * points to; a notice that says nothing is checked as an employer plan's (the ERISA list, which
 * individual-market issuers also follow: denial-and-appeal-content.md §1.1).
 */
async function planTypeFor(
  db: Db,
  input: ParsedInput<'denials.readDocument'>,
  findings: DenialNoticeFindings,
  coveragesOfClient: ReadDenialDocumentOutput['coveragesOfClient'],
): Promise<{ planType: PlanType; from: ReadDenialDocumentOutput['planTypeFrom'] }> {
  if (input.planType) return { planType: input.planType, from: 'asked' };
  const named =
    coveragesOfClient &&
    coverageTheNoticeNames(coveragesOfClient.coverages, {
      payer: findings.payer?.value ?? coveragesOfClient.casePayer,
      memberId: findings.memberId?.value ?? null,
    });
  if (named) return { planType: named.planType, from: 'client-coverage' };
  if (input.caseId !== undefined) {
    const row = await db
      .selectFrom('cases')
      .innerJoin('coverages', 'coverages.id', 'cases.coverage_id')
      .select('coverages.plan_type')
      .where('cases.id', '=', input.caseId)
      .executeTakeFirst();
    if (row) return { planType: row.plan_type, from: 'coverage' };
  }
  const hinted = findings.planTypeHints[0]?.planType;
  return hinted
    ? { planType: hinted, from: 'notice' }
    : { planType: 'employer-self-funded', from: 'assumed' };
}

/** The case's treatment when the notice names another service; null without a case. */
async function treatmentTheServiceDiffersFrom(
  db: Db,
  caseId: number | undefined,
  findings: DenialNoticeFindings,
): Promise<string | null> {
  if (caseId === undefined || findings.service === null) return null;
  const row = await db
    .selectFrom('cases')
    .select(['treatment', 'treatment_detail'])
    .where('id', '=', caseId)
    .executeTakeFirst();
  return row
    ? treatmentTheNoticeDiffersFrom(findings.service.value, row.treatment, row.treatment_detail)
    : null;
}

/**
 * Reads vault documents as denial notices. A document without text (a scan, a photo) is recognised
 * first by the vault's own text recognition (offline, a page at a time): its progress and cancel are
 * the vault's (`vault.recognitionProgress`, `vault.cancelRecognition`), and the recognised text joins
 * the vault's index marked with its confidence, so the scan becomes searchable too.
 */
export class DenialNoticeReader {
  constructor(
    private readonly session: Session,
    private readonly recognition: DocumentTextRecognition,
  ) {}

  async read(input: ParsedInput<'denials.readDocument'>): Promise<ReadDenialDocumentOutput> {
    let stored = await this.session.useStore(({ db }) => storedTextOf(db, input.documentId));
    if (stored.text.trim() === '' && recognisableMediaTypes.has(stored.document.media_type)) {
      const { outcome } = await this.recognition.recognize(input.documentId);
      if (outcome === 'cancelled')
        throw new AppError('INVALID_INPUT', 'Reading the notice was cancelled. Nothing was changed.');
      stored = await this.session.useStore(({ db }) => storedTextOf(db, input.documentId));
    }
    const { document, text } = stored;
    if (text.trim() === '')
      throw new AppError(
        'INVALID_INPUT',
        `No text could be read from “${document.file_name}”. Add the notice as a PDF, a photo or a scan (PNG or JPEG), or type its facts on the timeline.`,
        'documentId',
      );
    const findings = readDenialNotice(text);
    const { planType, from, differentTreatment, coveragesOfClient } = await this.session.useStore(
      async ({ db }) => {
        const coverages =
          input.caseId === undefined ? null : await coveragesOfClientForCase(db, input.caseId);
        return {
          ...(await planTypeFor(db, input, findings, coverages)),
          differentTreatment: await treatmentTheServiceDiffersFrom(db, input.caseId, findings),
          coveragesOfClient: coverages,
        };
      },
    );
    return {
      documentId: document.id,
      fileName: document.file_name,
      text,
      isRecognised: document.text_recognised_at !== null,
      confidence: document.text_confidence === null ? null : document.text_confidence / 100,
      findings,
      noticeCheck: checkDenialNotice(text, findings, planType),
      planTypeFrom: from,
      caseTreatmentTheServiceDiffersFrom: differentTreatment,
      coveragesOfClient,
    };
  }
}
