import { submissionEventTypes, type TimelineEventType } from '@shared/domain/timeline-event-types';
import type { EventDetails } from '@shared/schemas/events';
import { fromDateTimeInputValue } from '../../lib/format-date';
import { parseDollarsToCents } from '../../lib/money';

type Option = { readonly value: string; readonly label: string };

/**
 * A path under an event's `details` as the contract's schema has it: a plain detail, or
 * `group.member` for a detail that is an object (a follow-up, a proof of delivery).
 */
type DetailPath<Details> = {
  [Key in keyof Details & string]: NonNullable<Details[Key]> extends readonly unknown[]
    ? Key
    : NonNullable<Details[Key]> extends Record<string, unknown>
      ? `${Key}.${keyof NonNullable<Details[Key]> & string}`
      : Key;
}[keyof Details & string];

/** One input of the add-event form; `key` is the path under `details` the contract expects. */
export type EventFormField<Key extends string = string> = {
  readonly key: Key;
  readonly label: string;
  readonly kind:
    | 'text'
    | 'textarea'
    | 'date'
    | 'dateSpan'
    | 'datetime'
    | 'select'
    | 'number'
    | 'money'
    | 'checkbox'
    | 'codes';
  readonly options?: readonly Option[];
  readonly hint?: string;
  /** Shown (and sent) only while another field of the form has one of these values. */
  readonly shownWhen?: { readonly key: Key; readonly oneOf: readonly string[] };
  /** The contract refuses the entry without it: never labelled "(optional)". */
  readonly isRequired?: boolean;
};

type EventForm = {
  readonly [Type in TimelineEventType]: readonly EventFormField<DetailPath<EventDetails<Type>>>[];
};

/** Details of an event the add-event form does not ask for, because another screen fills them. */
type FilledElsewhere = {
  /** The questions and answers of the benefits verification call dialog. */
  readonly phone_call: 'answers';
  /** The notice's reference number, read from the notice by the denial notice dialog. */
  readonly payer_decision: 'referenceNumber';
  /** The filed document, linked when a letter is exported or marked as sent. */
  readonly letter_drafted: 'documentId';
  readonly letter_sent: 'documentId';
};

/** The names of `Type`'s details; none for a note, whose empty schema types them as any string. */
type DetailName<Type extends TimelineEventType> = string extends keyof EventDetails<Type>
  ? never
  : keyof EventDetails<Type> & string;

type TopDetail<Path extends string> = Path extends `${infer Group}.${string}` ? Group : Path;

/**
 * The details of `Type` that have no field: none, or the form would drop them silently. Proof of
 * delivery is asked by `deliveryProofFields`, added to every submission by `fieldsForType`.
 */
type DetailsWithoutAField<Form extends EventForm, Type extends TimelineEventType> = Exclude<
  DetailName<Type>,
  | TopDetail<Form[Type][number]['key']>
  | 'deliveryProof'
  | (Type extends keyof FilledElsewhere ? FilledElsewhere[Type] : never)
>;

/** Does not compile, naming the event type and the detail, when a schema's detail has no field. */
type EveryDetailAsked<Form extends EventForm> = {
  readonly [Type in TimelineEventType]: [DetailsWithoutAField<Form, Type>] extends [never]
    ? unknown
    : { readonly detailWithoutAField: DetailsWithoutAField<Form, Type> };
};

function checkedAgainstTheSchemas<const Form extends EventForm>(form: Form & EveryDetailAsked<Form>): Form {
  return form;
}

const submissionMethod: EventFormField<'method'> = {
  key: 'method',
  label: 'How it was sent',
  kind: 'select',
  options: [
    { value: 'fax', label: 'Fax' },
    { value: 'portal', label: 'Payer portal' },
    { value: 'mail', label: 'Mail' },
    { value: 'phone', label: 'Phone' },
    { value: 'email', label: 'Email' },
    { value: 'in_person', label: 'In person' },
  ],
};

