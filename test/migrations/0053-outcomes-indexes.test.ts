import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { migrationBefore, useStoreAtMigration } from '../helpers/migration-store';

const storeAt = useStoreAtMigration();

describe('migration 0053 (outcomes indexes)', () => {
  it('lets the period queries find decisions by type and date, and cases by the day they closed', async () => {
    const old = await storeAt(migrationBefore('0053-outcomes-indexes'));

    const after = await old.migrateTo('0053-outcomes-indexes');
    const plan = async (query: string) =>
      (await sql<{ detail: string }>`EXPLAIN QUERY PLAN ${sql.raw(query)}`.execute(after.db)).rows
        .map((row) => row.detail)
        .join('\n');
    expect(
      await plan(
        "SELECT case_id FROM events WHERE type = 'payer_decision' AND occurred_at >= '2026-01-01' AND occurred_at < '2026-02-01'",
      ),
    ).toMatch(
      /USING (COVERING )?INDEX events_by_type_occurred_at \(type=\? AND occurred_at>\? AND occurred_at<\?\)/,
    );
    expect(
      await plan("SELECT id FROM cases WHERE closed_on >= '2026-01-01' AND closed_on <= '2026-12-31'"),
    ).toMatch(/USING (COVERING )?INDEX cases_closed_on/);
    await after.close();
  });
});
