import type { Kysely } from 'kysely';
import type { ParsedInput } from '../../shared/contract';
import { letterKindLabels, type LetterDeliveryMethod } from '../../shared/domain/letter-kinds';
import type { LetterOutputInput } from '../../shared/schemas/letter-output';
import type { Letter } from '../../shared/schemas/letters';
import type { AdvocateProfile } from '../../shared/schemas/profile';
import { localToday } from '../../shared/schemas/fields';
import type { DocumentSummary, MediaType } from '../../shared/schemas/vault';
import type { AdvocaseDatabase } from '../db/schema';
import { AppError } from '../errors';
import { civilDateInZone } from '../deadlines/date-arithmetic';
import { userTimeZone } from '../deadlines/service/time-zone';
import { addTimelineEvent } from '../services/events-service';
import { readAdvocateProfile } from '../services/profile-service';
import type { Session } from '../session/session';
import { cleanFileName, mimeTypes } from '../vault/file-kinds';
import type { VaultService } from '../vault/vault-service';
import { readWholeDocument } from '../vault/vault-storage';
import {
  defaultRecipient,
  loadLetterCaseContext,
  patientLine,
  referenceLines,
  type LetterCaseContext,
} from './letter-case-context';
import { renderLetterDocx } from './letter-docx';
import { writesOwnFrame } from './letter-frame';
import { formatLetterDate, type LetterLayout } from './letter-layout';
import { renderLetterPdf } from './letter-pdf';
import { getLetter, updateLetter } from './letters-service';
import { restoreFromBackupAdvice } from '../../shared/schemas/backup';
import { recordGeneratedFile } from './generated-file-recipe';
import { buildSubmissionPacket, type PacketInput } from './submission-packet';

type Enclosure = { readonly id: number; readonly title: string; readonly mediaType: MediaType };

type FiledFile = {
  readonly fileName: string;
  readonly mimeType: string;
  readonly data: string;
  readonly pageCount: number | null;
  readonly document: DocumentSummary;
  readonly eventId: number | null;
};

