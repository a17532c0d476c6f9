import { z } from 'zod';
import { caseCostEstimateSchema, saveCostEstimateInputSchema } from '../schemas/cost-estimates';
import { recordId } from '../schemas/fields';
import {
  addCandidatePlanInputSchema,
  planComparisonSchema,
  savePlannedCourseInputSchema,
  updateCandidatePlanInputSchema,
} from '../schemas/plan-comparison';
import { defineMethods } from './method-spec';

export const costsMethods = defineMethods({
  'costs.getEstimate': {
    doc: "A case's cost estimate: the saved inputs (or ones prefilled from its coverage) and what the client would pay under each scenario, with the working.",
    input: z.strictObject({ caseId: recordId('Case') }),
    output: caseCostEstimateSchema,
  },
  'costs.saveEstimateInputs': {
    doc: "Saves a case's course, prices and cost sharing (undoable) and returns the new estimate; invalid amounts are refused with nothing changed.",
    input: saveCostEstimateInputSchema,
    output: caseCostEstimateSchema,
  },
});

export const plansMethods = defineMethods({
  'plans.compare': {
    doc: "A client's candidate plans side by side, each with the expected yearly cost of the planned course under it.",
    input: z.strictObject({ clientId: recordId('Client') }),
    output: planComparisonSchema,
  },
  'plans.saveCourse': {
    doc: 'Saves the planned course of treatment and the prices the candidate plans are compared on.',
    input: savePlannedCourseInputSchema,
    output: planComparisonSchema,
  },
  'plans.add': {
    doc: "Adds a candidate plan to a client's comparison (at most five).",
    input: addCandidatePlanInputSchema,
    output: planComparisonSchema,
  },
  'plans.update': {
    doc: 'Changes some fields of a candidate plan (undoable).',
    input: updateCandidatePlanInputSchema,
    output: planComparisonSchema,
  },
  'plans.remove': {
    doc: 'Removes a candidate plan the client has ruled out.',
    input: z.strictObject({ planId: recordId('Plan') }),
    output: planComparisonSchema,
  },
});
