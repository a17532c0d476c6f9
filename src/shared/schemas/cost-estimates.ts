import { z } from 'zod';
import { formatCents } from '../domain/money';
import { recordId } from './fields';

/**
 * Inputs and results of a case's cost estimate. Every amount is whole cents and is what the user
 * entered (from the clinic's fee schedule, the Good Faith Estimate or the plan's documents):
 * Advocase never supplies a price.
 */

/** An amount per session or per plan year; blank means "not entered", never zero. */
export const enteredCents = (label: string) =>
  z
    .number({ error: `${label} must be an amount in dollars, for example 450.00.` })
    .int(`${label} must be whole cents.`)
    .min(0, `${label} cannot be negative. Enter the amount without a minus sign, for example 450.00.`)
    .max(10_000_000_00, `${label} is more than $10,000,000. Check the amount.`)
    .nullable();

export const enteredPercent = (label: string) =>
  z
    .number({ error: `${label} must be a percentage, for example 20 for 20%.` })
    .min(0, `${label} cannot be negative. Enter the client's share, for example 20 for 20%.`)
    .max(100, `${label} cannot be more than 100%. Enter the client's share, for example 20 for 20%.`)
    .nullable();

const sessionCount = (label: string, maximum: number) =>
  z
    .number({ error: `${label} must be a number of sessions.` })
    .int(`${label} must be a whole number.`)
    .min(0, `${label} cannot be negative.`)
    .max(maximum, `${label} can be at most ${maximum}. Check the number.`);

/** The course as stored; a prefilled course may still have no sessions. */
export const treatmentCourseObject = z.strictObject({
  inductionSessions: sessionCount('Induction sessions', 100),
  maintenanceSessionsPerMonth: sessionCount('Maintenance sessions per month', 31),
  maintenanceMonths: sessionCount('Months of maintenance', 12),
});

/** The course as saved: at least one session. */
export const treatmentCourseSchema = treatmentCourseObject.refine(
  (course) => course.inductionSessions + course.maintenanceSessionsPerMonth * course.maintenanceMonths > 0,
  {
    message: 'The course has no sessions. Enter the number of induction sessions (for example 6).',
    path: ['inductionSessions'],
  },
);
export type TreatmentCourse = z.output<typeof treatmentCourseSchema>;

export const sessionPricesSchema = z.strictObject({
  inNetworkAllowedCents: enteredCents('In-network allowed amount'),
  outOfNetworkChargeCents: enteredCents('Out-of-network charge'),
  outOfNetworkAllowedCents: enteredCents('Out-of-network allowed amount'),
  singleCaseAgreementRateCents: enteredCents('Single-case agreement rate'),
  selfPayPriceCents: enteredCents('Self-pay price'),
});
export type SessionPrices = z.output<typeof sessionPricesSchema>;

const costSharingShape = {
  deductibleCents: enteredCents('Deductible'),
  deductibleMetCents: enteredCents('Deductible met'),
  coinsurancePercent: enteredPercent('Coinsurance'),
  copayCents: enteredCents('Copay'),
  outOfPocketMaxCents: enteredCents('Out-of-pocket maximum'),
  outOfPocketMetCents: enteredCents('Out-of-pocket met'),
};

type CostSharingAmounts = {
  deductibleCents: number | null;
  deductibleMetCents: number | null;
  outOfPocketMaxCents: number | null;
  outOfPocketMetCents: number | null;
};

/** "Met" can never pass its limit; said at the "met" field, with both amounts, so the user sees which to fix. */
function checkAmountsMet(sharing: CostSharingAmounts, context: z.RefinementCtx): void {
  const { deductibleCents, deductibleMetCents, outOfPocketMaxCents, outOfPocketMetCents } = sharing;
  if (deductibleCents !== null && deductibleMetCents !== null && deductibleMetCents > deductibleCents) {
    context.addIssue({
      code: 'custom',
      path: ['deductibleMetCents'],
      message: `Deductible met (${formatCents(deductibleMetCents)}) cannot be more than the deductible (${formatCents(deductibleCents)}). Check both amounts on the latest explanation of benefits.`,
    });
  }
  if (
    outOfPocketMaxCents !== null &&
    outOfPocketMetCents !== null &&
    outOfPocketMetCents > outOfPocketMaxCents
  ) {
    context.addIssue({
      code: 'custom',
      path: ['outOfPocketMetCents'],
      message: `Out-of-pocket met (${formatCents(outOfPocketMetCents)}) cannot be more than the out-of-pocket maximum (${formatCents(outOfPocketMaxCents)}). Check both amounts.`,
    });
  }
}

