import { sql, type Insertable, type Kysely } from 'kysely';
import { auditContentHash, auditEntryHash, entryHashFunctionName, newContentSalt } from './audit-chain';
import { dialectOf } from './dialect/dialect-of';
import { inTransaction } from './in-transaction';
import type { AdvocaseDatabase } from './schema';
import type { AuditAction, AuditLogTable } from './tables/audit-log';

/**
 * Writing the audit log: appending entries (each linked into the hash chain of audit-chain.ts)
 * and the one deliberate change, blanking deleted records' content. The table's row types are in
 * tables/audit-log.ts.
 */

export type AuditEntry = {
  readonly actor: string;
  readonly tableName: string;
  readonly rowId: number;
  readonly action: AuditAction;
  readonly before: unknown;
  readonly after: unknown;
  /** When it happened, if not now (a failed unlock is written at the next unlock, with its own time). */
  readonly at?: string;
};

/** The link of an entry written before its sealing (migration 0208 of the PostgreSQL chain). */
const unlinked = '';

export async function appendAuditEntry(db: Kysely<AdvocaseDatabase>, entry: AuditEntry): Promise<void> {
  const at = entry.at ?? new Date().toISOString();
  const before = entry.before == null ? null : JSON.stringify(entry.before);
  const after = entry.after == null ? null : JSON.stringify(entry.after);
  const salt = newContentSalt();
  const contentHash = auditContentHash(salt, before, after);
  const { actor, tableName, rowId, action } = entry;
  // One statement reads the last entry's hash and links this one to it (see audit-chain.ts), so
  // that no other writer links to the same entry meanwhile (SQLite has one writer); or the link
  // is left to the sealing after commit (a team database, see ChainAppend), which is why an entry
  // written on its own is written in a transaction of its own: the driver seals after a commit.
  const entryHash = dialectOf(db).chainAppend.linksWhenWritten
    ? sql`${sql.raw(entryHashFunctionName)}(
        (SELECT entry_hash FROM audit_log ORDER BY id DESC LIMIT 1),
        ${actor}, ${at}, ${tableName}, ${rowId}, ${action}, ${contentHash})`
    : sql`${unlinked}`;
  await inTransaction(db, async (trx) => {
    await sql`
    INSERT INTO audit_log
      (actor, at, table_name, row_id, action, before, after, content_salt, content_hash, entry_hash)
    SELECT ${actor}, ${at}, ${tableName}, ${rowId}, ${action}, ${before}, ${after}, ${salt}, ${contentHash},
      ${entryHash}`.execute(trx);
  });
}

/** Row ids per table, as a blanking entry lists them. */
export type RowsByTable = Readonly<Record<string, readonly number[]>>;

/**
 * The one change ever made to written entries: when records are deleted for good, the copies of
 * their content that earlier entries hold are blanked, so "deleted" means deleted (health data is
 * not kept once the user has chosen to remove it). Who did what and when stays, and the blanking
 * is itself an entry (who, when, which records, which rows, how many entries) written first: the
 * database's guard lets an entry be blanked only when such an entry after it names its row.
 * Only `history/trash.ts`'s purge calls this, inside its transaction.
 */
export async function blankAuditedContent(
  db: Kysely<AdvocaseDatabase>,
  actor: string,
  deletedRecords: RowsByTable,
  rows: RowsByTable,
): Promise<number> {
  const tables = Object.entries(rows).filter(([, ids]) => ids.length > 0);
  if (tables.length === 0) return 0;
  const stillReadable = (table: string, ids: readonly number[]) =>
    db
      .selectFrom('audit_log')
      .where('table_name', '=', table)
      .where('row_id', 'in', ids)
      .where('content_salt', 'is not', null);
  let entries = 0;
  for (const [table, ids] of tables) {
    for (const chunk of chunks(ids)) {
      const { n } = await stillReadable(table, chunk)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      entries += Number(n);
    }
  }
  await appendAuditEntry(db, {
    actor,
    tableName: 'audit_log',
    rowId: 0,
    action: 'blank',
    before: null,
    after: { deletedRecords, blanked: Object.fromEntries(tables), entries },
  });
  for (const [table, ids] of tables) {
    for (const chunk of chunks(ids)) {
      await db
        .updateTable('audit_log')
        // Typed as never-updatable to keep every other caller append-only; this is the deliberate exception.
        .set({ before: null, after: null, content_salt: null } as never)
        .where('table_name', '=', table)
        .where('row_id', 'in', chunk)
        .where('content_salt', 'is not', null)
        .execute();
    }
  }
  return entries;
}

/** SQLite caps bound parameters per statement; long id lists go in pieces. */
function chunks(ids: readonly number[], size = 500): number[][] {
  const pieces: number[][] = [];
  for (let start = 0; start < ids.length; start += size) pieces.push(ids.slice(start, start + size));
  return pieces;
}

/**
 * Many inserts at once, as one statement per few hundred (the CSV import writes thousands). The
 * chain is linked here rather than by the SQL function: a multi-row INSERT … SELECT would read
 * the same previous entry for every row. The caller's transaction keeps anyone from writing
 * between the read of the last hash and these rows; on a team database they are linked after commit.
 */
export async function appendAuditEntries(
  db: Kysely<AdvocaseDatabase>,
  entries: readonly AuditEntry[],
): Promise<void> {
  if (entries.length === 0) return;
  const { chainAppend } = dialectOf(db);
  const at = new Date().toISOString();
  const last = chainAppend.linksWhenWritten
    ? await db.selectFrom('audit_log').select('entry_hash').orderBy('id', 'desc').limit(1).executeTakeFirst()
    : undefined;
  let previous = last?.entry_hash ?? null;
  const rows: Array<Insertable<AuditLogTable>> = entries.map((entry) => {
    const before = entry.before == null ? null : JSON.stringify(entry.before);
    const after = entry.after == null ? null : JSON.stringify(entry.after);
    const salt = newContentSalt();
    const fields = {
      actor: entry.actor,
      at: entry.at ?? at,
      table_name: entry.tableName,
      row_id: entry.rowId,
      action: entry.action,
      content_hash: auditContentHash(salt, before, after),
    };
    if (!chainAppend.linksWhenWritten)
      return { ...fields, before, after, content_salt: salt, entry_hash: unlinked };
    previous = auditEntryHash(previous, fields);
    return { ...fields, before, after, content_salt: salt, entry_hash: previous };
  });
  for (let start = 0; start < rows.length; start += 500) {
    await db
      .insertInto('audit_log')
      .values(rows.slice(start, start + 500))
      .execute();
  }
}
