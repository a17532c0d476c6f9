/** Every kind of entry a case's timeline holds, in the words an advocate uses. */
export const timelineEventTypes = [
  'phone_call',
  'correspondence',
  'prior_auth_submitted',
  'payer_decision',
  'claim_submitted',
  'eob_received',
  'appeal_filed',
  'peer_to_peer',
  'external_review_requested',
  'regulator_complaint',
  'note',
  'letter_drafted',
  'letter_sent',
] as const;
export type TimelineEventType = (typeof timelineEventTypes)[number];

export const timelineEventTypeLabels: Readonly<Record<TimelineEventType, string>> = {
  phone_call: 'Phone call',
  correspondence: 'Letter, fax, email or portal message',
  prior_auth_submitted: 'Prior authorization submitted',
  payer_decision: 'Payer decision',
  claim_submitted: 'Claim submitted',
  eob_received: 'EOB received',
  appeal_filed: 'Appeal filed',
  peer_to_peer: 'Peer-to-peer review',
  external_review_requested: 'External review requested',
  regulator_complaint: 'Complaint to a regulator',
  note: 'Note',
  letter_drafted: 'Letter drafted',
  letter_sent: 'Letter sent',
};

/** Submissions payers later claim never arrived: these carry proof of delivery. */
export const submissionEventTypes: readonly TimelineEventType[] = [
  'prior_auth_submitted',
  'claim_submitted',
  'appeal_filed',
  'external_review_requested',
  'regulator_complaint',
  // A letter the advocate sends (an appeal, a letter of medical necessity) is what the payer later
  // says it never received, like the submissions above: it carries how its delivery can be proved.
  'letter_sent',
];