/** Payers deny having received appeals: every submission records how its arrival can be proved. */
export const deliveryProofFields: readonly EventFormField<
  DetailPath<EventDetails<'prior_auth_submitted'>> & `deliveryProof.${string}`
>[] = [
  {
    key: 'deliveryProof.method',
    label: 'Proof of delivery',
    kind: 'select',
    options: [
      { value: '', label: 'None yet' },
      { value: 'fax_confirmation', label: 'Fax confirmation sheet' },
      { value: 'certified_mail', label: 'Certified mail tracking' },
      { value: 'portal_confirmation', label: 'Portal confirmation' },
      { value: 'email_receipt', label: 'Email receipt' },
      { value: 'hand_delivery', label: 'Hand delivery receipt' },
      { value: 'other', label: 'Other' },
    ],
  },
  {
    key: 'deliveryProof.reference',
    label: 'Fax confirmation or tracking number',
    kind: 'text',
    hint: 'From the proof of delivery: the fax sheet, the mail tracking, the portal receipt',
  },
  { key: 'deliveryProof.deliveredAt', label: 'Delivered at', kind: 'datetime' },
];

const approvalOnly = { key: 'decision', oneOf: ['approved', 'partially_approved'] } as const;

export const eventFormFields = checkedAgainstTheSchemas({
  phone_call: [
    {
      key: 'direction',
      label: 'Direction',
      kind: 'select',
      options: [
        { value: 'outbound', label: 'I called' },
        { value: 'inbound', label: 'They called' },
      ],
    },
    { key: 'withWhom', label: 'Organization', kind: 'text', hint: 'Payer, clinic, pharmacy…' },
    { key: 'repName', label: 'Rep name', kind: 'text' },
    { key: 'referenceNumber', label: 'Reference number', kind: 'text' },
    { key: 'durationMinutes', label: 'Minutes', kind: 'number' },
    {
      key: 'followUp.title',
      label: 'Follow-up promised',
      kind: 'text',
      hint: 'e.g. "Decision by Friday": becomes a task',
    },
    { key: 'followUp.dueOn', label: 'Follow-up due', kind: 'date' },
  ],
  correspondence: [
    {
      key: 'direction',
      label: 'Direction',
      kind: 'select',
      options: [
        { value: 'sent', label: 'Sent' },
        { value: 'received', label: 'Received' },
      ],
    },
    {
      key: 'channel',
      label: 'Channel',
      kind: 'select',
      options: [
        { value: 'letter', label: 'Letter' },
        { value: 'fax', label: 'Fax' },
        { value: 'email', label: 'Email' },
        { value: 'portal', label: 'Portal message' },
      ],
    },
    { key: 'counterpart', label: 'From or to', kind: 'text' },
  ],
  prior_auth_submitted: [
    submissionMethod,
    // The payer's own number for the request, not the proof that it arrived (asked below): two
    // numbers a newcomer saw as two "confirmation number" fields.
    {
      key: 'confirmationNumber',
      label: 'Payer’s request number',
      kind: 'text',
      hint: 'The case or reference number the payer gave this prior authorization request',
    },
    { key: 'isExpedited', label: 'Expedited (urgent) request', kind: 'checkbox' },
    {
      key: 'receivedByPayerAt',
      label: 'Received by the payer at',
      kind: 'datetime',
      hint: 'Starts the payer’s decision clock',
    },
  ],
  payer_decision: [
    {
      key: 'decision',
      label: 'Decision',
      kind: 'select',
      options: [
        { value: 'denied', label: 'Denied' },
        { value: 'partially_approved', label: 'Partially approved' },
        { value: 'approved', label: 'Approved' },
      ],
    },
    {
      key: 'level',
      label: 'Decision on',
      kind: 'select',
      options: [
        { value: '0', label: 'The initial request' },
        { value: '1', label: 'Appeal level 1' },
        { value: '2', label: 'Appeal level 2' },
        { value: '3', label: 'External review' },
      ],
    },
    {
      key: 'noticeDate',
      label: 'Date on the notice',
      isRequired: true,
      kind: 'date',
      hint: 'The decision’s date on the timeline and in Outcomes',
    },
    {
      key: 'receivedOn',
      label: 'Date it arrived',
      kind: 'date',
      hint: 'Appeal windows often run from receipt',
    },
    { key: 'reason', label: 'Stated reason (quote the notice)', kind: 'textarea' },
    // First and last day side by side in the form's grid.
    { key: 'datesOfService', label: 'Dates of service', kind: 'dateSpan' },
    { key: 'requestingProvider', label: 'Requesting provider (as the notice names them)', kind: 'text' },
    { key: 'approvedUnits', label: 'Approved units or sessions', kind: 'number', shownWhen: approvalOnly },
    { key: 'approvedFrom', label: 'Approved from', kind: 'date', shownWhen: approvalOnly },
    { key: 'approvedUntil', label: 'Approved until', kind: 'date', shownWhen: approvalOnly },
    {
      key: 'isFinal',
      label: 'Final internal decision (ends internal appeals)',
      kind: 'checkbox',
      shownWhen: { key: 'decision', oneOf: ['denied', 'partially_approved'] },
    },
  ],
  claim_submitted: [
    { key: 'dateOfService', label: 'Date of service', kind: 'date', isRequired: true },
    { key: 'codes', label: 'Codes', kind: 'codes', hint: 'Separate with commas: 90867, F33.2' },
    { key: 'amountCents', label: 'Amount billed', kind: 'money' },
    { key: 'claimNumber', label: 'Claim number', kind: 'text' },
  ],
  eob_received: [
    { key: 'claimNumber', label: 'Claim number', kind: 'text' },
    { key: 'billedCents', label: 'Billed', kind: 'money' },
    { key: 'allowedCents', label: 'Allowed', kind: 'money' },
    { key: 'paidCents', label: 'Paid', kind: 'money' },
    { key: 'patientOwesCents', label: 'Patient owes', kind: 'money' },
  ],
  appeal_filed: [
    {
      key: 'level',
      label: 'Appeal level',
      kind: 'select',
      options: [
        { value: '1', label: 'Level 1' },
        { value: '2', label: 'Level 2' },
      ],
    },
    submissionMethod,
    { key: 'isExpedited', label: 'Expedited (urgent) appeal', kind: 'checkbox' },
    { key: 'receivedByPayerOn', label: 'Received by the payer on', kind: 'date' },
  ],
  peer_to_peer: [
    {
      key: 'status',
      label: 'Status',
      kind: 'select',
      options: [
        { value: 'requested', label: 'Requested' },
        { value: 'scheduled', label: 'Scheduled' },
        { value: 'completed', label: 'Completed' },
      ],
    },
    { key: 'scheduledFor', label: 'Scheduled for', kind: 'datetime' },
    { key: 'reviewerName', label: "Payer's reviewer", kind: 'text' },
    { key: 'outcome', label: 'Outcome', kind: 'textarea' },
  ],
  external_review_requested: [
    { key: 'reviewer', label: 'Reviewer (IRO or state)', kind: 'text' },
    { key: 'isExpedited', label: 'Expedited review', kind: 'checkbox' },
    { key: 'receivedOn', label: 'Received on', kind: 'date' },
  ],
  regulator_complaint: [
    {
      key: 'regulator',
      label: 'Regulator',
      kind: 'text',
      isRequired: true,
      hint: 'e.g. State Department of Insurance',
    },
    { key: 'complaintNumber', label: 'Complaint number', kind: 'text' },
  ],
  note: [],
  letter_drafted: [
    {
      key: 'letterTitle',
      label: 'Letter title',
      kind: 'text',
      isRequired: true,
      hint: 'e.g. "Level 1 appeal: Spravato"',
    },
    {
      key: 'letterKind',
      label: 'Kind of letter',
      kind: 'text',
      hint: 'Appeal, letter of medical necessity…',
    },
    {
      key: 'format',
      label: 'Format',
      kind: 'select',
      options: [
        { value: '', label: 'Not recorded' },
        { value: 'pdf', label: 'PDF' },
        { value: 'docx', label: 'Word (DOCX)' },
      ],
    },
  ],
  letter_sent: [
    { key: 'letterTitle', label: 'Letter title', kind: 'text', isRequired: true },
    { key: 'letterKind', label: 'Kind of letter', kind: 'text' },
    {
      key: 'sentVia',
      label: 'Sent via',
      kind: 'select',
      options: [
        { value: 'fax', label: 'Fax' },
        { value: 'portal', label: 'Payer portal' },
        { value: 'mail', label: 'Mail' },
        { value: 'email', label: 'Email' },
        { value: 'in_person', label: 'In person' },
      ],
    },
    { key: 'sentTo', label: 'Sent to', kind: 'text', hint: 'e.g. Appeals unit, fax (555) 123-4567' },
  ],
});