const deliveryWords: Readonly<Record<LetterDeliveryMethod, string>> = {
  fax: 'Via fax',
  portal: 'Via payer portal',
  mail: 'Via mail',
  email: 'Via email',
  in_person: 'By hand delivery',
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
 * Letters out of Advocase: the PDF and DOCX of a letter, the submission packet, and the record
 * that a letter was sent. Each file is filed in the case's documents (encrypted) as it is made,
 * and the timeline says when a letter was drafted and when it was sent.
 */
export class LetterOutputService {
  constructor(
    private readonly session: Session,
    private readonly vault: VaultService,
  ) {}

  private async prepare(input: LetterOutputInput) {
    const prepared = await this.session.useStore(async ({ db }) => {
      const letter = await getLetter(db, input.letterId);
      const profile = await requireProfile(db);
      const context = await loadLetterCaseContext(db, letter.caseId);
      const enclosures = await loadEnclosures(db, context, letter.caseId, letter.enclosureDocumentIds);
      return { letter, profile, context, enclosures };
    });
    const { letter, profile, context, enclosures } = prepared;
    const date = input.date ?? localToday();
    const layout: LetterLayout = {
      title: letter.title,
      letterhead: profile,
      date: formatLetterDate(date),
      deliveryLine:
        input.sentVia === 'fax' && context.payerFax
          ? `${deliveryWords.fax}: ${context.payerFax}`
          : input.sentVia
            ? deliveryWords[input.sentVia]
            : null,
      recipient: input.recipient && input.recipient.length > 0 ? input.recipient : defaultRecipient(context),
      reLines: referenceLines(context, letter.title),
      runningHeader: patientLine(context),
      document: letter.body,
      writesOwnFrame: writesOwnFrame(letter.body),
      signature: {
        closing: 'Sincerely,',
        name: profile.signatureName ?? profile.name,
        title: profile.signatureTitle,
        organization: profile.organization,
      },
      enclosures: enclosures.map((enclosure) => enclosure.title),
    };
    return { letter, profile, context, enclosures, date, layout };
  }

  private async fileLetter(
    letter: Letter,
    date: string,
    format: 'pdf' | 'docx',
    bytes: Uint8Array,
    pageCount: number | null,
    layout: LetterLayout,
  ): Promise<FiledFile> {
    const fileName = cleanFileName(`${date} ${letter.title}.${format}`);
    const document = await this.vault.addGeneratedFile(
      fileName,
      bytes,
      { caseId: letter.caseId },
      { documentType: 'letter', documentDate: date },
    );
    const event = await this.session.useStore(async ({ db }) => {
      // What it was made from, so a redacted attorney bundle can make it again (issue 12 §2).
      await recordGeneratedFile(db, document.id, letter.id, {
        kind: format === 'pdf' ? 'letter_pdf' : 'letter_docx',
        layout,
      });
      return addTimelineEvent(db, this.session.actor, letter.caseId, {
        type: 'letter_drafted',
        occurredAt: new Date().toISOString(),
        summary: `Letter drafted: ${letter.title} (${format.toUpperCase()})`,
        details: {
          letterTitle: letter.title,
          letterKind: letterKindLabels[letter.kind],
          documentId: document.id,
          format,
        },
      });
    });
    const linked = await this.vault.link(document.id, { eventId: event.id });
    return {
      fileName,
      mimeType: mimeTypes[format],
      data: Buffer.from(bytes).toString('base64'),
      pageCount,
      document: linked,
      eventId: event.id,
    };
  }

  async exportPdf(input: LetterOutputInput): Promise<FiledFile> {
    const { letter, layout, date } = await this.prepare(input);
    const rendered = await renderLetterPdf(layout);
    return this.fileLetter(letter, date, 'pdf', rendered.bytes, rendered.pageCount, layout);
  }

  async exportDocx(input: LetterOutputInput): Promise<FiledFile> {
    const { letter, layout, date } = await this.prepare(input);
    return this.fileLetter(letter, date, 'docx', await renderLetterDocx(layout), null, layout);
  }

  async buildPacket(input: ParsedInput<'letters.buildPacket'>) {
    const { letter: saved, profile, context, enclosures, date, layout } = await this.prepare(input);
    const isFax = input.sentVia === 'fax';
    const recipientFax = input.recipientFax ?? context.payerFax;
    if (isFax && !recipientFax) {
      throw new AppError(
        'INVALID_INPUT',
        "The payer's fax number is not on the coverage. Type the number the packet goes to.",
        'recipientFax',
      );
    }
    const letter = await renderLetterPdf(layout, { showPageNumbers: false });
    const cover: PacketInput['cover'] = {
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
    };
    const letterTitle = `Letter: ${saved.title}`;
    const packet = await this.session.useVault(({ store, vaultKey, dataDirectory }) =>
      buildSubmissionPacket({
        cover,
        letter: { title: letterTitle, pdf: letter.bytes },
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
              return await readWholeDocument(dataDirectory, row.storage_id, vaultKey);
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
    const fileName = cleanFileName(`${date} ${saved.title} - submission packet.pdf`);
    const document = await this.vault.addGeneratedFile(
      fileName,
      packet.bytes,
      { caseId: saved.caseId },
      { documentType: 'submission_packet', documentDate: date },
    );
    await this.session.useStore(({ db }) =>
      recordGeneratedFile(db, document.id, saved.id, {
        kind: 'submission_packet',
        layout,
        letterTitle,
        cover,
        enclosures,
        footLabel: patientLine(context),
      }),
    );
    return {
      fileName,
      mimeType: mimeTypes.pdf,
      data: Buffer.from(packet.bytes).toString('base64'),
      pageCount: packet.pageCount,
      document,
      eventId: null,
      parts: [...packet.parts],
      omitted: packet.omitted.map((item) => ({
        title: item.title,
        reason: `${item.reason}: not included. Save it as a PDF to include it, or send it separately.`,
      })),
    };
  }

  /**
   * Records the sending: a "letter sent" entry on the timeline (linked to what was sent) and the
   * letter itself marked sent on that day, both in one store session so they never disagree.
   */
  async markSent(input: ParsedInput<'letters.markSent'>): Promise<{ eventId: number }> {
    const event = await this.session.useStore(async ({ db }) => {
      const letter = await getLetter(db, input.letterId);
      if (input.documentId !== null) {
        const context = await loadLetterCaseContext(db, letter.caseId);
        await loadEnclosures(db, context, letter.caseId, [input.documentId], 'documentId');
      }
      const added = await addTimelineEvent(db, this.session.actor, letter.caseId, {
        type: 'letter_sent',
        occurredAt: input.sentAt,
        summary: `Letter sent: ${letter.title} (${deliveryWords[input.sentVia].toLowerCase()})`,
        details: {
          letterTitle: letter.title,
          letterKind: letterKindLabels[letter.kind],
          documentId: input.documentId,
          sentVia: input.sentVia,
          sentTo: input.sentTo,
          deliveryProof: input.deliveryProof,
        },
      });
      await updateLetter(db, this.session.actor, letter.id, {
        status: 'sent',
        // The day it went, as the user's calendar has it (not UTC's).
        sentOn: civilDateInZone(Date.parse(input.sentAt), userTimeZone()),
        sentVia: input.sentVia,
      });
      return added;
    });
    if (input.documentId !== null) await this.vault.link(input.documentId, { eventId: event.id });
    return { eventId: event.id };
  }
}
