import { sql } from 'kysely';
import type { ChainAppend } from '../chain-append';

// Any number, the same for every copy of Advocase: the one lock audit appends take.
const auditChainLock = 4_115_370_021;

/**
 * A transaction-scoped advisory lock (https://www.postgresql.org/docs/current/explicit-locking.html#ADVISORY-LOCKS),
 * held until commit: the next appender's statements start after it and read its entry as the last.
 */
export const postgresChainAppend: ChainAppend = {
  async waitForTurn(trx) {
    await sql`SELECT pg_advisory_xact_lock(${auditChainLock})`.execute(trx);
  },
};
