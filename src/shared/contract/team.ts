import { teamConnectionSchema } from '../schemas/team';
import { defineMethods, noInput } from './method-spec';

/**
 * Which store this copy of Advocase opens, and in team mode who the person is there
 * (docs/team-mode.md). Built against the shape the team-connect work defines; its own file
 * replaces this one when the two meet.
 */
export const teamMethods = defineMethods({
  'team.connection': {
    doc: 'The local store, or the team database this copy is connected to: server, database, and the person’s login, name and role.',
    input: noInput,
    output: teamConnectionSchema,
  },
});