export type FormValues = Readonly<Record<string, string | boolean>>;

/** The fields of `type` that apply, given what is chosen so far (a denial has no approved dates). */
export function fieldsForType(type: TimelineEventType, values: FormValues = {}): readonly EventFormField[] {
  const fields: readonly EventFormField[] = submissionEventTypes.includes(type)
    ? [...eventFormFields[type], ...deliveryProofFields]
    : eventFormFields[type];
  return fields.filter(
    (field) => !field.shownWhen || field.shownWhen.oneOf.includes(String(values[field.shownWhen.key] ?? '')),
  );
}

/**
 * A span's two date controls (first and last day) as the one text the contract keeps: "FIRST to
 * LAST", or the one day; a last day picked alone is sent as "to LAST", which the contract refuses
 * saying to pick the first day too.
 */
export function joinDateSpan(first: string, last: string): string {
  return last === '' ? first : `${first} to ${last}`.trim();
}

/** The first and last day of a span as `joinDateSpan` wrote it, for its two date controls. */
export function splitDateSpan(text: string): { readonly first: string; readonly last: string } {
  const [, first = '', last = ''] = /^(.*?)\s*(?:\bto (.*))?$/.exec(text.trim()) ?? [];
  return { first, last };
}

function convert(field: EventFormField, raw: string | boolean | undefined): unknown {
  if (field.kind === 'checkbox') return raw === true;
  const text = typeof raw === 'string' ? raw.trim() : '';
  if (text === '') return field.kind === 'codes' ? [] : null;
  switch (field.kind) {
    case 'number':
      return Number.isFinite(Number(text)) ? Number(text) : text;
    case 'money': {
      // Text that is not an amount is passed on as text, so the schema reports it at this field.
      const cents = parseDollarsToCents(text);
      return cents === undefined ? text : cents;
    }
    case 'datetime':
      return fromDateTimeInputValue(text);
    case 'codes':
      return text.split(/[,\s]+/).filter(Boolean);
    case 'select':
      return field.key === 'level' ? Number(text) : text;
    default:
      return text;
  }
}

/**
 * The form's flat values as the nested `details` object of the contract. A group left wholly
 * empty (no follow-up, no proof of delivery) becomes null rather than a half-filled object.
 */
export function buildDetails(type: TimelineEventType, values: FormValues): Record<string, unknown> {
  const details: Record<string, unknown> = {};
  const groups: Record<string, Record<string, unknown>> = {};
  for (const field of fieldsForType(type, values)) {
    const value = convert(field, values[field.key]);
    const [group, member] = field.key.split('.');
    if (member && group) {
      groups[group] = { ...groups[group], [member]: value };
    } else if (value !== null || field.kind === 'select') {
      details[field.key] = value;
    }
  }
  for (const [group, members] of Object.entries(groups)) {
    details[group] = Object.values(members).every((value) => value === null || value === '') ? null : members;
  }
  return details;
}
