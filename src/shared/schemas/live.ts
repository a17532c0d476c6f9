import { z } from 'zod';

/** The tables whose changes a team database announces (PostgreSQL migration 0147-team-live-changes). */
export const liveTables = ['cases', 'clients', 'events', 'case_deadlines', 'team_case_assignments'] as const;
export type LiveTable = (typeof liveTables)[number];

/** One committed change another person (or this one elsewhere) made: which record, never its content. */
export const liveChangeSchema = z.object({
  table: z.enum(liveTables),
  /** The changed row's id (an assignment's is its case's). */
  id: z.number().int().nullable(),
  /** The case it belongs to, when it belongs to one. */
  caseId: z.number().int().nullable(),
});
export type LiveChange = z.infer<typeof liveChangeSchema>;

export const liveChangesInputSchema = z.strictObject({
  /** The feed the cursor came from (`stream` of the last answer); absent on the first call. */
  stream: z.string().max(64).optional(),
  /** The last change already seen (`cursor` of the last answer). */
  after: z.number().int().nonnegative().optional(),
  /** Whether the last answer said the team database was reachable: a change of it answers at once. */
  reachable: z.boolean().optional(),
});
export type LiveChangesInput = z.input<typeof liveChangesInputSchema>;

export const liveChangesOutputSchema = z.object({
  /** False where there is nothing live (the local store): the screen does not ask again. */
  live: z.boolean(),
  /** Whether the team database can be reached right now. */
  reachable: z.boolean(),
  stream: z.string(),
  cursor: z.number().int().nonnegative(),
  /** Changes may have been missed (the connection was lost, or a new feed began): re-read everything. */
  everything: z.boolean(),
  changes: z.array(liveChangeSchema),
});
export type LiveChangesOutput = z.infer<typeof liveChangesOutputSchema>;
