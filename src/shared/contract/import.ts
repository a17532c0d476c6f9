import {
  importCommitInputSchema,
  importPreviewInputSchema,
  importPreviewSchema,
  importProgressSchema,
  importResultSchema,
} from '../schemas/import';
import { defineMethods, noInput } from './method-spec';

export const importMethods = defineMethods({
  'import.preview': {
    doc: 'Reads a CSV of clients, coverage and cases without saving anything: every row with its status and its problems by column, the values of enumerated columns and what they map to, and duplicates in the file and in Advocase.',
    input: importPreviewInputSchema,
    output: importPreviewSchema,
  },
  'import.commit': {
    doc: 'Imports the rows of a CSV that have no problem (and duplicates when merging) in one transaction, all of them or none; returns the rows left out as CSV with what to fix. Remembers the column and value mappings for the source.',
    input: importCommitInputSchema,
    output: importResultSchema,
  },
  'import.progress': {
    doc: 'How far the import being written has come (what it is doing, records done of the total); null when none runs.',
    input: noInput,
    output: importProgressSchema.nullable(),
  },
});
