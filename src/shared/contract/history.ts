import { z } from 'zod';
import {
  recentEditSchema,
  recentEditsInputSchema,
  undoInputSchema,
  undoOutputSchema,
} from '../schemas/history';
import { defineMethods } from './method-spec';

export const historyMethods = defineMethods({
  'history.recent': {
    doc: 'Your most recent edits that Undo can revert, newest first (for an Undo menu or toast).',
    input: recentEditsInputSchema,
    output: z.array(recentEditSchema),
  },
  'history.undo': {
    doc: 'Reverts your most recent edit(s): an addition goes to the trash, a change gets its old values back, a move to the trash is restored. The undo is itself in the audit log.',
    input: undoInputSchema,
    output: undoOutputSchema,
  },
});
