/**
 * Where an answer from a benefits verification call is written. Free-text coverage fields take the
 * answer as said; the call itself always keeps every question and answer.
 */
export const verificationTargets = [
  'none',
  'priorAuthRules',
  'exclusions',
  'appealsAddress',
  'payerFax',
  'notes',
] as const;
export type VerificationTarget = (typeof verificationTargets)[number];

export const verificationTargetLabels: Readonly<Record<VerificationTarget, string>> = {
  none: 'Only in the call log',
  priorAuthRules: 'Coverage: prior-authorization rules',
  exclusions: 'Coverage: exclusions and limitations',
  appealsAddress: 'Coverage: appeals mailing address',
  payerFax: 'Coverage: payer fax',
  notes: 'Coverage: notes',
};

export type VerificationQuestion = {
  readonly id: string;
  readonly text: string;
  readonly target: VerificationTarget;
};

/** The questions an advocate asks the payer before anything is filed, in asking order. */
export const defaultVerificationScript: readonly VerificationQuestion[] = [
  {
    id: 'covered',
    text: 'Is the treatment covered under this plan, and for which procedure and diagnosis codes?',
    target: 'notes',
  },
  {
    id: 'prior-auth',
    text: 'Is prior authorization required? How is it submitted (portal, fax number), and how long does a decision take?',
    target: 'priorAuthRules',
  },
  { id: 'network', text: 'Is the treating provider in network, and at which tier?', target: 'notes' },
  { id: 'referral', text: 'Is a referral required?', target: 'notes' },
  {
    id: 'exclusions',
    text: 'Which exclusions or limitations apply to this treatment?',
    target: 'exclusions',
  },
  {
    id: 'criteria',
    text: 'What are the medical-necessity criteria, and which policy (number and date) states them?',
    target: 'notes',
  },
  {
    id: 'costs',
    text: 'How much of the deductible and out-of-pocket maximum is met? What are the coinsurance and copay?',
    target: 'notes',
  },
  {
    id: 'appeals',
    text: 'Where do appeals go (address, fax) and how long does the member have to appeal?',
    target: 'appealsAddress',
  },
];
