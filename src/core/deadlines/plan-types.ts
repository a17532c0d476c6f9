import { z } from 'zod';
import { claimTypes, planTypes, type ClaimType, type PlanType } from '../../shared/domain/plan-types';

/**
 * The deadline engine's vocabulary, fixed by the `advocase deadlines compute` issue. Plan and claim
 * types live in src/shared so coverage records use the same words; the CLI accepts exactly them.
 */
export { claimTypes, planTypes, type ClaimType, type PlanType };

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
