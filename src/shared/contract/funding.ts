import { z } from 'zod';
import { recordId } from '../schemas/fields';
import {
  addFundingOptionInputSchema,
  caseFundingSchema,
  dismissFundingTypeInputSchema,
  fundingOptionSchema,
  updateFundingOptionInputSchema,
} from '../schemas/funding';
import { parallelTracksBoardSchema, setTrackNoteInputSchema } from '../schemas/parallel-tracks';
import { defineMethods, nothing } from './method-spec';

export const fundingMethods = defineMethods({
  'funding.getForCase': {
    doc: "A case's funding options, the total granted, and the routes not yet considered with why each might fit.",
    input: z.strictObject({ caseId: recordId('Case') }),
    output: caseFundingSchema,
  },
  'funding.add': {
    doc: 'Adds a funding option to a case; its dates join the agenda.',
    input: addFundingOptionInputSchema,
    output: fundingOptionSchema,
  },
  'funding.update': {
    doc: 'Replaces the fields of a funding option (audited; Undo takes it back).',
    input: updateFundingOptionInputSchema,
    output: fundingOptionSchema,
  },
  'funding.remove': {
    doc: 'Removes a funding option from the tracker (audited; Undo brings it back).',
    input: z.strictObject({ fundingOptionId: recordId('Funding option') }),
    output: nothing,
  },
  'funding.dismiss': {
    doc: 'Marks a route "not relevant" on a case\'s not-yet-considered checklist; remembered.',
    input: dismissFundingTypeInputSchema,
    output: nothing,
  },
  'funding.restore': {
    doc: 'Puts a route marked "not relevant" back on the checklist.',
    input: dismissFundingTypeInputSchema,
    output: nothing,
  },
});

export const tracksMethods = defineMethods({
  'tracks.getForClient': {
    doc: "A client's parallel tracks board: every route pursued at once, its status, last activity and next step.",
    input: z.strictObject({ clientId: recordId('Client') }),
    output: parallelTracksBoardSchema,
  },
  'tracks.setNote': {
    doc: "Sets the user's status, note and next step on one route of a client's board.",
    input: setTrackNoteInputSchema,
    output: parallelTracksBoardSchema,
  },
});
