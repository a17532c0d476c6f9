import { searchInputSchema, searchOutputSchema } from '../schemas/search';
import { defineMethods } from './method-spec';

export const searchMethods = defineMethods({
  'search.global': {
    doc: 'Finds clients, cases and timeline entries (by name, member ID, reference number, rep name or any word), best matches first, grouped by kind, each with a snippet and where it leads; trashed records are left out.',
    input: searchInputSchema,
    output: searchOutputSchema,
  },
});
