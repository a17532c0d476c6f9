import { z } from 'zod';
import {
  caseDetailSchema,
  caseSummarySchema,
  closeCaseInputSchema,
  createCaseInputSchema,
  keepStageInputSchema,
  listCasesOutputSchema,
  updateCaseInputSchema,
} from '../schemas/cases';
import { recordId } from '../schemas/fields';
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
  'cases.get': {
    doc: 'One case with what its page header needs: client, coverage, provider, codes, authorization warning.',
    input: z.strictObject({ caseId: recordId('Case') }),
    output: caseDetailSchema,
  },
  'cases.update': {
    doc: "Changes some of a case's fields (stage, coverage, codes, outcome…); kept in the audit log. With the `version` the edit started from, a case saved by someone else since changes nothing and fails with EDIT_CONFLICT (the case as saved, who and when).",
    input: updateCaseInputSchema,
    output: caseDetailSchema,
  },
  'cases.close': {
    doc: 'Closes a case with its outcome and amount saved; its open deadlines are untracked (default) or kept.',
    input: closeCaseInputSchema,
    output: caseDetailSchema,
  },
  'cases.keepStage': {
    doc: "Keeps the case's stage although the timeline's latest step points elsewhere; not asked again for that step.",
    input: keepStageInputSchema,
    output: caseDetailSchema,
  },
});
