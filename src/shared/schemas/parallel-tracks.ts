import { z } from 'zod';
import { parallelTrackRoutes, trackStatuses } from '../domain/parallel-tracks';
import { optionalCalendarDate, optionalText, recordId } from './fields';

/** One thing on a track: a timeline entry, a deadline or a funding option, with its case. */
export const trackItemSchema = z.object({
  caseId: z.number(),
  caseNumber: z.string(),
  /** YYYY-MM-DD, or null when the item has no date. */
  on: z.string().nullable(),
  text: z.string(),
});
export type TrackItem = z.infer<typeof trackItemSchema>;

export const parallelTrackSchema = z.object({
  route: z.enum(parallelTrackRoutes),
  status: z.enum(trackStatuses),
  /** True when the user set the status; otherwise it is read from the records. */
  isStatusFromUser: z.boolean(),
  lastActivityOn: z.string().nullable(),
  nextStep: z.string().nullable(),
  nextStepDueOn: z.string().nullable(),
  note: z.string().nullable(),
  items: z.array(trackItemSchema),
});
export type ParallelTrack = z.infer<typeof parallelTrackSchema>;

export const parallelTracksBoardSchema = z.object({
  clientId: z.number(),
  clientName: z.string(),
  tracks: z.array(parallelTrackSchema),
});
export type ParallelTracksBoard = z.infer<typeof parallelTracksBoardSchema>;

export const setTrackNoteInputSchema = z.strictObject({
  clientId: recordId('Client'),
  route: z.enum(parallelTrackRoutes, { error: 'That is not a route on the board.' }),
  /** Null: let the board read the status from the records. */
  status: z
    .enum(trackStatuses, {
      error: 'Status must be not started, in progress, waiting on payer, won or lost.',
    })
    .nullish()
    .transform((value) => value ?? null),
  note: optionalText('Note', 2000),
  nextStep: optionalText('Next step', 300),
  nextStepOn: optionalCalendarDate('Next step due'),
});
export type SetTrackNoteInput = z.output<typeof setTrackNoteInputSchema>;
