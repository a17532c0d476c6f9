/**
 * Kinds of coverage, in the words the deadline engine uses: the plan type decides which rulebook
 * (ERISA/ACA, Medicare, Medicaid) sets the deadlines. See docs/deadline-rules.md.
 */
export const planTypes = [
  'employer-self-funded',
  'employer-fully-insured',
  'governmental-group',
  'individual',
  'medicare',
  'medicare-advantage',
  'medicaid',
  'medicaid-managed-care',
  'tricare',
  'va',
  'other',
] as const;
export type PlanType = (typeof planTypes)[number];

export const planTypeLabels: Readonly<Record<PlanType, string>> = {
  'employer-self-funded': 'Employer plan, self-funded (ERISA)',
  'employer-fully-insured': 'Employer plan, fully insured',
  'governmental-group': 'Government employer plan (state, county, city)',
  individual: 'Individual / Marketplace',
  medicare: 'Original Medicare',
  'medicare-advantage': 'Medicare Advantage',
  medicaid: 'Medicaid (fee-for-service)',
  'medicaid-managed-care': 'Medicaid managed care',
  tricare: 'TRICARE',
  va: 'VA',
  other: 'Other',
};

/** How urgent the request is, as 29 CFR 2560.503-1(m) sorts claims. */
export const claimTypes = ['urgent', 'pre-service', 'post-service', 'concurrent'] as const;
export type ClaimType = (typeof claimTypes)[number];

export const claimTypeLabels: Readonly<Record<ClaimType, string>> = {
  urgent: 'Urgent',
  'pre-service': 'Pre-service (prior authorization)',
  'post-service': 'Post-service (claim for payment)',
  concurrent: 'Concurrent care (extending an approved course)',
};
