/** The written permissions an advocate needs before a payer will talk to them about a client. */
export const authorizationKinds = [
  'hipaa_authorization',
  'payer_authorized_representative',
  'medicare_appointment_of_representative',
  'other',
] as const;
export type AuthorizationKind = (typeof authorizationKinds)[number];

export const authorizationKindLabels: Readonly<Record<AuthorizationKind, string>> = {
  hipaa_authorization: 'HIPAA authorization',
  payer_authorized_representative: "Payer's authorized-representative form",
  // CMS-1696: valid one year from signature unless it says otherwise.
  medicare_appointment_of_representative: 'Medicare appointment of representative (CMS-1696)',
  other: 'Other written authorization',
};
