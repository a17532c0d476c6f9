import { z } from 'zod';
import { teamRoles } from '../domain/team-roles';
import { defineMethods, noInput } from './method-spec';

/**
 * Which store this copy of Advocase opens, and in team mode who the person is there. The screens
 * use the role only to leave out what the database would refuse (docs/team-mode.md).
 */
export const teamConnectionSchema = z.discriminatedUnion('store', [
  z.object({ store: z.literal('local') }),
  z.object({
    store: z.literal('team'),
    /** host:port of the server. */
    server: z.string(),
    database: z.string(),
    login: z.string(),
    fullName: z.string(),
    role: z.enum(teamRoles),
  }),
]);
export type TeamConnection = z.infer<typeof teamConnectionSchema>;

export const teamMethods = defineMethods({
  'team.connection': {
    doc: 'The local store, or the team database this copy is connected to: server, database, and the person’s login, name and role.',
    input: noInput,
    output: teamConnectionSchema,
  },
});
