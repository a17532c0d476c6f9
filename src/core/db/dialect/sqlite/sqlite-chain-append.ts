import type { ChainAppend } from '../chain-append';

/** SQLite lets one transaction write at a time (https://sqlite.org/lockingv3.html): every append already has its turn. */
export const sqliteChainAppend: ChainAppend = {
  waitForTurn: async () => undefined,
};
