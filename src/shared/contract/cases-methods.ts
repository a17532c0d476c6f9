import { caseSummarySchema, createCaseInputSchema, listCasesOutputSchema } from '../schemas/cases';
import { defineMethods, noInput } from './method-spec';

export const casesMethods = defineMethods({
  'cases.create': {
    doc: 'Opens a case for a client: one treatment fought for with one payer.',
    input: createCaseInputSchema,
    output: caseSummarySchema,
  },
  'cases.list': {
    doc: 'The caseload: every case with its client, newest first.',
    input: noInput,
    output: listCasesOutputSchema,
  },
});
