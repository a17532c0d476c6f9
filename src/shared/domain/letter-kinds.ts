/**
 * What a letter is for. A template has one kind; a letter keeps its template's kind, so the
 * case's letters can be sorted into appeals, requests and complaints whatever their title says.
 */
export const letterKinds = [
  'medical_necessity',
  'prior_authorization',
  'expedited_review',
  'internal_appeal',
  'claim_file_request',
  'external_review',
  'single_case_agreement',
  'regulator_complaint',
  'medicare_appeal',
  'other',
] as const;
export type LetterKind = (typeof letterKinds)[number];

export const letterKindLabels: Readonly<Record<LetterKind, string>> = {
  medical_necessity: 'Letter of medical necessity',
  prior_authorization: 'Prior authorization',
  expedited_review: 'Expedited review request',
  internal_appeal: 'Internal appeal',
  claim_file_request: 'Claim file and criteria request',
  external_review: 'External review request',
  single_case_agreement: 'Single-case agreement request',
  regulator_complaint: 'Complaint to a regulator',
  medicare_appeal: 'Medicare appeal',
  other: 'Other',
};

export const letterStatuses = ['draft', 'sent'] as const;
export type LetterStatus = (typeof letterStatuses)[number];

export const letterStatusLabels: Readonly<Record<LetterStatus, string>> = {
  draft: 'Draft',
  sent: 'Sent',
};

/** The ways a letter leaves the advocate's office: the letter's record and its "letter sent" entry share them. */
export const letterDeliveryMethods = ['fax', 'portal', 'mail', 'email', 'in_person'] as const;
export type LetterDeliveryMethod = (typeof letterDeliveryMethods)[number];

export const letterDeliveryMethodLabels: Readonly<Record<LetterDeliveryMethod, string>> = {
  fax: 'Fax',
  portal: 'Payer portal',
  mail: 'Mail',
  email: 'Email',
  in_person: 'In person',
};
