import { setTimeout as sleep } from 'node:timers/promises';
import type { HandlersOf } from '../../../shared/contract';
import type { HandlerContext } from './handler-context';

/**
 * How long one `live.changes` call waits for a change before answering that there was none: long
 * enough that an idle screen asks about twice a minute, short enough for any transport's timeout.
 */
const longestWaitMs = 25_000;

export function liveHandlers({ session }: HandlerContext): HandlersOf<'live'> {
  return {
    'live.changes': async (input) => {
      if (session.storeKind === 'local') {
        return { live: false, reachable: true, stream: '', cursor: 0, everything: false, changes: [] };
      }
      const feed = session.liveChanges();
      if (feed) return feed.changesAfter(input, longestWaitMs);
      // Not connected (locked when idle): waiting does not reconnect, which only a person's own
      // call does; the next answer after it comes from a new feed and says to re-read everything.
      await sleep(longestWaitMs);
      return { live: true, reachable: true, stream: '', cursor: 0, everything: false, changes: [] };
    },
  };
}
