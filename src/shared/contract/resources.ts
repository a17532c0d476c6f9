import { z } from 'zod';
import { recordId } from '../schemas/fields';
import {
  caseResourceSchema,
  linkResourceInputSchema,
  listResourcesInputSchema,
  resourceFieldsSchema,
  resourceSchema,
  starterSetResultSchema,
  updateResourceInputSchema,
} from '../schemas/resources';
import { defineMethods, noInput } from './method-spec';

/** The resource directory: organisations and contacts the advocate uses. */
export const resourcesMethods = defineMethods({
  'resources.list': {
    doc: 'Resources matching words in the name, notes or tags, a kind and a state (national ones always match a state).',
    input: listResourcesInputSchema,
    output: z.array(resourceSchema),
  },
  'resources.create': {
    doc: 'Adds a resource to the directory.',
    input: resourceFieldsSchema,
    output: resourceSchema,
  },
  'resources.update': {
    doc: 'Changes a resource; marking a starter entry checked clears its "Verify before use" badge.',
    input: updateResourceInputSchema,
    output: resourceSchema,
  },
  'resources.delete': {
    doc: 'Deletes a resource (and its links to cases); Undo brings it back.',
    input: z.strictObject({ resourceId: recordId('Resource') }),
    output: z.object({ message: z.string() }),
  },
  'resources.addStarterSet': {
    doc: 'Adds the national starter entries (facts from the cited sources, each marked "Verify before use") that are not already there.',
    input: noInput,
    output: starterSetResultSchema,
  },
  'resources.listForCase': {
    doc: 'The resources linked to a case.',
    input: z.strictObject({ caseId: recordId('Case') }),
    output: z.array(caseResourceSchema),
  },
  'resources.linkToCase': {
    doc: 'Links a resource to a case, with an optional note.',
    input: linkResourceInputSchema,
    output: caseResourceSchema,
  },
  'resources.unlinkFromCase': {
    doc: 'Removes a resource from a case (the resource stays in the directory); Undo links it again.',
    input: z.strictObject({ linkId: recordId('Link') }),
    output: z.object({ message: z.string() }),
  },
});
