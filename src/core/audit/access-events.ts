import type { Kysely } from 'kysely';
import type { AdvocaseDatabase } from '../db/schema';
import { appendAuditEntry } from '../db/audit-log';

/**
 * Accesses to the data, recorded in the audit log beside the edits (docs/security.md §5; HIPAA
 * 164.312(b), audit controls): who opened the store, who failed to, what left it.
 */
export const accessEventKinds = [
  'unlock',
  'unlock_failed',
  'export',
  'backup',
  'restore',
  'key_rotation',
  'recovery_key_replaced',
] as const;
export type AccessEventKind = (typeof accessEventKinds)[number];

/**
 * Facts about the access that are not health information: counts, kinds, sizes. Never a file
 * name, a path or a passphrase (an export's file name usually holds the client's name).
 */
export type AccessEventDetails = Readonly<Record<string, string | number | boolean | null>>;

/** The row id every access entry carries: it is about the store, not one record. */
const storeRowId = 0;

/** Records one access; `at` when it happened earlier (failed unlocks are written at the next unlock). */
export function recordAccessEvent(
  db: Kysely<AdvocaseDatabase>,
  actor: string,
  event: AccessEventKind,
  details: AccessEventDetails = {},
  at?: string,
): Promise<void> {
  return appendAuditEntry(db, {
    actor,
    tableName: 'access',
    rowId: storeRowId,
    action: 'access',
    before: null,
    after: { event, ...details },
    ...(at === undefined ? {} : { at }),
  });
}
