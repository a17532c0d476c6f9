import { z } from 'zod';
import { recordId } from './fields';

/** One edit that Undo would revert, newest first in `history.recent`. */
export const recentEditSchema = z.object({
  /** What the user did, in a sentence: "Changed stage of case C-00012". */
  label: z.string(),
  at: z.string(),
});
export type RecentEdit = z.infer<typeof recentEditSchema>;

export const recentEditsInputSchema = z.strictObject({
  limit: z.number().int().min(1).max(20).default(5),
});

export const undoInputSchema = z.strictObject({
  /** How many of your most recent edits to revert, newest first. */
  count: z
    .number({ error: 'Say how many edits to undo.' })
    .int('Say how many edits to undo, as a whole number.')
    .min(1, 'Undo at least one edit.')
    .max(20, 'Undo at most 20 edits at once.')
    .default(1),
});

export const undoOutputSchema = z.object({
  /** The edits reverted, newest first; empty when there was nothing to undo. */
  undone: z.array(recentEditSchema),
  /** A sentence for the toast: what was undone, or that there was nothing to undo. */
  message: z.string(),
});
export type UndoOutput = z.infer<typeof undoOutputSchema>;

export const trashKinds = ['client', 'case', 'event'] as const;
export type TrashKind = (typeof trashKinds)[number];

/** How long the trash keeps what was moved to it before removing it for good. */
export const trashRetentionDays = 30;

export const trashItemSchema = z.object({
  kind: z.enum(trashKinds),
  id: z.number().int(),
  title: z.string(),
  /** "2 cases went with it", "Client: Maria Lopez"… */
  detail: z.string().nullable(),
  deletedAt: z.string(),
  /** The day it is removed for good (YYYY-MM-DD, UTC). */
  purgeOn: z.string(),
  /** Why it cannot be restored on its own, or null. */
  blockedReason: z.string().nullable(),
});
export type TrashItem = z.infer<typeof trashItemSchema>;

export const trashRestoreInputSchema = z.strictObject({
  kind: z.enum(trashKinds, { error: 'Say whether it is a client, a case or a timeline entry.' }),
  id: recordId('Record'),
});

export const trashEmptyInputSchema = z.strictObject({
  /** The user confirmed that everything in the trash goes for good. */
  isConfirmed: z.literal(true, { error: 'Confirm that everything in the trash will be deleted for good.' }),
});

export const trashRemovedSchema = z.object({
  clients: z.number().int(),
  cases: z.number().int(),
  events: z.number().int(),
});
export type TrashRemoved = z.infer<typeof trashRemovedSchema>;

export const trashMovedSchema = z.object({
  /** A sentence for the toast, e.g. "Client Maria Lopez and 2 cases moved to the trash." */
  message: z.string(),
});
