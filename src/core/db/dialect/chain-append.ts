import type { Kysely } from 'kysely';
import type { AdvocaseDatabase } from '../schema';
import type { AuditEntryRow } from '../tables/audit-log';

/**
 * Where a hash-chained log is read from to be verified (`verifyAuditChainOf`): a store's own audit
 * log as its engine keeps the chain, or a team database's trail (src/core/team/). `id` is the
 * entry's place in the chain, which runs without gaps.
 */
export type AuditChainSource = {
  /** Up to `limit` entries with ids above `afterId`, in id order. */
  readonly readPage: (afterId: number, limit: number) => Promise<AuditEntryRow[]>;
  /** The blanking entries (action 'blank'), in id order. */
  readonly readBlankings: () => Promise<Array<Pick<AuditEntryRow, 'id' | 'after'>>>;
  /** The highest id ever handed out, so that removing the newest entries still shows. */
  readonly highestIdIssued: () => Promise<number>;
};

/**
 * Appending to the audit log's hash chain (audit-chain.ts): each entry links to the last one, so
 * two transactions must never link to the same entry. SQLite has one writer and links each entry
 * as it is written; a team database lets its writers go side by side, with no turn to wait for, and
 * links their entries after they commit (docs/team-mode.md, "The audit trail").
 */
export type ChainAppend = {
  /** Whether an entry is linked to the last one as it is written (else after its commit). */
  readonly linksWhenWritten: boolean;
  /** Links what is committed and not linked yet, then reads the chain as the verifier walks it. */
  readonly chainToVerify: (db: Kysely<AdvocaseDatabase>) => Promise<AuditChainSource>;
};
