import { describe, expect, it } from 'vitest';
import { migrationBefore, useStoreAtMigration } from '../helpers/migration-store';

const storeAt = useStoreAtMigration();
const now = '2026-10-02T15:00:00.000Z';

describe('migration 0070 (one case lifecycle)', () => {
  it('gives resolved cases their closing date, keeps stage names, and ranks stages on the new path', async () => {
    const old = await storeAt(migrationBefore('0070-case-lifecycle'));
    await old.seed(
      `INSERT INTO clients (full_name, created_at, updated_at) VALUES ('Ada Moss', '${now}', '${now}')`,
      `INSERT INTO cases (client_id, treatment, stage, priority, opened_on, closed_on, created_at, updated_at)
         VALUES (1, 'tms', 'resolved', 'normal', '2026-01-10', NULL, '${now}', '${now}'),
                (1, 'tms', 'internal_appeal_1', 'normal', '2026-02-10', NULL, '${now}', '${now}'),
                (1, 'tms', 'external_review', 'normal', '2026-03-10', NULL, '${now}', '${now}')`,
    );

    const after = await old.migrateTo('0070-case-lifecycle');
    const cases = await after.db
      .selectFrom('cases')
      .select(['id', 'stage', 'closed_on', 'closing_deadlines', 'stage_source'])
      .orderBy('id')
      .execute();
    // Outcomes counts a case as closed by its date: the resolved case now has one.
    expect(cases).toEqual([
      {
        id: 1,
        stage: 'resolved',
        closed_on: '2026-10-02',
        closing_deadlines: 'untrack',
        stage_source: 'hand',
      },
      { id: 2, stage: 'internal_appeal_1', closed_on: null, closing_deadlines: null, stage_source: 'hand' },
      { id: 3, stage: 'external_review', closed_on: null, closing_deadlines: null, stage_source: 'hand' },
    ]);
    // Ranks follow the shared order with "denied" and "approved" in it (0005's were one lower).
    const ranks = await after.db
      .selectFrom('caseload_entries')
      .select(['case_id', 'stage_rank'])
      .orderBy('case_id')
      .execute();
    expect(ranks).toEqual([
      { case_id: 1, stage_rank: 11 },
      { case_id: 2, stage_rank: 6 },
      { case_id: 3, stage_rank: 8 },
    ]);
    // The triggers rebuilt by 0070 rank a new stage too.
    await after.db.updateTable('cases').set({ stage: 'denied' }).where('id', '=', 2).execute();
    const denied = await after.db
      .selectFrom('caseload_entries')
      .select('stage_rank')
      .where('case_id', '=', 2)
      .executeTakeFirstOrThrow();
    expect(denied.stage_rank).toBe(5);
    await after.close();
  });
});
