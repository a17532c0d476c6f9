import { z } from 'zod';
import { recordId } from '../schemas/fields';
import {
  trashEmptyInputSchema,
  trashItemSchema,
  trashMovedSchema,
  trashRemovedSchema,
  trashRestoreInputSchema,
} from '../schemas/history';
import { defineMethods, noInput } from './method-spec';

export const trashMethods = defineMethods({
  'trash.moveCase': {
    doc: 'Deletes a case: it goes to the trash with its timeline, restorable for 30 days.',
    input: z.strictObject({ caseId: recordId('Case') }),
    output: trashMovedSchema,
  },
  'trash.moveClient': {
    doc: 'Deletes a client: they go to the trash with all their cases, restorable for 30 days.',
    input: z.strictObject({ clientId: recordId('Client') }),
    output: trashMovedSchema,
  },
  'trash.list': {
    doc: 'What is in the trash, most recently deleted first, with the day each is removed for good.',
    input: noInput,
    output: z.array(trashItemSchema),
  },
  'trash.restore': {
    doc: 'Takes a client (with the cases deleted with them), a case or a timeline entry back out of the trash.',
    input: trashRestoreInputSchema,
    output: trashMovedSchema,
  },
  'trash.empty': {
    doc: 'Deletes everything in the trash for good, now; it cannot be undone.',
    input: trashEmptyInputSchema,
    output: trashRemovedSchema,
  },
  'trash.purgeExpired': {
    doc: 'Deletes for good what has been in the trash longer than 30 days (run after unlocking).',
    input: noInput,
    output: trashRemovedSchema,
  },
});
