import { describe, expect, it } from 'vitest';
import { refreshEvidenceReadiness } from '../../src/core/evidence/evidence-readiness';
import { migrationBefore, useStoreAtMigration } from '../helpers/migration-store';

const storeAt = useStoreAtMigration();
const now = '2026-03-01T10:00:00.000Z';

describe('migration 0040 (evidence)', () => {
  it('gives existing cases a readiness of 0 and keeps the caseload column in step with each recompute', async () => {
    const old = await storeAt(migrationBefore('0040-evidence'));
    await old.seed(
      `INSERT INTO clients (id, full_name, state, created_at, updated_at) VALUES (1, 'Hana Sato', 'WA', '${now}', '${now}')`,
      `INSERT INTO cases (id, client_id, treatment, payer, stage, priority, opened_on, created_at, updated_at)
         VALUES (1, 1, 'tms', 'Premera', 'decision', 'high', '2026-03-01', '${now}', '${now}')`,
    );
    const opened = { id: 1 };

    const after = await old.migrateTo();
    const readinessInCaseload = async () =>
      (
        await after.db
          .selectFrom('caseload_entries')
          .select('evidence_readiness')
          .where('case_id', '=', opened.id)
          .executeTakeFirstOrThrow()
      ).evidence_readiness;
    expect(await readinessInCaseload()).toBe(0);

    // One of 13 items set done by hand: 8%; the trigger copies it into the caseload.
    await after.db
      .insertInto('evidence_item_statuses')
      .values({
        case_id: opened.id,
        item_key: 'copies_kept',
        status: 'done',
        reason: null,
        created_at: now,
        updated_at: now,
        deleted_at: null,
      })
      .execute();
    await refreshEvidenceReadiness(after.db, [opened.id]);
    expect(await readinessInCaseload()).toBe(8);

    // A change to the case rebuilds its caseload entry; the figure survives the rebuild.
    await after.db
      .updateTable('cases')
      .set({ stage: 'internal_appeal_1' })
      .where('id', '=', opened.id)
      .execute();
    expect(await readinessInCaseload()).toBe(8);
    await after.close();
  });
});
