import { z } from 'zod';
import {
  caseloadBulkUpdateInputSchema,
  caseloadExportInputSchema,
  caseloadExportOutputSchema,
  caseloadFilterOptionsSchema,
  caseloadPreferencesSchema,
  caseloadQueryInputSchema,
  caseloadQueryOutputSchema,
  saveCaseloadViewInputSchema,
  savedCaseloadViewSchema,
} from '../schemas/caseload';
import { recordId } from '../schemas/fields';
import { defineMethods, noInput, nothing } from './method-spec';

export const caseloadMethods = defineMethods({
  'caseload.query': {
    doc: 'One window of the caseload, filtered and sorted in the core: rows, the total that match, and cases per stage.',
    input: caseloadQueryInputSchema,
    output: caseloadQueryOutputSchema,
  },
  'caseload.filterOptions': {
    doc: 'The payers and advocates that appear in the caseload, for the column filters.',
    input: noInput,
    output: caseloadFilterOptionsSchema,
  },
  'caseload.bulkUpdate': {
    doc: 'Sets the stage or the assigned advocate of several cases at once (a closed case keeps its stage when the others move to an open one: `closedLeftClosed`); each change is in the audit log.',
    input: caseloadBulkUpdateInputSchema,
    output: z.object({ updated: z.number().int(), closedLeftClosed: z.number().int() }),
  },
  'caseload.exportCsv': {
    doc: 'Every case of a caseload view as a CSV file (the columns given, in that order), written row by row where the person chose to save it.',
    input: caseloadExportInputSchema,
    output: caseloadExportOutputSchema,
  },
  'caseload.getPreferences': {
    doc: "The caseload's remembered columns and the user's own advocate name.",
    input: noInput,
    output: caseloadPreferencesSchema,
  },
  'caseload.savePreferences': {
    doc: "Remembers the caseload's columns (chosen and ordered) and the user's advocate name.",
    input: z.strictObject({
      columns: caseloadPreferencesSchema.shape.columns.optional(),
      myAdvocateName: caseloadPreferencesSchema.shape.myAdvocateName.optional(),
    }),
    output: caseloadPreferencesSchema,
  },
  'caseload.listViews': {
    doc: 'The caseload views the user saved, by name.',
    input: noInput,
    output: z.array(savedCaseloadViewSchema),
  },
  'caseload.saveView': {
    doc: 'Saves the current filters and sort order under a name (replacing a view of the same name).',
    input: saveCaseloadViewInputSchema,
    output: savedCaseloadViewSchema,
  },
  'caseload.deleteView': {
    doc: 'Forgets a saved caseload view.',
    input: z.strictObject({ viewId: recordId('View') }),
    output: nothing,
  },
});
