import { z } from 'zod';
import { timelineEventTypes, type TimelineEventType } from '../domain/timeline-event-types';
import { letterDeliveryMethods } from '../domain/letter-kinds';
import {
  calendarDate,
  codeList,
  optionalCalendarDate,
  optionalCents,
  optionalText,
  recordId,
  requiredText,
} from './fields';
import { noticeDatesOfServiceField } from './notice-dates-of-service';

/** An instant with its UTC offset, as entered (`2026-03-02T09:30:00-05:00`); stored in UTC. */
export const instant = (label: string) =>
  z
    .string({ error: `${label} is required.` })
    .trim()
    .refine(
      (text) =>
        /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(text) &&
        !Number.isNaN(Date.parse(text)),
      `${label} must be a date and time, for example 2026-03-02T09:30-05:00.`,
    )
    .transform((text) => new Date(text).toISOString());

const submissionMethods = ['fax', 'portal', 'mail', 'phone', 'email', 'in_person'] as const;

/** What a letter's timeline entries say about it: which letter, and the filed document. */
const letterFields = {
  letterTitle: requiredText('Letter title', 200),
  letterKind: optionalText('Kind of letter', 80),
  /** The filed PDF, DOCX or submission packet in the vault; null when none was filed. */
  documentId: recordId('Document')
    .nullish()
    .transform((value) => value ?? null),
};

/** Payers "lose" appeals; a submission keeps how its arrival can be proved. */
export const deliveryProofSchema = z
  .strictObject({
    method: z.enum(
      [
        'fax_confirmation',
        'certified_mail',
        'portal_confirmation',
        'email_receipt',
        'hand_delivery',
        'other',
      ],
      {
        error:
          'Proof of delivery must be a fax confirmation, certified mail, portal confirmation, email receipt, hand delivery or other.',
      },
    ),
    reference: optionalText('Tracking or confirmation number', 100),
    deliveredAt: instant('Delivered at')
      .nullish()
      .transform((value) => value ?? null),
  })
  .nullish()
  .transform((value) => value ?? null);

const followUpSchema = z
  .strictObject({
    title: requiredText('Follow-up', 200),
    dueOn: calendarDate('Follow-up due date'),
  })
  .nullish()
  .transform((value) => value ?? null);

