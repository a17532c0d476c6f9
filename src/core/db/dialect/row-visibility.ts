import type { Kysely } from 'kysely';
import type { AdvocaseDatabase } from '../schema';

/**
 * Whether the connection's queries see every case. A total kept for the whole store (the reminder
 * summary's open dates per day, migration 0160) is the connection's own total only then: a local
 * store has one person, who sees everything; on a team database row security shows a navigator or
 * viewer only their own cases, so what they are told is counted from the rows they see.
 */
export type RowVisibility = {
  readonly seesEveryCase: (db: Kysely<AdvocaseDatabase>) => Promise<boolean>;
  /**
   * Whether the connection may change no row at all: a team's viewer, who reads the cases shared
   * with them. Derived bookkeeping a read would otherwise store (a case's deadlines worked out for
   * today) is then worked out in memory and not stored.
   */
  readonly changesNothing: (db: Kysely<AdvocaseDatabase>) => Promise<boolean>;
};
