import { z } from 'zod';
import { networkStatuses } from '../domain/coverage';
import {
  costScenarios,
  enteredCents,
  enteredPercent,
  sessionPricesSchema,
  treatmentCourseObject,
  treatmentCourseSchema,
} from './cost-estimates';
import { optionalText, recordId, requiredText } from './fields';

/** At most five plans side by side: more does not fit a screen or a decision. */
export const maximumCandidatePlans = 5;

export const plannedCourseSchema = z.strictObject({
  course: treatmentCourseSchema,
  prices: sessionPricesSchema,
});
/** As sent back: a prefilled course may have no sessions yet. */
export const shownPlannedCourseSchema = z.strictObject({
  course: treatmentCourseObject,
  prices: sessionPricesSchema,
});
export type PlannedCourse = z.output<typeof shownPlannedCourseSchema>;

export const providerNetworkAnswerSchema = z.strictObject({
  providerId: recordId('Provider'),
  status: z.enum(networkStatuses, {
    error: 'Say whether the provider is in network, out of network or not yet verified.',
  }),
});

const candidatePlanFieldsShape = {
  name: requiredText('Plan name', 200),
  premiumMonthlyCents: enteredCents('Monthly premium'),
  deductibleCents: enteredCents('Deductible'),
  outOfPocketMaxCents: enteredCents('Out-of-pocket maximum'),
  coinsurancePercent: enteredPercent('Coinsurance'),
  copayCents: enteredCents('Copay'),
  hasOutOfNetworkBenefit: z.boolean({ error: 'Say whether the plan pays anything out of network.' }),
  outOfNetworkDeductibleCents: enteredCents('Out-of-network deductible'),
  outOfNetworkOutOfPocketMaxCents: enteredCents('Out-of-network out-of-pocket maximum'),
  outOfNetworkCoinsurancePercent: enteredPercent('Out-of-network coinsurance'),
  isTreatmentExcluded: z.boolean({ error: 'Say whether the plan excludes the treatment.' }),
  priorAuthNotes: optionalText('Prior-authorization notes', 4000),
  exclusionNotes: optionalText('Exclusion notes', 4000),
  providerNetworks: z
    .array(providerNetworkAnswerSchema, { error: 'Provider network answers must be a list.' })
    .max(50, 'At most 50 providers per plan.'),
};

export const candidatePlanFieldsSchema = z.strictObject(candidatePlanFieldsShape);
export type CandidatePlanFields = z.output<typeof candidatePlanFieldsSchema>;

export const addCandidatePlanInputSchema = z.strictObject({
  clientId: recordId('Client'),
  ...candidatePlanFieldsShape,
});

export const updateCandidatePlanInputSchema = z.strictObject({
  planId: recordId('Plan'),
  changes: z.strictObject(candidatePlanFieldsShape).partial(),
});

export const savePlannedCourseInputSchema = z.strictObject({
  clientId: recordId('Client'),
  plannedCourse: plannedCourseSchema,
});

export const candidatePlanSchema = z.object({
  id: recordId('Plan'),
  clientId: recordId('Client'),
  ...candidatePlanFieldsShape,
  updatedAt: z.string(),
});
export type CandidatePlan = z.infer<typeof candidatePlanSchema>;

export const planYearCostSchema = z.object({
  premiumYearCents: z.number().nullable(),
  treatmentCents: z.number().nullable(),
  /** Premiums plus treatment; null when either could not be estimated. */
  totalCents: z.number().nullable(),
  /** Which way of paying the treatment the figure assumes (excluded → self-pay, provider out of network → out of network). */
  scenario: z.enum(costScenarios),
  reasons: z.array(z.string()),
  working: z.array(z.string()),
});
export type PlanYearCost = z.infer<typeof planYearCostSchema>;

export const treatingProviderSchema = z.object({ id: recordId('Provider'), name: z.string() });
export type TreatingProvider = z.infer<typeof treatingProviderSchema>;

export const planComparisonSchema = z.object({
  clientId: recordId('Client'),
  clientName: z.string(),
  plannedCourse: shownPlannedCourseSchema,
  /** False while the course shown is prefilled (from the client's latest case estimate, or empty). */
  isCourseSaved: z.boolean(),
  /** The providers on the client's open cases: the ones whose network matters. */
  treatingProviders: z.array(treatingProviderSchema),
  plans: z.array(z.object({ plan: candidatePlanSchema, expected: planYearCostSchema })),
  /** The plan(s) with the lowest expected yearly cost (several when tied). */
  cheapestPlanIds: z.array(z.number()),
});
export type PlanComparison = z.infer<typeof planComparisonSchema>;
