import { z } from 'zod';
import { casePriorities, caseStages } from '../domain/case-stages';
import { treatmentKinds } from '../domain/treatments';
import { optionalCalendarDate, optionalText, recordId } from './fields';

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
