import { createHash, randomBytes } from 'node:crypto';
import type Database from 'better-sqlite3-multiple-ciphers';

/**
 * The audit log is a hash chain (docs/security.md §5), designed so that blanking a deleted record's
 * content (the one change ever allowed) keeps the chain verifiable:
 *
 * - Each entry stores `content_hash` = SHA-256 of [salt, before, after] at insert, and
 *   `entry_hash` = SHA-256 of [previous entry_hash, actor, at, table_name, row_id, action,
 *   content_hash]. The chain runs over the content *hash*, never the content itself.
 * - Blanking sets before, after and the salt to NULL and leaves both hashes as they were, so the
 *   chain still verifies link by link; only the content check is skipped for a blanked entry, and
 *   only if a blanking entry written after it names its record (see the 0064 migration's guard).
 * - The salt is random per entry and blanked with the content: without it the stored hash of a
 *   short value (a PHQ-9 score, a date of birth) cannot be brute-forced back from the hash.
 *
 * The hash is not keyed: the chain shows edits made with SQL outside Advocase (what an attacker
 * or a careless tool would do), not a rewrite by someone who recomputes every hash after.
 */

/** The SQL function `appendAuditEntry` uses to link a new entry to the last one in one statement. */
export const entryHashFunctionName = 'advocase_audit_entry_hash';

export type ChainedFields = {
  readonly actor: string;
  readonly at: string;
  readonly table_name: string;
  readonly row_id: number;
  readonly action: string;
  readonly content_hash: string;
};

function sha256Hex(parts: readonly unknown[]): string {
  return createHash('sha256').update(JSON.stringify(parts)).digest('hex');
}

export function newContentSalt(): string {
  return randomBytes(16).toString('hex');
}

export function auditContentHash(salt: string, before: string | null, after: string | null): string {
  return sha256Hex(['advocase-audit-content/v1', salt, before, after]);
}

export function auditEntryHash(previousEntryHash: string | null, entry: ChainedFields): string {
  return sha256Hex([
    'advocase-audit-entry/v1',
    previousEntryHash ?? '',
    entry.actor,
    entry.at,
    entry.table_name,
    entry.row_id,
    entry.action,
    entry.content_hash,
  ]);
}

/**
 * Registers the entry-hash function on a connection. An INSERT … SELECT that reads the previous
 * hash and computes the new one is a single statement, so two edits written at once can never
 * both link to the same previous entry (a read then a write could interleave).
 */
export function registerAuditChainFunction(connection: Database.Database): void {
  connection.function(
    entryHashFunctionName,
    { deterministic: true, varargs: true },
    // SQLite hands over what the INSERT bound: text (NULL before the very first entry) and an integer.
    (...values: unknown[]) => {
      const [previous, actor, at, table, rowId, action, content] = values as [
        string | null,
        string,
        string,
        string,
        number | bigint,
        string,
        string,
      ];
      return auditEntryHash(previous, {
        actor,
        at,
        table_name: table,
        row_id: Number(rowId),
        action,
        content_hash: content,
      });
    },
  );
}
