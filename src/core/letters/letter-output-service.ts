import type { Kysely } from 'kysely';
import type { ParsedInput } from '../../shared/contract';
import { letterKindLabels, type LetterDeliveryMethod } from '../../shared/domain/letter-kinds';
import type { LetterOutputInput } from '../../shared/schemas/letter-output';
import type { Letter } from '../../shared/schemas/letters';
import type { AdvocateProfile } from '../../shared/schemas/profile';
import { localToday } from '../../shared/schemas/fields';
import type { MediaType } from '../../shared/schemas/vault';
import type { AdvocaseDatabase } from '../db/schema';
import { inTransaction } from '../db/in-transaction';
import { AppError } from '../errors';
import { civilDateInZone } from '../deadlines/date-arithmetic';
import { userTimeZone } from '../deadlines/time-zone';
import { addTimelineEvent } from '../events/events-service';
import { readAdvocateProfile } from '../profile/profile-service';
import type { Session } from '../session/session';
import { cleanFileName, mimeTypes } from '../vault/file-kinds';
import type { VaultService } from '../vault/vault-service';
import { readWholeStoredFile } from '../vault/stored-files';
import { loadLetterCaseContext, patientLine, type LetterCaseContext } from './letter-case-context';
import { getLetter, updateLetter } from './letters-service';
import { restoreFromBackupAdvice } from '../../shared/schemas/backup';
import { filingOfSentLetter } from './filing-of-sent-letter';
import { recordGeneratedFile } from './generated-file-recipe';
import { deliveryWords, layOutLetter, renderLetter, type LetterRenderContext } from './render-letter';

type Enclosure = { readonly id: number; readonly title: string; readonly mediaType: MediaType };

type DownloadedFile = {
  readonly fileName: string;
  readonly mimeType: string;
  readonly data: string;
  readonly pageCount: number | null;
  readonly isDraft: boolean;
};

/** "410 Alder Street", "P.O. Box 30432": an address line, not a department's name. */
const streetLine = /^(\d|p\.?\s?o\.?\s*box)/i;

/** A file name without its extension reads as the enclosure's title: "Denial letter 2026-03-10.pdf" → "Denial letter 2026-03-10". */
function enclosureTitle(fileName: string): string {
  return fileName.replace(/\.[A-Za-z0-9]{1,5}$/, '');
}

async function requireProfile(db: Kysely<AdvocaseDatabase>): Promise<AdvocateProfile> {
  const profile = await readAdvocateProfile(db);
  if (!profile) {
    throw new AppError(
      'INVALID_INPUT',
      'Fill in your profile first (Settings → Profile): the letterhead and signature come from it.',
      'profile',
    );
  }
  return profile;
}

/**
 * The chosen enclosures, in the order chosen, each checked to be a live document of this case
 * (filed to the case, its client or one of its timeline entries).
 */
async function loadEnclosures(
  db: Kysely<AdvocaseDatabase>,
  context: LetterCaseContext,
  caseId: number,
  ids: readonly number[],
  field = 'enclosureDocumentIds',
): Promise<Enclosure[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('documents')
    .select(['id', 'file_name', 'media_type'])
    .where('id', 'in', [...ids])
    .where('deleted_at', 'is', null)
    .where((where) =>
      where.or([
        where(
          'id',
          'in',
          where.selectFrom('document_cases').select('document_id').where('case_id', '=', caseId),
        ),
        where(
          'id',
          'in',
          where
            .selectFrom('document_clients')
            .select('document_id')
            .where('client_id', '=', context.clientId),
        ),
        where(
          'id',
          'in',
          where
            .selectFrom('document_events')
            .innerJoin('events', 'events.id', 'document_events.event_id')
            .select('document_events.document_id')
            .where('events.case_id', '=', caseId),
        ),
      ]),
    )
    .execute();
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.map((id) => {
    const row = byId.get(id);
    if (!row) {
      throw new AppError(
        'INVALID_INPUT',
        `Document ${id} is not among this case's documents, or is in the trash. Choose again from the case's Documents.`,
        field,
      );
    }
    return { id, title: enclosureTitle(row.file_name), mediaType: row.media_type };
  });
}

/**
 * The prompts still in a letter stop an export unless the user, having been asked, chose to go on:
 * then the file says DRAFT on every page.
 */
function assertReadyOrAcknowledged(letter: Letter, allowUnfilled: boolean): void {
  const count = letter.unfilledPrompts.length;
  if (count === 0 || allowUnfilled) return;
  throw new AppError(
    'INVALID_INPUT',
    `This letter still has ${count} ${count === 1 ? 'prompt' : 'prompts'} to fill (${letter.unfilledPrompts[0]}${count > 1 ? ', …' : ''}). Fill ${count === 1 ? 'it' : 'them'}, or export it as a draft: DRAFT is then printed at the top of every page.`,
    'allowUnfilled',
  );
}

