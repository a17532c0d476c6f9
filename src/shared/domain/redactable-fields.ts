/** Fields the user may take out of the attorney summary before it leaves Advocase. */
export const redactableFields = ['address', 'dateOfBirth', 'memberId', 'otherNames'] as const;
export type RedactableField = (typeof redactableFields)[number];

export const redactableFieldLabels: Readonly<Record<RedactableField, string>> = {
  address: "Client's address",
  dateOfBirth: "Client's date of birth",
  memberId: 'Member ID and group number',
  otherNames: "Other people's names (payer reps and reviewers)",
};
