import { sql, type Kysely } from 'kysely';
import { describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../src/core/audit/verify-audit-chain';
import { auditContentHash, auditEntryHash, newContentSalt } from '../../src/core/db/audit-chain';
import { appendAuditEntry } from '../../src/core/db/audit-log';
import { openPostgresConnection } from '../../src/core/db/dialect/postgres/open-postgres-connection';
import { migrateDatabase } from '../../src/core/db/migrate';
import type { AdvocaseDatabase } from '../../src/core/db/schema';
import { createPostgresTestDatabase } from '../helpers/postgres-database';

/** The step before 0208 in the PostgreSQL chain. */
const lastStepBefore = '0205-team-outcome-decision-months-withheld';

/** An entry linked to the last one as it was written, the way the app wrote them before 0208. */
async function linkedAsBefore(db: Kysely<AdvocaseDatabase>, rowId: number): Promise<string> {
  const last = await db
    .selectFrom('audit_log')
    .select('entry_hash')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  const salt = newContentSalt();
  const after = JSON.stringify({ id: rowId });
  const fields = {
    actor: 'rivera',
    at: '2026-12-01T10:00:00.000Z',
    table_name: 'clients',
    row_id: rowId,
    action: 'insert' as const,
    content_hash: auditContentHash(salt, null, after),
  };
  const entryHash = auditEntryHash(last?.entry_hash ?? null, fields);
  await db
    .insertInto('audit_log')
    .values({ ...fields, before: null, after, content_salt: salt, entry_hash: entryHash })
    .execute();
  return entryHash;
}

/**
 * 0208 on a team database that already has an audit log: the entries linked as they were written
 * keep their hashes and take the chain's first places in id order, without the gap a rolled-back
 * write left in their ids (which the check used to report as an entry removed), and the entries
 * written after it, sealed after their commit, continue the same chain.
 */
describe('0208 on PostgreSQL', () => {
  it('keeps the entries already written as the start of the chain the sealer continues', async () => {
    const database = await createPostgresTestDatabase({ migrated: false });
    const db = openPostgresConnection<AdvocaseDatabase>({ url: database.url });
    try {
      await migrateDatabase(db as unknown as Kysely<unknown>, lastStepBefore);
      const first = await linkedAsBefore(db, 1);
      // A save refused after its entry was written: the id it took is not handed out again.
      await db
        .transaction()
        .execute(async (trx) => {
          await linkedAsBefore(trx, 2);
          throw new Error('refused');
        })
        .catch(() => undefined);
      const second = await linkedAsBefore(db, 3);

      await migrateDatabase(db as unknown as Kysely<unknown>);
      for (const rowId of [4, 5]) {
        await appendAuditEntry(db, {
          actor: 'chen',
          tableName: 'clients',
          rowId,
          action: 'update',
          before: null,
          after: { id: rowId },
        });
      }

      const { rows } = await sql<{ position: number; row_id: number; entry_hash: string }>`
        SELECT c.position, a.row_id, a.entry_hash FROM audit_log_chain c JOIN audit_log a ON a.id = c.audit_id
        ORDER BY c.position`.execute(db);
      expect(rows.map((row) => [row.position, row.row_id])).toEqual([
        [1, 1],
        [2, 3],
        [3, 4],
        [4, 5],
      ]);
      expect(rows.slice(0, 2).map((row) => row.entry_hash)).toEqual([first, second]);
      const report = await verifyAuditChain(db);
      expect(report).toMatchObject({ isIntact: true, firstBroken: null });
      expect(report.message).toMatch(/^All 4 audit log entries check out/);
    } finally {
      await db.destroy();
      await database.drop();
    }
  });
});