const detailsByType = {
  phone_call: z.strictObject({
    direction: z
      .enum(['outbound', 'inbound'], { error: 'Say whether you called or were called.' })
      .default('outbound'),
    withWhom: optionalText('Spoke with (organization)', 200),
    repName: optionalText('Rep name', 120),
    referenceNumber: optionalText('Reference number', 100),
    durationMinutes: z
      .number()
      .int()
      .min(0)
      .max(600, 'Duration must be at most 600 minutes.')
      .nullish()
      .transform((value) => value ?? null),
    followUp: followUpSchema,
    /** The questions and answers of a benefits verification call. */
    answers: z
      .array(z.strictObject({ question: z.string().max(500), answer: z.string().max(4000).nullable() }))
      .max(60)
      .nullish()
      .transform((value) => value ?? null),
  }),
  correspondence: z.strictObject({
    direction: z.enum(['sent', 'received'], { error: 'Say whether it was sent or received.' }),
    channel: z.enum(['letter', 'fax', 'email', 'portal'], {
      error: 'Channel must be letter, fax, email or portal.',
    }),
    counterpart: optionalText('From or to', 200),
    deliveryProof: deliveryProofSchema,
  }),
  prior_auth_submitted: z.strictObject({
    method: z.enum(submissionMethods, { error: 'Say how it was submitted.' }),
    confirmationNumber: optionalText('Confirmation number', 100),
    isExpedited: z.boolean().default(false),
    receivedByPayerAt: instant('Received by the payer at')
      .nullish()
      .transform((value) => value ?? null),
    deliveryProof: deliveryProofSchema,
  }),
  payer_decision: z
    .strictObject({
      decision: z.enum(['approved', 'partially_approved', 'denied'], {
        error: 'Decision must be approved, partially approved or denied.',
      }),
      /** 0 for the initial decision; 1, 2… for decisions on appeals. */
      level: z.number().int().min(0).max(5).default(0),
      noticeDate: calendarDate('Date on the notice'),
      receivedOn: optionalCalendarDate('Date the notice arrived'),
      reason: optionalText('Stated reason', 2000),
      /** The claim, reference or authorization number the notice gives. */
      referenceNumber: optionalText('Reference number', 100),
      /** The provider and the dates of service the notice names (a letter uses them when the case has none). */
      requestingProvider: optionalText('Requesting provider', 200),
      datesOfService: noticeDatesOfServiceField,
      approvedUnits: z
        .number()
        .int()
        .min(0)
        .max(10_000)
        .nullish()
        .transform((value) => value ?? null),
      approvedFrom: optionalCalendarDate('Approved from'),
      approvedUntil: optionalCalendarDate('Approved until'),
      isFinal: z.boolean().default(false),
    })
    .refine((decision) => !decision.receivedOn || decision.receivedOn >= decision.noticeDate, {
      message: 'The notice cannot arrive before the date printed on it. Check both dates.',
      path: ['receivedOn'],
    }),
  claim_submitted: z.strictObject({
    dateOfService: calendarDate('Date of service'),
    codes: codeList('Codes'),
    amountCents: optionalCents('Amount'),
    claimNumber: optionalText('Claim number', 100),
    deliveryProof: deliveryProofSchema,
  }),
  eob_received: z.strictObject({
    claimNumber: optionalText('Claim number', 100),
    billedCents: optionalCents('Billed'),
    allowedCents: optionalCents('Allowed'),
    paidCents: optionalCents('Paid'),
    patientOwesCents: optionalCents('Patient owes'),
  }),
  appeal_filed: z.strictObject({
    level: z.number({ error: 'Appeal level is required.' }).int().min(1, 'Appeal level starts at 1.').max(5),
    method: z.enum(submissionMethods, { error: 'Say how it was filed.' }),
    isExpedited: z.boolean().default(false),
    receivedByPayerOn: optionalCalendarDate('Received by the payer on'),
    deliveryProof: deliveryProofSchema,
  }),
  peer_to_peer: z.strictObject({
    status: z.enum(['requested', 'scheduled', 'completed'], {
      error: 'Status must be requested, scheduled or completed.',
    }),
    scheduledFor: instant('Scheduled for')
      .nullish()
      .transform((value) => value ?? null),
    reviewerName: optionalText("Payer's reviewer", 120),
    outcome: optionalText('Outcome', 2000),
  }),
  external_review_requested: z.strictObject({
    reviewer: optionalText('Reviewer (IRO or state)', 200),
    isExpedited: z.boolean().default(false),
    receivedOn: optionalCalendarDate('Received on'),
    deliveryProof: deliveryProofSchema,
  }),
  regulator_complaint: z.strictObject({
    regulator: requiredText('Regulator', 200),
    complaintNumber: optionalText('Complaint number', 100),
    deliveryProof: deliveryProofSchema,
  }),
  note: z.strictObject({}),
  letter_drafted: z.strictObject({
    ...letterFields,
    format: z
      .enum(['pdf', 'docx'], { error: 'Format must be PDF or DOCX.' })
      .nullish()
      .transform((value) => value ?? null),
  }),
  letter_sent: z.strictObject({
    ...letterFields,
    sentVia: z.enum(letterDeliveryMethods, {
      error: 'Say how it was sent: fax, portal, mail, email or in person.',
    }),
    /** Whom it went to, e.g. the payer's appeals unit and its fax number. */
    sentTo: optionalText('Sent to', 300),
    deliveryProof: deliveryProofSchema,
  }),
} as const satisfies Record<TimelineEventType, z.ZodType>;

export type EventDetails<T extends TimelineEventType> = z.output<(typeof detailsByType)[T]>;

// A few minutes' grace for a clock that runs fast; beyond that, a future date is a typo.
const futureGraceMs = 10 * 60_000;

