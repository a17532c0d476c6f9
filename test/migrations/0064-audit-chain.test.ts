import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../src/core/audit/verify-audit-chain';
import { migrationBefore, useStoreAtMigration } from '../helpers/migration-store';

const storeAt = useStoreAtMigration();
const at = '2026-04-01T09:00:00.000Z';

describe('migration 0064 (audit chain)', () => {
  it('salts, hashes and chains the entries written before it in id order, then keeps the log append-only', async () => {
    const old = await storeAt(migrationBefore('0064-audit-chain'));
    await old.seed(
      `INSERT INTO audit_log (id, actor, at, table_name, row_id, action, before, after) VALUES
         (1, 'local-user', '${at}', 'clients', 1, 'insert', NULL, '{"full_name":"Ada Moss"}'),
         (2, 'local-user', '${at}', 'clients', 1, 'update', '{"state":null}', '{"state":"OR"}'),
         (3, 'local-user', '${at}', 'cases', 1, 'insert', NULL, '{"stage":"intake"}')`,
    );

    const store = await old.migrateTo('0064-audit-chain');
    const entries = await store.db
      .selectFrom('audit_log')
      .select(['id', 'before', 'after', 'content_salt', 'content_hash', 'entry_hash'])
      .orderBy('id')
      .execute();
    expect(entries.map((entry) => [entry.id, entry.before, entry.after])).toEqual([
      [1, null, '{"full_name":"Ada Moss"}'],
      [2, '{"state":null}', '{"state":"OR"}'],
      [3, null, '{"stage":"intake"}'],
    ]);
    for (const entry of entries) {
      expect(entry.content_salt).toMatch(/\S/);
      expect(entry.content_hash).toMatch(/\S/);
      expect(entry.entry_hash).toMatch(/\S/);
    }
    expect(new Set(entries.map((entry) => entry.content_salt)).size).toBe(3);
    expect(await verifyAuditChain(store.db)).toMatchObject({
      isIntact: true,
      entriesChecked: 3,
      firstBroken: null,
    });

    // From now on the database itself refuses a rewrite or a removal.
    await expect(sql`update audit_log set after = '{}' where id = 2`.execute(store.db)).rejects.toThrow(
      /can only be blanked/,
    );
    await expect(sql`delete from audit_log where id = 3`.execute(store.db)).rejects.toThrow(/never deleted/);
    await store.close();
  });
});
