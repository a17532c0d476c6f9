import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { migrationBefore, useStoreAtMigration } from '../helpers/migration-store';

const storeAt = useStoreAtMigration();
const now = '2026-06-01T10:00:00.000Z';

describe('migration 0033 (caseload next deadline)', () => {
  it('drops the summaries counted before answered-late dates existed, and fills the caseload columns from new ones', async () => {
    const old = await storeAt(migrationBefore('0033-caseload-next-deadline'));
    await old.seed(
      `INSERT INTO clients (id, full_name, created_at, updated_at) VALUES (1, 'Ada Moss', '${now}', '${now}')`,
      `INSERT INTO cases (id, client_id, treatment, stage, priority, opened_on, created_at, updated_at) VALUES
         (1, 1, 'tms', 'decision', 'normal', '2026-05-01', '${now}', '${now}'),
         (2, 1, 'tms', 'intake', 'normal', '2026-05-02', '${now}', '${now}')`,
      // Counted before 0031: a deadline answered late still counted as overdue.
      `INSERT INTO case_deadline_summaries (case_id, next_due_on, overdue_count, time_zone, as_of, computed_at)
         VALUES (1, '2026-06-10', 1, 'America/Chicago', '2026-06-01', '${now}')`,
    );

    const store = await old.migrateTo('0033-caseload-next-deadline');
    const { db } = store;
    // Every case is recomputed at the next unlock, as one never computed.
    expect(await sql`select * from case_deadline_summaries`.execute(db)).toMatchObject({ rows: [] });
    const entries = () =>
      sql<{ case_id: number; next_due_on: string | null; overdue_count: number }>`
        select case_id, next_due_on, overdue_count from caseload_entries order by case_id`
        .execute(db)
        .then((result) => result.rows);
    expect(await entries()).toEqual([
      { case_id: 1, next_due_on: null, overdue_count: 0 },
      { case_id: 2, next_due_on: null, overdue_count: 0 },
    ]);

    // The triggers copy a recomputed summary into its case's entry, and clear it with the summary.
    await sql`insert into case_deadline_summaries (case_id, next_due_on, overdue_count, time_zone, as_of, computed_at)
      values (2, '2026-06-20', 2, 'America/Chicago', '2026-06-01', ${now})`.execute(db);
    expect(await entries()).toEqual([
      { case_id: 1, next_due_on: null, overdue_count: 0 },
      { case_id: 2, next_due_on: '2026-06-20', overdue_count: 2 },
    ]);
    await sql`delete from case_deadline_summaries where case_id = 2`.execute(db);
    expect((await entries())[1]).toEqual({ case_id: 2, next_due_on: null, overdue_count: 0 });
    // Undated cases sort last through the indexed expression.
    const plan = await sql<{ detail: string }>`explain query plan
      select case_id from caseload_entries order by coalesce(next_due_on, '9999-12-31'), case_id`.execute(db);
    expect(plan.rows.map((row) => row.detail).join('\n')).toMatch(/caseload_entries_by_next_deadline/);
    await store.close();
  });
});