/** When something already happened: what the timeline records. */
export const pastInstant = (label: string) =>
  instant(label).refine(
    (iso) => Date.parse(iso) <= Date.now() + futureGraceMs,
    `${label} cannot be in the future: the timeline records what has happened (add a task for what is planned).`,
  );

const eventFields = {
  occurredAt: pastInstant('When'),
  summary: requiredText('Summary', 4000),
};

/** The detail that says when the payer received what the event sent, for the events that send. */
const receivedByPayerField = {
  prior_auth_submitted: 'receivedByPayerAt',
  appeal_filed: 'receivedByPayerOn',
  external_review_requested: 'receivedOn',
} as const satisfies Partial<Record<TimelineEventType, string>>;

/**
 * The earliest calendar day an instant can fall on where a US advocate works (UTC−4 to UTC−10,
 * and any zone west of UTC): the UTC day of the moment 24 hours before it.
 */
function earliestLocalDayOf(instant: string): string {
  return new Date(Date.parse(instant) - 86_400_000).toISOString().slice(0, 10);
}

/**
 * The payer cannot receive something before it was sent: such a date, a typo, would start the
 * payer's decision clock days early (the appeal's 30 days counted from the 5th where it was sent on
 * the 7th). A day early at most is let through: it cannot be told from an evening's filing in the
 * advocate's own zone.
 */
function receivedAfterSent(occurredAt: string, received: string | null): boolean {
  return received === null || received.slice(0, 10) >= earliestLocalDayOf(occurredAt);
}

function variant<T extends TimelineEventType>(type: T) {
  const event = z.strictObject({ ...eventFields, type: z.literal(type), details: detailsByType[type] });
  if (!(type in receivedByPayerField)) return event;
  const field = receivedByPayerField[type as keyof typeof receivedByPayerField];
  return event.refine(
    (parsed) => {
      // The generic T hides the variant's own fields from the compiler; these two every variant has.
      const { occurredAt, details } = parsed as {
        occurredAt: string;
        details: Readonly<Record<string, unknown>>;
      };
      const received = details[field];
      return receivedAfterSent(occurredAt, typeof received === 'string' ? received : null);
    },
    {
      message: 'The payer cannot have received it before it was sent. Check this date and "When".',
      path: ['details', field],
    },
  );
}

/** The event itself, without its case: what a form fills in. */
export const eventPayloadSchema = z.discriminatedUnion(
  'type',
  [
    variant('phone_call'),
    variant('correspondence'),
    variant('prior_auth_submitted'),
    variant('payer_decision'),
    variant('claim_submitted'),
    variant('eob_received'),
    variant('appeal_filed'),
    variant('peer_to_peer'),
    variant('external_review_requested'),
    variant('regulator_complaint'),
    variant('note'),
    variant('letter_drafted'),
    variant('letter_sent'),
  ],
  { error: `Event type must be one of: ${timelineEventTypes.join(', ')}.` },
);
export type EventPayload = z.output<typeof eventPayloadSchema>;
/** An event as written by hand or by code: optional fields may be left out and take their defaults. */
export type EventPayloadInput = z.input<typeof eventPayloadSchema>;

export const addEventInputSchema = z.strictObject({ caseId: recordId('Case'), event: eventPayloadSchema });

export const timelineEventSchema = z.object({
  id: recordId('Event'),
  caseId: recordId('Case'),
  type: z.enum(timelineEventTypes),
  occurredAt: z.string(),
  summary: z.string(),
  details: z.record(z.string(), z.unknown()),
  createdAt: z.string(),
  updatedAt: z.string().nullable(),
});
export type TimelineEvent = z.infer<typeof timelineEventSchema>;

export const listEventsInputSchema = z.strictObject({
  caseId: recordId('Case'),
  types: z.array(z.enum(timelineEventTypes)).max(timelineEventTypes.length).optional(),
  text: optionalText('Search text', 200),
  order: z.enum(['newest_first', 'oldest_first']).default('newest_first'),
  limit: z.number().int().min(1).max(10_000).default(500),
  offset: z.number().int().min(0).default(0),
});

export const listEventsOutputSchema = z.object({
  events: z.array(timelineEventSchema),
  total: z.number().int(),
});
