import { describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../src/core/audit/verify-audit-chain';
import { appendAuditEntry } from '../../src/core/db/audit-log';
import type { AdvocaseDatabase } from '../../src/core/db/schema';
import { createPostgresTestDatabase, openPostgresTestConnection } from '../helpers/postgres-database';

/**
 * On a team database many people write at once, each through their own connection; every audit
 * entry must still link to the one before it, never two to the same.
 */
describe('the audit chain on PostgreSQL with people writing at once', () => {
  it('stays one unbroken chain', async () => {
    const database = await createPostgresTestDatabase();
    const people = ['rivera', 'chen', 'okafor'].map((actor) => ({
      actor,
      db: openPostgresTestConnection<AdvocaseDatabase>(database),
    }));
    try {
      await Promise.all(
        people.map(({ actor, db }) =>
          Promise.all(
            Array.from({ length: 15 }, (_, index) =>
              appendAuditEntry(db, {
                actor,
                tableName: 'clients',
                rowId: index + 1,
                action: 'update',
                before: null,
                after: { note: `${actor} ${index}` },
              }),
            ),
          ),
        ),
      );
      const report = await verifyAuditChain(people[0]!.db);
      expect(report).toMatchObject({ isIntact: true, firstBroken: null });
      expect(report.message).toMatch(/^All 45 audit log entries check out/);
    } finally {
      for (const { db } of people) await db.destroy();
      await database.drop();
    }
  });
});
