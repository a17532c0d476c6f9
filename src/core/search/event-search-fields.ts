import type { LabelledField } from './labelled-snippet';

/**
 * Detail keys whose values are codes from a fixed list ("outbound", "partially_approved",
 * "fax_confirmation"): the event's type and summary already say them in words, so a search
 * result never shows the code.
 */
const enumeratedKeys: ReadonlySet<string> = new Set([
  'direction',
  'channel',
  'decision',
  'status',
  'method',
  'sentVia',
  'format',
  'letterKind',
]);

const keyLabels: Readonly<Record<string, string>> = {
  withWhom: 'Spoke with',
  repName: 'Rep',
  referenceNumber: 'Reference no.',
  confirmationNumber: 'Confirmation no.',
  claimNumber: 'Claim no.',
  letterTitle: 'Letter',
  sentTo: 'Sent to',
  counterpart: 'From or to',
  followUp: 'Follow-up',
  deliveryProof: 'Proof of delivery',
  complaintNumber: 'Complaint no.',
};

/** "dateOfService" → "Date of service", for a key no one has named. */
function labelOf(key: string): string {
  const named = keyLabels[key];
  if (named) return named;
  const words = key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function fieldsOf(label: string, value: unknown): LabelledField[] {
  if (typeof value === 'string') return [[label, value]];
  if (Array.isArray(value)) return value.flatMap((item) => fieldsOf(label, item));
  if (value === null || typeof value !== 'object') return [];
  const record = value as Record<string, unknown>;
  // A benefits verification answer reads under its question.
  if (typeof record['question'] === 'string' && typeof record['answer'] === 'string') {
    return [[record['question'], record['answer']]];
  }
  return Object.entries(record).flatMap(([key, inner]) =>
    enumeratedKeys.has(key)
      ? []
      : fieldsOf(key === 'title' || key === 'reference' ? label : labelOf(key), inner),
  );
}

/** A timeline entry's searchable text as labelled fields: its summary, then every detail in words. */
export function eventSearchFields(
  summary: string,
  details: Readonly<Record<string, unknown>>,
): LabelledField[] {
  return [
    ['', summary],
    ...Object.entries(details).flatMap(([key, value]) =>
      enumeratedKeys.has(key) ? [] : fieldsOf(labelOf(key), value),
    ),
  ];
}
