import { z } from 'zod';
import {
  readDenialDocumentInputSchema,
  readDenialDocumentOutputSchema,
  recordDenialInputSchema,
  recordedDenialNoticeSchema,
} from '../schemas/case-denial-notice';
import { recordId } from '../schemas/fields';
import { defineMethods } from './method-spec';

export const denialsMethods = defineMethods({
  'denials.readDocument': {
    doc: "Reads a vault document as a denial notice: its text (a scan's recognised first; follow with vault.recognitionProgress), the fields found with where they were read, and the notice's check against the law.",
    input: readDenialDocumentInputSchema,
    output: readDenialDocumentOutputSchema,
  },
  'denials.record': {
    doc: "Records a confirmed denial notice into a case at once: the denial on the timeline, the payer's appeal contacts, the policy cited and the notice's defects; one step for Undo.",
    input: recordDenialInputSchema,
    output: recordedDenialNoticeSchema,
  },
  'denials.listForCase': {
    doc: "The denial notices recorded into a case, newest first, each with its check's defects.",
    input: z.strictObject({ caseId: recordId('Case') }),
    output: z.array(recordedDenialNoticeSchema),
  },
});
