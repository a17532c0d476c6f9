import { z } from 'zod';

/**
 * The deadline engine's vocabulary, fixed by the `advocase deadlines compute` issue. The app's own
 * case types map onto these words; the CLI accepts exactly them.
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

export function isPlanType(text: string): text is PlanType {
  return (planTypes as readonly string[]).includes(text);
}

/** Plans that follow 29 CFR 2560.503-1, directly (ERISA) or through 45 CFR 147.136 (individual, governmental). */
export const groupAndIndividualPlanTypes = [
  'employer-self-funded',
  'employer-fully-insured',
  'governmental-group',
  'individual',
] as const satisfies readonly PlanType[];
export type GroupOrIndividualPlanType = (typeof groupAndIndividualPlanTypes)[number];

export function isGroupOrIndividualPlan(planType: PlanType): planType is GroupOrIndividualPlanType {
  return (groupAndIndividualPlanTypes as readonly PlanType[]).includes(planType);
}

export const claimTypes = ['urgent', 'pre-service', 'post-service', 'concurrent'] as const;
export type ClaimType = (typeof claimTypes)[number];

export const eventTypes = [
  'request-received',
  'denial-notice',
  'appeal-received',
  'appeal-decision-notice',
  'approval',
] as const;
export type EventType = (typeof eventTypes)[number];

/** Who must act by the date: the payer (or the contractor, reviewer or agency deciding) or the claimant. */
export type Actor = 'payer' | 'claimant';

export const claimTypeSchema = z.enum(claimTypes, {
  error: `must be one of ${claimTypes.join(', ')}`,
});

export const eventTypeSchema = z.enum(eventTypes, {
  error: `must be one of ${eventTypes.join(', ')}`,
});