const costSharingObject = z.strictObject(costSharingShape);
export const costSharingSchema = costSharingObject.superRefine(checkAmountsMet);
export type CostSharing = z.output<typeof costSharingSchema>;

function costEstimateInputsOf<Course extends z.ZodType, Sharing extends z.ZodType>(
  course: Course,
  sharing: Sharing,
) {
  return z.strictObject({
    course,
    prices: sessionPricesSchema,
    inNetwork: sharing,
    /** Many PPO/POS plans keep a separate out-of-network deductible and maximum; HMOs and EPOs often have no benefit at all. */
    hasOutOfNetworkBenefit: z.boolean({ error: 'Say whether the plan pays anything out of network.' }),
    outOfNetwork: sharing,
    /** Plans differ; the usual design is that copays do not count toward the deductible. */
    copayCountsTowardDeductible: z.boolean({ error: 'Say whether copays count toward the deductible.' }),
  });
}

/** What a save must pass: every rule, each reported at its field. */
export const costEstimateInputsSchema = costEstimateInputsOf(treatmentCourseSchema, costSharingSchema);
/** What is sent back: also a prefilled form that is not complete yet. */
export const shownCostEstimateInputsSchema = costEstimateInputsOf(treatmentCourseObject, costSharingObject);
export type CostEstimateInputs = z.output<typeof shownCostEstimateInputsSchema>;

export const costScenarios = ['in_network', 'single_case_agreement', 'out_of_network', 'self_pay'] as const;
export type CostScenario = (typeof costScenarios)[number];

/** The row headers of the scenario table: stable, so tests and screen readers can find each figure. */
export const costScenarioLabels: Readonly<Record<CostScenario, string>> = {
  in_network: 'Approved, in network',
  single_case_agreement: 'Single-case agreement',
  out_of_network: 'Out of network with superbill',
  self_pay: 'Self-pay',
};

export const scenarioEstimateSchema = z.object({
  scenario: z.enum(costScenarios),
  /** False when an amount the scenario needs was not entered; `notes` says which. */
  isEstimated: z.boolean(),
  clientPaysCents: z.number().nullable(),
  planPaysCents: z.number().nullable(),
  /** The session (1-based) in which the client reaches the out-of-pocket maximum, if they do. */
  outOfPocketMaxReachedAtSession: z.number().nullable(),
  notes: z.array(z.string()),
  /** Step-by-step sentences with the numbers, as the user sees them under "Show the working". */
  working: z.array(z.string()),
});
export type ScenarioEstimate = z.infer<typeof scenarioEstimateSchema>;

export const treatmentCostEstimateSchema = z.object({
  totalSessions: z.number(),
  assumptions: z.array(z.string()),
  scenarios: z.array(scenarioEstimateSchema),
});
export type TreatmentCostEstimate = z.infer<typeof treatmentCostEstimateSchema>;

export const caseCostEstimateSchema = z.object({
  caseId: recordId('Case'),
  coverageId: z.number().nullable(),
  /** "Aetna · Choice POS II", for "prefilled from …". */
  coverageLabel: z.string().nullable(),
  /** False until the user saves: the inputs shown are prefilled from the case's coverage. */
  isSaved: z.boolean(),
  updatedAt: z.string().nullable(),
  inputs: shownCostEstimateInputsSchema,
  estimate: treatmentCostEstimateSchema,
});
export type CaseCostEstimate = z.infer<typeof caseCostEstimateSchema>;

export const saveCostEstimateInputSchema = z.strictObject({
  caseId: recordId('Case'),
  inputs: costEstimateInputsSchema,
});
