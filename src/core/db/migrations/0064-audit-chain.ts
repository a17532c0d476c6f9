/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are frozen history, typed against no schema (Kysely's guidance) */
import { sql, type Kysely } from 'kysely';
import { auditContentHash, auditEntryHash, newContentSalt } from '../audit-chain';

/**
 * The audit log becomes a hash chain and append-only in the database itself (docs/security.md §5; the
 * design is explained in `audit-chain.ts`). Existing entries are salted, hashed and chained in
 * id order, then triggers refuse any deletion, any insert without its hashes, and any update but
 * one: blanking an entry's content after a blanking entry that names its record was written
 * (what deleting a client or case for good does). Nothing else, in Advocase or in a tool that
 * opens the database with its key, can quietly rewrite history.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('audit_log').addColumn('content_salt', 'text').execute();
  await db.schema.alterTable('audit_log').addColumn('content_hash', 'text').execute();
  await db.schema.alterTable('audit_log').addColumn('entry_hash', 'text').execute();

  let previous: string | null = null;
  let lastId = 0;
  for (;;) {
    const rows: Array<{
      id: number;
      actor: string;
      at: string;
      table_name: string;
      row_id: number;
      action: string;
      before: string | null;
      after: string | null;
    }> = await db
      .selectFrom('audit_log')
      .select(['id', 'actor', 'at', 'table_name', 'row_id', 'action', 'before', 'after'])
      .where('id', '>', lastId)
      .orderBy('id')
      .limit(1000)
      .execute();
    if (rows.length === 0) break;
    for (const row of rows) {
      const salt = newContentSalt();
      const contentHash = auditContentHash(salt, row.before, row.after);
      const entryHash = auditEntryHash(previous, { ...row, content_hash: contentHash });
      await db
        .updateTable('audit_log')
        .set({ content_salt: salt, content_hash: contentHash, entry_hash: entryHash })
        .where('id', '=', row.id)
        .execute();
      previous = entryHash;
      lastId = row.id;
    }
  }

  // The blanking entries, found by the update guard and by `audit verify` without a full scan.
  await sql`CREATE INDEX audit_log_blankings ON audit_log (id) WHERE action = 'blank'`.execute(db);
  await sql`
    CREATE TRIGGER audit_log_never_deleted BEFORE DELETE ON audit_log
    BEGIN SELECT RAISE(ABORT, 'Audit log entries are never deleted.'); END`.execute(db);
  await sql`
    CREATE TRIGGER audit_log_inserted_chained BEFORE INSERT ON audit_log
    WHEN NEW.content_hash IS NULL OR NEW.entry_hash IS NULL
    BEGIN SELECT RAISE(ABORT, 'Audit log entries are written only with their hashes (appendAuditEntry).'); END`.execute(
    db,
  );
  await sql`
    CREATE TRIGGER audit_log_only_blanked BEFORE UPDATE ON audit_log
    WHEN NOT (
      NEW.id = OLD.id AND NEW.actor IS OLD.actor AND NEW.at IS OLD.at
      AND NEW.table_name IS OLD.table_name AND NEW.row_id IS OLD.row_id AND NEW.action IS OLD.action
      AND NEW.content_hash IS OLD.content_hash AND NEW.entry_hash IS OLD.entry_hash
      AND NEW.before IS NULL AND NEW.after IS NULL AND NEW.content_salt IS NULL
      AND EXISTS (
        SELECT 1 FROM audit_log AS blanking, json_each(blanking.after, '$.blanked.' || OLD.table_name) AS listed
        WHERE blanking.action = 'blank' AND blanking.id > OLD.id AND listed.value = OLD.row_id
      )
    )
    BEGIN SELECT RAISE(ABORT, 'An audit log entry can only be blanked, and only when its record is deleted for good.'); END`.execute(
    db,
  );
}