/** "Internal appeal to Aetna, sent 2026-12-06": what the filed copy is, as an exhibit list names it. */
export function sentLetterName(letter: Letter, payer: string | null, sentOn: string): string {
  const what = letter.kind === 'other' ? letter.title : letterKindLabels[letter.kind];
  return `${what}${payer ? ` to ${payer}` : ''}, sent ${sentOn}`;
}

/**
 * Letters out of Advocase: the PDF and DOCX of a letter and the submission packet are downloads,
 * filed nowhere; "Mark as sent" files the final PDF in the case's documents and puts one entry on
 * the timeline, so the vault, the timeline and the attorney bundle hold what went out, not every
 * draft printed on the way.
 */
export class LetterOutputService {
  constructor(
    private readonly session: Session,
    private readonly vault: VaultService,
  ) {}

  private async prepare(letterId: number) {
    return this.session.useStore(async ({ db }) => {
      const letter = await getLetter(db, letterId);
      const profile = await requireProfile(db);
      const context = await loadLetterCaseContext(db, letter.caseId);
      const enclosures = await loadEnclosures(db, context, letter.caseId, letter.enclosureDocumentIds);
      return { letter, profile, context, enclosures };
    });
  }

  private async download(input: LetterOutputInput, format: 'pdf' | 'docx'): Promise<DownloadedFile> {
    const { letter, profile, context, enclosures } = await this.prepare(input.letterId);
    assertReadyOrAcknowledged(letter, input.allowUnfilled);
    const date = input.date ?? localToday();
    const rendered = await renderLetter(letter, {
      profile,
      caseContext: context,
      enclosureTitles: enclosures.map((enclosure) => enclosure.title),
      date,
      sentVia: input.sentVia,
      recipient: input.recipient,
      format,
    });
    const draft = rendered.isDraft ? ' (DRAFT)' : '';
    return {
      fileName: cleanFileName(`${date} ${letter.title}${draft}.${format}`),
      mimeType: mimeTypes[format],
      data: Buffer.from(rendered.bytes).toString('base64'),
      pageCount: rendered.pageCount,
      isDraft: rendered.isDraft,
    };
  }

  async exportPdf(input: LetterOutputInput): Promise<DownloadedFile> {
    return this.download(input, 'pdf');
  }

  async exportDocx(input: LetterOutputInput): Promise<DownloadedFile> {
    return this.download(input, 'docx');
  }

  async buildPacket(input: ParsedInput<'letters.buildPacket'>) {
    const { letter: saved, profile, context, enclosures } = await this.prepare(input.letterId);
    assertReadyOrAcknowledged(saved, input.allowUnfilled);
    const date = input.date ?? localToday();
    const renderContext: LetterRenderContext = {
      profile,
      caseContext: context,
      enclosureTitles: enclosures.map((enclosure) => enclosure.title),
      date,
      sentVia: input.sentVia,
      recipient: input.recipient,
      format: 'pdf',
      showPageNumbers: false,
    };
    const layout = layOutLetter(saved, renderContext);
    const isFax = input.sentVia === 'fax';
    const recipientFax = input.recipientFax ?? context.payerFax;
    if (isFax && !recipientFax) {
      throw new AppError(
        'INVALID_INPUT',
        "The payer's fax number is not on the coverage. Type the number the packet goes to.",
        'recipientFax',
      );
    }
    const letter = await renderLetter(saved, renderContext);
    // pdf-lib loads with the first packet, not when the app starts (docs/performance.md, "Start").
    const { buildSubmissionPacket } = await import('./submission-packet');
    const packet = await this.session.useVault(({ store, files }) =>
      buildSubmissionPacket({
        cover: {
          isFax,
          letterhead: profile,
          date: layout.date,
          to: {
            name: layout.recipient[0] ?? 'Health plan',
            // The address's second line names the department, unless it is already the street.
            organization:
              layout.recipient[1] && !streetLine.test(layout.recipient[1]) ? layout.recipient[1] : null,
            fax: recipientFax,
            phone: context.payerPhone,
          },
          from: {
            name: profile.name,
            organization: profile.organization,
            fax: profile.fax,
            phone: profile.phone,
          },
          reLines: layout.reLines,
          message: input.message,
        },
        letter: { title: `Letter: ${saved.title}`, pdf: letter.bytes },
        enclosures: enclosures.map((enclosure) => ({
          title: enclosure.title,
          mediaType: enclosure.mediaType,
          read: async () => {
            const row = await store.db
              .selectFrom('documents')
              .innerJoin('vault_blobs', 'vault_blobs.id', 'documents.blob_id')
              .select('vault_blobs.storage_id')
              .where('documents.id', '=', enclosure.id)
              .executeTakeFirstOrThrow();
            try {
              return await readWholeStoredFile(files, row.storage_id);
            } catch (error) {
              if (error instanceof AppError && error.code === 'DATA_DAMAGED') {
                throw new AppError(
                  'DATA_DAMAGED',
                  `The enclosure “${enclosure.title}” is damaged in the vault, so no packet was made. Remove it from the enclosures, or bring it back. ${restoreFromBackupAdvice}`,
                  'enclosureDocumentIds',
                );
              }
              throw error;
            }
          },
        })),
        footLabel: patientLine(context),
      }),
    );
    const draft = letter.isDraft ? ' (DRAFT)' : '';
    return {
      fileName: cleanFileName(`${date} ${saved.title} - submission packet${draft}.pdf`),
      mimeType: mimeTypes.pdf,
      data: Buffer.from(packet.bytes).toString('base64'),
      pageCount: packet.pageCount,
      isDraft: letter.isDraft,
      parts: [...packet.parts],
      omitted: packet.omitted.map((item) => ({
        title: item.title,
        reason: `${item.reason}: not included. Save it as a PDF to include it, or send it separately.`,
      })),
    };
  }

