import {
  importCommitInputSchema,
  importPreviewInputSchema,
  importPreviewSchema,
  importResultSchema,
} from '../schemas/import';
import { defineMethods } from './method-spec';

export const importMethods = defineMethods({
  'import.preview': {
    doc: 'Reads a CSV of clients, coverage and cases without saving anything: the rows as they would be imported, each problem by row and column, and duplicates of existing clients.',
    input: importPreviewInputSchema,
    output: importPreviewSchema,
  },
  'import.commit': {
    doc: 'Imports a CSV in one transaction: all of it, or nothing when any row has a problem. Remembers the column mapping for the source.',
    input: importCommitInputSchema,
    output: importResultSchema,
  },
});
