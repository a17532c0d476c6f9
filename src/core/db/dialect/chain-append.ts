import type { Kysely } from 'kysely';

/**
 * Appending to a hash chain (the audit log) one transaction at a time: each entry links to the
 * last one, so two transactions appending at once must not both read the same last entry.
 */
export type ChainAppend = {
  /** Waits, inside `trx`, until no other transaction is appending; the turn ends with `trx`. */
  readonly waitForTurn: <Database>(trx: Kysely<Database>) => Promise<void>;
};
