import type { Kysely } from 'kysely';
import type { EventPayloadInput } from '../../shared/schemas/events';
import type { AdvocaseDatabase } from '../db/schema';
import { parseLetterMarkdown } from '../letters/letter-markdown';
import { addTimelineEvent } from '../events/events-service';
import { auditedInsert } from '../db/audited-writes';

/** What a demo case's sent letter is written from: the appeal it went with, and who it is for. */
type SentAppeal = {
  readonly caseId: number;
  readonly clientName: string;
  readonly payer: string;
  readonly treatment: string;
  readonly advocate: string;
  /** The appeal entry on the demo timeline: when it went, at which level, and its fax proof. */
  readonly appeal: Extract<EventPayloadInput, { readonly type: 'appeal_filed' }>;
};

function appealLetter(sent: SentAppeal, level: number): string {
  return [
    `**Re: Level ${level} appeal of the denial of ${sent.treatment}**`,
    `Member: ${sent.clientName}`,
    '',
    'To the Appeals Department:',
    '',
    `I represent ${sent.clientName} and appeal your decision denying coverage of ${sent.treatment}. The treating psychiatrist's letter of medical necessity and two published studies are enclosed; they answer each stated reason for the denial.`,
    '',
    `Please send your decision to me, with a copy to ${sent.clientName}.`,
    '',
    'Sincerely,',
    '',
    sent.advocate,
    `Authorized representative for ${sent.clientName}`,
  ].join('\n');
}

/**
 * The demo's appeals as the letters that carried them (demo data that shows "letters sent with
 * proof of delivery"): each appeal on a demo timeline gets its letter on the Letters tab, marked
 * sent by fax on that day, and a "letter sent" entry with the fax confirmation, as "Mark as sent"
 * records it. The demo has no vault, so no PDF is filed with them.
 */
export async function addDemoSentLetter(
  db: Kysely<AdvocaseDatabase>,
  actor: string,
  sent: SentAppeal,
): Promise<void> {
  const { details } = sent.appeal;
  const level = details.level ?? 1;
  const sentAt = sent.appeal.occurredAt;
  const sentOn = sentAt.slice(0, 10);
  const title = `Internal appeal, ${level === 1 ? 'first' : 'second'} level`;
  await auditedInsert(db, actor, 'letters', {
    case_id: sent.caseId,
    template_id: level === 1 ? 'internal-appeal-first-level' : 'internal-appeal-second-level',
    title,
    kind: 'internal_appeal',
    body: JSON.stringify(parseLetterMarkdown(appealLetter(sent, level))),
    enclosure_document_ids: '[]',
    status: 'sent',
    sent_on: sentOn,
    sent_via: 'fax',
    created_at: sentAt,
    updated_at: sentAt,
    deleted_at: null,
  });
  await addTimelineEvent(db, actor, sent.caseId, {
    type: 'letter_sent',
    occurredAt: sentAt,
    summary: `Letter sent: ${title} (via fax)`,
    details: {
      letterTitle: title,
      letterKind: 'Internal appeal',
      documentId: null,
      sentVia: 'fax',
      sentTo: `${sent.payer} appeals, by fax`,
      deliveryProof: details.deliveryProof ?? null,
    },
  });
}
