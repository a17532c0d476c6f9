import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../src/core/db/store';
import { refreshEvidenceReadiness } from '../../src/core/evidence/evidence-readiness';
import { useTemporaryDataDirectory } from '../helpers/temporary-data-directory';

const newDataDirectory = useTemporaryDataDirectory();

describe('migration 0040 (evidence)', () => {
  it('gives existing cases a readiness of 0 and keeps the caseload column in step with each recompute', async () => {
    const path = join(newDataDirectory(), 'advocase.db');
    const dataKey = randomBytes(32);
    const before = await openStore(path, dataKey, { upTo: '0034-caseload-next-deadline-descending' });
    const now = new Date().toISOString();
    const client = await before.db
      .insertInto('clients')
      .values({ full_name: 'Hana Sato', date_of_birth: null, state: 'WA', created_at: now, updated_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    const opened = await before.db
      .insertInto('cases')
      .values({
        client_id: client.id,
        treatment: 'tms',
        payer: 'Premera',
        stage: 'decision',
        priority: 'high',
        opened_on: '2026-03-01',
        created_at: now,
        updated_at: now,
        deleted_at: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await before.close();

    const after = await openStore(path, dataKey);
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
