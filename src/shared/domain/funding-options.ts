/**
 * Where the money can come from when the plan will not pay: the routes an advocate tries next.
 * Each funding option on a case has one of these types. Facts about specific programs
 * come from docs/domain/payer-criteria.md §4; nothing here states an eligibility limit.
 */
export const fundingOptionTypes = [
  'medicaid',
  'medicare',
  'employer_plan',
  'marketplace',
  'manufacturer_program',
  'copay_foundation',
  'patient_assistance',
  'nonprofit_grant',
  'charity_care',
  'clinical_trial',
  'single_case_agreement',
  'self_pay_superbill',
  'hsa_fsa',
  'payment_plan',
  'crowdfunding',
] as const;
export type FundingOptionType = (typeof fundingOptionTypes)[number];

export const fundingOptionTypeLabels: Readonly<Record<FundingOptionType, string>> = {
  medicaid: 'Medicaid',
  medicare: 'Medicare',
  employer_plan: 'Employer plan',
  marketplace: 'Marketplace plan',
  manufacturer_program: 'Manufacturer support program',
  copay_foundation: 'Co-pay foundation',
  patient_assistance: 'Patient assistance program',
  nonprofit_grant: 'Nonprofit grant',
  charity_care: 'Hospital charity care',
  clinical_trial: 'Clinical trial',
  single_case_agreement: 'Single case agreement',
  self_pay_superbill: 'Self-pay with superbill reimbursement',
  hsa_fsa: 'HSA / FSA / HRA',
  payment_plan: 'Payment plan',
  crowdfunding: 'Crowdfunding',
};

export const fundingStatuses = [
  'considering',
  'applied',
  'pending',
  'granted',
  'denied',
  'withdrawn',
] as const;
export type FundingStatus = (typeof fundingStatuses)[number];

export const fundingStatusLabels: Readonly<Record<FundingStatus, string>> = {
  considering: 'Considering',
  applied: 'Applied',
  pending: 'Pending',
  granted: 'Granted',
  denied: 'Denied',
  withdrawn: 'Withdrawn',
};

/** The dates of a funding option that join the Agenda and the case's deadlines (the user's, not legal ones). */
export const fundingDateRules = [
  'funding_apply_by',
  'funding_answer_expected',
  'funding_renewal',
  'funding_next_step',
] as const;
export type FundingDateRule = (typeof fundingDateRules)[number];

/**
 * Who acts on each, as the Agenda and the Deadlines tab say it: the program answers, the user
 * follows up. Never "Payer must act": a foundation or a clinic is not the payer.
 */
export const fundingDateWhoActs: Readonly<Record<FundingDateRule, string>> = {
  funding_apply_by: 'Your follow-up',
  funding_answer_expected: 'Program\u2019s answer expected',
  funding_renewal: 'Your follow-up',
  funding_next_step: 'Your follow-up',
};
