import { defineMethods } from './method-spec';
import { liveChangesInputSchema, liveChangesOutputSchema } from '../schemas/live';

export const liveMethods = defineMethods({
  'live.changes': {
    doc: 'Waits (up to about 25 s) for changes committed to the team database after `after`, and answers at once when there are some or the database became reachable or unreachable. Only ids travel: the screen re-reads what it shows. On the local store it answers at once that nothing is live.',
    input: liveChangesInputSchema,
    output: liveChangesOutputSchema,
  },
});
