import { teamConnectionInputSchema, teamConnectionSchema, teamConnectionTestSchema } from '../schemas/team';
import { defineMethods, noInput } from './method-spec';

/** Settings → Team: which store is open, and joining or leaving a team's PostgreSQL database. */
export const teamMethods = defineMethods({
  'team.connection': {
    doc: 'Which store this copy opens: this computer’s encrypted store, or a team database (server host:port, database, login, full name and role). Answered while locked too.',
    input: noInput,
    output: teamConnectionSchema,
  },
  'team.testConnection': {
    doc: 'Connects once with these details and says who the server takes this login for, or exactly what is wrong (TEAM_CONNECTION_FAILED; field names the input to fix): unreachable, TLS, password or login, login disabled, database not set up, schema newer or older than this version. Changes nothing.',
    input: teamConnectionInputSchema,
    output: teamConnectionTestSchema,
  },
  'team.join': {
    doc: 'Tests the connection, then locks the local store if it is open, remembers the credentials (encrypted by the operating system; the web harness keeps them in memory) and switches this copy to the team database.',
    input: teamConnectionInputSchema,
    output: teamConnectionSchema,
  },
  'team.reconnect': {
    doc: 'After a lock in a team session: connects again with the remembered credentials (there is no passphrase).',
    input: noInput,
    output: teamConnectionSchema,
  },
  'team.leave': {
    doc: 'Disconnects, forgets the remembered credentials and returns to this computer’s store, which is untouched (ask the person first).',
    input: noInput,
    output: teamConnectionSchema,
  },
});