  /**
   * Files the final PDF of a letter that went out, with what it was made from, so a redacted
   * attorney bundle can make it again through the same renderer (docs/security.md §2).
   */
  private async fileSentCopy(
    letter: Letter,
    sentOn: string,
    sentVia: LetterDeliveryMethod,
    { profile, context, enclosures }: Omit<Awaited<ReturnType<LetterOutputService['prepare']>>, 'letter'>,
  ): Promise<number> {
    const renderContext: LetterRenderContext = {
      profile,
      caseContext: context,
      enclosureTitles: enclosures.map((enclosure) => enclosure.title),
      date: sentOn,
      sentVia,
      recipient: null,
      format: 'pdf',
    };
    const rendered = await renderLetter(letter, renderContext);
    const document = await this.vault.addGeneratedFile(
      cleanFileName(`${sentLetterName(letter, context.payer, sentOn)}.pdf`),
      rendered.bytes,
      { caseId: letter.caseId },
      { documentType: 'letter', documentDate: sentOn },
    );
    await this.session.useStore(({ db }) =>
      recordGeneratedFile(db, document.id, letter.id, {
        kind: 'letter_pdf',
        layout: layOutLetter(letter, renderContext),
      }),
    );
    return document.id;
  }

  /**
   * Records the sending: one "letter sent" entry on the timeline, linked to the copy that went
   * out, and the letter marked sent. That copy is the final PDF, dated the day it went and named
   * for what it is, filed now in the case's documents; or, when the letter left in another form
   * (the physician's signed version, finished in Word and scanned), that document, chosen from
   * the case's. A letter with prompts still in it needs the latter: the copy on file must be the
   * letter that went out.
   */
  async markSent(input: ParsedInput<'letters.markSent'>) {
    const sentOn = civilDateInZone(Date.parse(input.sentAt), userTimeZone());
    const { letter, profile, context, enclosures } = await this.prepare(input.letterId);
    const sentCopyId = input.documentId;
    if (sentCopyId !== null) {
      await this.session.useStore(({ db }) =>
        loadEnclosures(db, context, letter.caseId, [sentCopyId], 'documentId'),
      );
    } else if (letter.unfilledPrompts.length > 0) {
      const count = letter.unfilledPrompts.length;
      throw new AppError(
        'INVALID_INPUT',
        `The letter still has ${count} ${count === 1 ? 'prompt' : 'prompts'} to fill, so it is not what went out. Fill ${count === 1 ? 'it' : 'them'} first, or choose the copy that was sent (for example the signed letter, scanned) from the case's documents.`,
        'documentId',
      );
    }
    const sentCopy =
      sentCopyId ??
      (await this.fileSentCopy(letter, sentOn, input.sentVia, { profile, context, enclosures }));
    const event = await this.session.useStore(({ db: store }) =>
      inTransaction(store, async (db) => {
        const added = await addTimelineEvent(db, this.session.actor, letter.caseId, {
          type: 'letter_sent',
          occurredAt: input.sentAt,
          summary: `Letter sent: ${letter.title} (${deliveryWords[input.sentVia].toLowerCase()})`,
          details: {
            letterTitle: letter.title,
            letterKind: letterKindLabels[letter.kind],
            documentId: sentCopy,
            sentVia: input.sentVia,
            sentTo: input.sentTo,
            deliveryProof: input.deliveryProof,
          },
        });
        const filing = await filingOfSentLetter(db, {
          letter,
          sentAt: input.sentAt,
          sentVia: input.sentVia,
          sentTo: input.sentTo,
          deliveryProof: input.deliveryProof,
        });
        if (filing) await addTimelineEvent(db, this.session.actor, letter.caseId, filing);
        await updateLetter(db, this.session.actor, letter.id, {
          status: 'sent',
          // The day it went, as the user's calendar has it (not UTC's).
          sentOn,
          sentVia: input.sentVia,
        });
        return added;
      }),
    );
    return { eventId: event.id, document: await this.vault.link(sentCopy, { eventId: event.id }) };
  }
}
