import type { Kysely } from 'kysely';
import type { AuditVerification } from '../../shared/schemas/audit';
import { auditContentHash, auditEntryHash } from '../db/audit-chain';
import type { AuditChainSource } from '../db/dialect/chain-append';
import { dialectOf } from '../db/dialect/dialect-of';
import type { AdvocaseDatabase } from '../db/schema';
import type { AuditEntryRow } from '../db/tables/audit-log';

type Broken = NonNullable<AuditVerification['firstBroken']>;

const pageSize = 2000;

/** Which rows each blanking entry names, so a blanked entry can be matched to the purge that blanked it. */
async function readBlankings(
  source: AuditChainSource,
): Promise<Array<{ id: number; rows: Map<string, Set<number>> }>> {
  const entries = await source.readBlankings();
  return entries.map(({ id, after }) => {
    const blanked = (JSON.parse(after ?? '{}') as { blanked?: Record<string, number[]> }).blanked ?? {};
    return { id, rows: new Map(Object.entries(blanked).map(([table, ids]) => [table, new Set(ids)])) };
  });
}

function removed(count: number): string {
  return count === 1 ? 'it was removed.' : `it and the ${count - 1} entries after it were removed.`;
}

/** What is wrong with one entry given the one before it, or null when it checks out. */
function problemWith(
  entry: AuditEntryRow,
  previousHash: string | null,
  isBlankingRecorded: (entry: AuditEntryRow) => boolean,
): string | null {
  if (entry.content_salt !== null) {
    if (auditContentHash(entry.content_salt, entry.before, entry.after) !== entry.content_hash) {
      return 'its content was changed after it was written.';
    }
  } else if (entry.before !== null || entry.after !== null) {
    return 'its content was changed after it was written.';
  } else if (!isBlankingRecorded(entry)) {
    return 'its content was blanked, but no deletion for good of its record was recorded.';
  }
  if (auditEntryHash(previousHash, entry) !== entry.entry_hash) {
    return 'it was changed, or an entry before it was removed.';
  }
  return null;
}

/**
 * Walks the audit log's hash chain (`db/audit-chain.ts`) from the first entry and reports the
 * first one that does not check out: content edited, an entry removed or inserted, content blanked
 * without a recorded purge, or the newest entries cut off.
 */
export async function verifyAuditChain(db: Kysely<AdvocaseDatabase>): Promise<AuditVerification> {
  return verifyAuditChainOf(await dialectOf(db).chainAppend.chainToVerify(db));
}

/** The same walk over any source of chained entries. */
export async function verifyAuditChainOf(source: AuditChainSource): Promise<AuditVerification> {
  const blankings = await readBlankings(source);
  const isBlankingRecorded = (entry: AuditEntryRow) =>
    blankings.some(
      (blanking) => blanking.id > entry.id && blanking.rows.get(entry.table_name)?.has(entry.row_id),
    );
  let previousHash: string | null = null;
  let lastId = 0;
  let checked = 0;
  let blanked = 0;
  let firstBroken: Broken | null = null;
  while (!firstBroken) {
    const page = await source.readPage(lastId, pageSize);
    if (page.length === 0) break;
    for (const entry of page) {
      // Places in the chain run without gaps (SQLite's AUTOINCREMENT ids, which a rolled-back write
      // rolls back too; a team database's sealed places) and entries are never deleted: a gap is
      // an entry removed, even the newest one.
      if (entry.id !== lastId + 1) {
        firstBroken = { id: lastId + 1, at: null, problem: removed(entry.id - lastId - 1) };
        break;
      }
      const problem = problemWith(entry, previousHash, isBlankingRecorded);
      if (problem) {
        firstBroken = { id: entry.id, at: entry.at, problem };
        break;
      }
      if (entry.content_salt === null) blanked += 1;
      checked += 1;
      previousHash = entry.entry_hash;
      lastId = entry.id;
    }
  }
  if (!firstBroken) {
    const issued = await source.highestIdIssued();
    if (issued > lastId) firstBroken = { id: lastId + 1, at: null, problem: removed(issued - lastId) };
  }
  const count = new Intl.NumberFormat('en-US').format(checked);
  return {
    isIntact: firstBroken === null,
    entriesChecked: checked,
    blankedEntries: blanked,
    firstBroken,
    message: firstBroken
      ? `The audit log has been tampered with: entry ${firstBroken.id}: ${firstBroken.problem} The ${count} entries before it check out.`
      : `All ${count} audit log entries check out${blanked > 0 ? ` (${new Intl.NumberFormat('en-US').format(blanked)} blanked when their records were deleted for good, each deletion recorded)` : ''}.`,
  };
}
