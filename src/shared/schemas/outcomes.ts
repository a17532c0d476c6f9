import { z } from 'zod';
import { caseOutcomes } from '../domain/case-stages';
import { treatmentKinds } from '../domain/treatments';
import { calendarDate, optionalText, requiredText } from './fields';

/**
 * The outcomes dashboard: what the advocate's caseload achieved over a period, and what
 * each payer has shown the advocate. Every figure is defined in src/shared/domain/outcome-definitions.ts.
 */

/** At most ten years at a time: enough for any grant report, and a bound on the months listed. */
const maxPeriodDays = 3660;

export const outcomesFiltersSchema = z
  .strictObject({
    from: calendarDate('From'),
    to: calendarDate('To'),
    /** One advocate's cases (as assigned on the case); everyone's when left out. */
    advocate: optionalText('Advocate', 120),
  })
  .refine((filters) => filters.from <= filters.to, {
    message: '"From" is after "To". Check both dates.',
    path: ['to'],
  })
  .refine((filters) => Date.parse(filters.to) - Date.parse(filters.from) <= maxPeriodDays * 86_400_000, {
    message: 'Choose a period of at most ten years.',
    path: ['from'],
  });
export type OutcomesFilters = z.output<typeof outcomesFiltersSchema>;
export type OutcomesFiltersInput = z.input<typeof outcomesFiltersSchema>;

const rate = z.number().min(0).max(1).nullable();

export const decisionTallySchema = z.object({
  /** What the row is about: a payer's name, a treatment kind, or an appeal level ("0" initial). */
  key: z.string(),
  label: z.string(),
  decisions: z.number().int(),
  approved: z.number().int(),
  partiallyApproved: z.number().int(),
  denied: z.number().int(),
  /** (approved + partially approved) ÷ decisions; null when there were none. */
  approvalRate: rate,
});
export type DecisionTally = z.infer<typeof decisionTallySchema>;

export const monthVolumeSchema = z.object({
  month: z.string(),
  opened: z.number().int(),
  closed: z.number().int(),
});
export type MonthVolume = z.infer<typeof monthVolumeSchema>;

export const outcomeShareSchema = z.object({
  outcome: z.enum([...caseOutcomes, 'not_recorded']),
  label: z.string(),
  count: z.number().int(),
});
export type OutcomeShare = z.infer<typeof outcomeShareSchema>;

export const destinationSchema = z.object({
  channel: z.enum(['fax', 'mail', 'correspondence']),
  destination: z.string(),
  deliveries: z.number().int(),
});
export type Destination = z.infer<typeof destinationSchema>;

export const denialReasonSchema = z.object({ reason: z.string(), count: z.number().int() });
export type DenialReason = z.infer<typeof denialReasonSchema>;

export const payerBehaviourSchema = z.object({
  payer: z.string(),
  decisions: z.number().int(),
  appealDecisions: z.number().int(),
  overturned: z.number().int(),
  overturnRate: rate,
  answeredOnTime: z.number().int(),
  answeredLate: z.number().int(),
  unansweredPastDue: z.number().int(),
  medianResponseDays: z.number().nullable(),
  medianAllowedDays: z.number().nullable(),
  destinations: z.array(destinationSchema),
  /** Reasons given on two or more denials, most frequent first. */
  recurringDenialReasons: z.array(denialReasonSchema),
});
export type PayerBehaviour = z.infer<typeof payerBehaviourSchema>;

export const outcomesHeadlineSchema = z.object({
  clientsServed: z.number().int(),
  casesActive: z.number().int(),
  casesOpened: z.number().int(),
  casesClosed: z.number().int(),
  /** Payer decisions dated in the period, and those that approved or partially approved. */
  decisions: z.number().int(),
  approvals: z.number().int(),
  /** Cases closed in the period as approved, partially approved or denied (final). */
  casesAnsweredByPayer: z.number().int(),
  /** Of those, the cases closed as approved or partially approved. */
  casesApproved: z.number().int(),
  /** casesApproved ÷ casesAnsweredByPayer, the outcome mix's cases; null when none closed so. */
  approvalRate: rate,
  medianDaysToDecision: z.number().nullable(),
  /** Cases whose only payer decisions came before they were opened (a denial brought to intake). */
  casesDecidedOnlyBeforeIntake: z.number().int(),
  savedOnCasesCents: z.number().int(),
  fundingGrantedCents: z.number().int(),
  moneySavedCents: z.number().int(),
  deadlinesMet: z.number().int(),
  deadlinesMissed: z.number().int(),
  /** met ÷ (met + missed); null when none fell due. */
  deadlinesMetRate: rate,
});
export type OutcomesHeadline = z.infer<typeof outcomesHeadlineSchema>;

export const outcomesReportSchema = z.object({
  filters: z.object({ from: z.string(), to: z.string(), advocate: z.string().nullable() }),
  /** The day deadlines were judged at (today where the advocate works). */
  asOf: z.string(),
  /** Every advocate named on a case, for the filter. */
  advocates: z.array(z.string()),
  headline: outcomesHeadlineSchema,
  months: z.array(monthVolumeSchema),
  outcomeMix: z.array(outcomeShareSchema),
  approvalByPayer: z.array(decisionTallySchema),
  approvalByTreatment: z.array(decisionTallySchema.extend({ key: z.enum(treatmentKinds) })),
  approvalByLevel: z.array(decisionTallySchema),
  payers: z.array(payerBehaviourSchema),
});
export type OutcomesReport = z.infer<typeof outcomesReportSchema>;

export const outcomesCsvSchema = z.object({ fileName: z.string(), csv: z.string() });

export const funderReportInputSchema = z.strictObject({
  filters: outcomesFiltersSchema,
  /** Printed at the top of the report; the report names no client. */
  organisationName: requiredText('Organisation name', 120),
});

export const funderReportFileSchema = z.object({
  fileName: z.string(),
  pageCount: z.number().int(),
  /** The PDF, base64. */
  data: z.string(),
});
