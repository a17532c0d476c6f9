import type { Kysely } from 'kysely';
import type { LetterDeliveryMethod, LetterKind } from '../../shared/domain/letter-kinds';
import type { EventPayloadInput } from '../../shared/schemas/events';
import type { Letter } from '../../shared/schemas/letters';
import type { AdvocaseDatabase } from '../db/schema';

type SentLetter = {
  readonly letter: Letter;
  readonly sentAt: string;
  readonly sentVia: LetterDeliveryMethod;
  readonly sentTo: string | null;
  readonly deliveryProof: Extract<EventPayloadInput, { type: 'letter_sent' }>['details']['deliveryProof'];
};

/** The letters whose sending is itself a filing the deadline engine and the stage follow. */
const appealKinds: ReadonlySet<LetterKind> = new Set(['internal_appeal', 'expedited_review']);

/**
 * Sending an internal appeal or an external review request is filing it: the same timeline entry
 * the user would record by hand ("Appeal filed", "External review requested"), so the stage moves,
 * the filing deadline is met and the payer's decision clock starts once delivery is proved
 * (shared/domain/case-lifecycle.ts). The appeal's level is the next one on this case. A Medicare
 * appeal is left to the user: its levels and clocks are not the plan's internal appeal's.
 */
export async function filingOfSentLetter(
  db: Kysely<AdvocaseDatabase>,
  sent: SentLetter,
): Promise<EventPayloadInput | null> {
  const { letter, sentAt, sentVia, sentTo, deliveryProof } = sent;
  const summary = `${letter.title}, sent ${sentVia === 'in_person' ? 'in person' : `by ${sentVia}`}`;
  if (letter.kind === 'external_review') {
    return {
      type: 'external_review_requested',
      occurredAt: sentAt,
      summary,
      details: { reviewer: sentTo, isExpedited: false, receivedOn: null, deliveryProof },
    };
  }
  if (!appealKinds.has(letter.kind)) return null;
  const { filed } = await db
    .selectFrom('events')
    .select((eb) => eb.fn.countAll<number>().as('filed'))
    .where('case_id', '=', letter.caseId)
    .where('type', '=', 'appeal_filed')
    .where('deleted_at', 'is', null)
    .executeTakeFirstOrThrow();
  return {
    type: 'appeal_filed',
    occurredAt: sentAt,
    summary,
    details: {
      level: Math.min(Number(filed) + 1, 5),
      method: sentVia,
      isExpedited: letter.kind === 'expedited_review',
      receivedByPayerOn: null,
      deliveryProof,
    },
  };
}
