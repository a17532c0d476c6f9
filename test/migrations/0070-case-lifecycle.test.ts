import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../src/core/db/store';
import { useTemporaryDataDirectory } from '../helpers/temporary-data-directory';

const newDataDirectory = useTemporaryDataDirectory();

/** Rows as a store before migration 0070 held them, written with plain SQL (no schema of today). */
async function seedOldStore(path: string, dataKey: Buffer): Promise<void> {
  const before = await openStore(path, dataKey, { upTo: '0053-outcomes-indexes' });
  const now = '2026-10-02T15:00:00.000Z';
  await sql
    .raw(`INSERT INTO clients (full_name, created_at, updated_at) VALUES ('Ada Moss', '${now}', '${now}')`)
    .execute(before.db);
  await sql
    .raw(
      `INSERT INTO cases (client_id, treatment, stage, priority, opened_on, closed_on, created_at, updated_at)
         VALUES (1, 'tms', 'resolved', 'normal', '2026-01-10', NULL, '${now}', '${now}'),
                (1, 'tms', 'internal_appeal_1', 'normal', '2026-02-10', NULL, '${now}', '${now}'),
                (1, 'tms', 'external_review', 'normal', '2026-03-10', NULL, '${now}', '${now}')`,
    )
    .execute(before.db);
  await before.close();
}

describe('migration 0070 (one case lifecycle)', () => {
  it('gives resolved cases their closing date, keeps stage names, and ranks stages on the new path', async () => {
    const path = join(newDataDirectory(), 'advocase.db');
    const dataKey = randomBytes(32);
    await seedOldStore(path, dataKey);

    const after = await openStore(path, dataKey);
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
