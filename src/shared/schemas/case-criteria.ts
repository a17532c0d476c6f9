import { z } from 'zod';
import { criteriaSetSchema } from './criteria-sets';
import { denialReasonCategories } from './denial-notice';
import { optionalText, recordId } from './fields';

/** The wire form of a criteria check (core's `CriteriaEvaluation`), for the Criteria tab and the letters. */

export const evidenceSourceSchema = z.object({
  documentId: z.number().nullable(),
  eventId: z.number().nullable(),
  label: z.string(),
});

export const criterionResultSchema = z.object({
  criterionId: z.string(),
  text: z.string(),
  status: z.enum(['met', 'not_met', 'unknown']),
  evidence: z.array(evidenceSourceSchema).readonly(),
  explanation: z.string(),
  missingFacts: z.array(z.string()).readonly(),
});

export const criteriaEvaluationSchema = z.object({
  setId: z.string(),
  setName: z.string(),
  payer: z.string(),
  policyNumber: z.string().nullable(),
  policyDate: z.string().nullable(),
  sourceUrl: z.string().nullable(),
  results: z.array(criterionResultSchema).readonly(),
});

/** The policy as it stood when the user chose it for the case (kept even if the set changes later). */
export const caseCriteriaChoiceSchema = z.object({
  setId: z.string(),
  policyName: z.string(),
  policyNumber: z.string().nullable(),
  policyDate: z.string().nullable(),
  sourceUrl: z.string().nullable(),
  chosenAt: z.string(),
});

export const manualJudgementViewSchema = z.object({
  criterionId: z.string(),
  status: z.enum(['met', 'not_met']),
  documentId: z.number().nullable(),
  note: z.string().nullable(),
});

export const caseCriteriaViewSchema = z.object({
  caseId: z.number(),
  /** The day the facts were read, YYYY-MM-DD. */
  asOf: z.string(),
  /** The set the case is judged against; null when no set exists for its treatment. */
  set: criteriaSetSchema.nullable(),
  /** The user's choice; null while the case uses the default for its payer and treatment. */
  choice: caseCriteriaChoiceSchema.nullable(),
  /** True when the chosen set was deleted since and the default stands in for it. */
  isChosenSetMissing: z.boolean(),
  evaluation: criteriaEvaluationSchema.nullable(),
  judgements: z.array(manualJudgementViewSchema),
  counts: z.object({ met: z.number(), notMet: z.number(), unknown: z.number() }),
  /** What the recorded denial disputes: its reason's category tied to these criteria or to the payer's position. */
  denialLink: z
    .object({
      reasonCategory: z.enum(denialReasonCategories),
      reasonText: z.string().nullable(),
      disputes: z.enum(['criteria', 'coverage-position', 'neither']),
      explanation: z.string(),
    })
    .nullable(),
});
export type CaseCriteriaView = z.infer<typeof caseCriteriaViewSchema>;

export const chooseCriteriaSetInputSchema = z.strictObject({
  caseId: recordId('Case'),
  setId: z.string().trim().min(1, 'Choose a criteria set.'),
});

export const judgeCriterionInputSchema = z.strictObject({
  caseId: recordId('Case'),
  setId: z.string().trim().min(1),
  criterionId: z.string().trim().min(1),
  /** Null clears the judgement (back to unknown). */
  status: z.enum(['met', 'not_met']).nullable(),
  documentId: recordId('Document').nullable(),
  note: optionalText('Note', 1000),
});
