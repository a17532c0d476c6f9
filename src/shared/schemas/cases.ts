import { z } from 'zod';
import { closingDeadlineChoices, stageSources, stageSuggestionReasons } from '../domain/case-lifecycle';
import { caseOutcomes, casePriorities, caseStages } from '../domain/case-stages';
import { claimTypes, planTypes } from '../domain/plan-types';
import { timelineEventTypes } from '../domain/timeline-event-types';
import { treatmentKinds } from '../domain/treatments';
import {
  codeList,
  editedFromVersion,
  optionalCalendarDate,
  optionalCents,
  optionalText,
  recordId,
} from './fields';

const caseDetailsShape = {
  treatment: z.enum(treatmentKinds, { error: 'Treatment must be IV ketamine, esketamine, TMS or other.' }),
  treatmentDetail: optionalText('Treatment description', 200),
  payer: optionalText('Payer', 200),
  stage: z.enum(caseStages, { error: 'Stage is not one Advocase knows.' }).default('intake'),
  priority: z
    .enum(casePriorities, { error: 'Priority must be low, normal, high or urgent.' })
    .default('normal'),
  openedOn: optionalCalendarDate('Opened on', { notInFuture: true }),
};

function otherTreatmentIsDescribed(input: { treatment: string; treatmentDetail: string | null }): boolean {
  return input.treatment !== 'other' || input.treatmentDetail !== null;
}
const describeOtherTreatment = {
  message: 'Describe the treatment when it is not IV ketamine, esketamine or TMS.',
  path: ['treatmentDetail'],
};

/** A case's own fields, for a form that picks or creates the client separately. */
export const caseDetailsSchema = z
  .strictObject(caseDetailsShape)
  .refine(otherTreatmentIsDescribed, describeOtherTreatment);
export type CaseDetails = z.output<typeof caseDetailsSchema>;

export const createCaseInputSchema = z
  .strictObject({ clientId: recordId('Client'), ...caseDetailsShape })
  .refine(otherTreatmentIsDescribed, describeOtherTreatment);
export type CreateCaseInput = z.input<typeof createCaseInputSchema>;

/** One row of the caseload: what the table shows, joined with the client's name. */
export const caseSummarySchema = z.object({
  id: recordId('Case'),
  caseNumber: z.string(),
  clientId: recordId('Client'),
  clientName: z.string(),
  treatment: z.enum(treatmentKinds),
  treatmentDetail: z.string().nullable(),
  payer: z.string().nullable(),
  stage: z.enum(caseStages),
  priority: z.enum(casePriorities),
  openedOn: z.string(),
  closedOn: z.string().nullable(),
});
export type CaseSummary = z.infer<typeof caseSummarySchema>;

export const listCasesOutputSchema = z.array(caseSummarySchema);

export const updateCaseInputSchema = z.strictObject({
  caseId: recordId('Case'),
  version: editedFromVersion,
  changes: z
    .strictObject({
      coverageId: recordId('Coverage').nullable(),
      providerId: recordId('Provider').nullable(),
      treatment: caseDetailsShape.treatment,
      treatmentDetail: caseDetailsShape.treatmentDetail,
      payer: caseDetailsShape.payer,
      stage: z.enum(caseStages, { error: 'Stage is not one Advocase knows.' }),
      priority: z.enum(casePriorities, { error: 'Priority must be low, normal, high or urgent.' }),
      claimType: z
        .enum(claimTypes, { error: 'Claim type must be urgent, pre-service, post-service or concurrent.' })
        .nullable(),
      isUrgent: z.boolean(),
      procedureCodes: codeList('Procedure codes'),
      diagnosisCodes: codeList('Diagnosis codes'),
      assignedAdvocate: optionalText('Assigned advocate', 120),
      outcome: z.enum(caseOutcomes, { error: 'Outcome is not one Advocase knows.' }).nullable(),
      billedCents: optionalCents('Billed'),
      allowedCents: optionalCents('Allowed'),
      paidCents: optionalCents('Paid'),
      savedCents: optionalCents('Saved for the client'),
      closedOn: optionalCalendarDate('Closed on', { notInFuture: true }),
      /** With `stage`: the stage follows the timeline again from now on (accepting its suggestion). */
      stageFollowsTimeline: z.boolean(),
    })
    .partial(),
});

/**
 * The timeline points to another stage than one the user set by hand (or than a closed case's), or
 * the step recorded last is dated before a step already there ("older"), so the stage stayed.
 */
export const stageSuggestionSchema = z.object({
  stage: z.enum(caseStages),
  reason: z.enum(stageSuggestionReasons),
  /** The timeline entry that points there; declining it is remembered against this entry. */
  eventId: z.number(),
  eventType: z.enum(timelineEventTypes),
  occurredAt: z.string(),
  /** For "older": the step dated later that holds the stage, so the note can name it. */
  laterStep: z
    .object({ eventId: z.number(), eventType: z.enum(timelineEventTypes), occurredAt: z.string() })
    .nullable(),
});
export type StageSuggestion = z.infer<typeof stageSuggestionSchema>;

export const keepStageInputSchema = z.strictObject({ caseId: recordId('Case'), eventId: recordId('Event') });

/** Closing asks for the outcome, the amount saved and what to do with the deadlines still open. */
export const closeCaseInputSchema = z.strictObject({
  caseId: recordId('Case'),
  outcome: z.enum(caseOutcomes, { error: 'Choose how the case ended.' }),
  closedOn: optionalCalendarDate('Closed on', { notInFuture: true }),
  savedCents: optionalCents('Saved for the client'),
  openDeadlines: z
    .enum(closingDeadlineChoices, { error: 'Choose what to do with the open deadlines.' })
    .default('untrack'),
  /**
   * Marks the case's dated tasks still open (a promise from a call, the user's own date) done,
   * each with a note on the timeline; off unless the user ticks it in Close case.
   */
  closeOutFollowUps: z.boolean().default(false),
});

/** Everything the case page header and its tabs need about the case itself. */
export const caseDetailSchema = caseSummarySchema.extend({
  coverageId: z.number().nullable(),
  providerId: z.number().nullable(),
  providerName: z.string().nullable(),
  planType: z.enum(planTypes).nullable(),
  memberId: z.string().nullable(),
  claimType: z.enum(claimTypes).nullable(),
  isUrgent: z.boolean(),
  procedureCodes: z.array(z.string()),
  diagnosisCodes: z.array(z.string()),
  assignedAdvocate: z.string().nullable(),
  outcome: z.enum(caseOutcomes).nullable(),
  billedCents: z.number().nullable(),
  allowedCents: z.number().nullable(),
  paidCents: z.number().nullable(),
  savedCents: z.number().nullable(),
  /** "timeline": the stage moves with each recorded step; "hand": the user chose it. */
  stageSource: z.enum(stageSources),
  stageSuggestion: stageSuggestionSchema.nullable(),
  /** What closing did with the open deadlines; null while the case is open. */
  closingDeadlines: z.enum(closingDeadlineChoices).nullable(),
  /** A sentence for the header when the advocate has no valid written authorization on file. */
  authorizationWarning: z.string().nullable(),
  updatedAt: z.string(),
  /** Sent back with `cases.update` (docs/team-mode.md, "Two people editing at once"). */
  version: z.number(),
});
export type CaseDetail = z.infer<typeof caseDetailSchema>;
