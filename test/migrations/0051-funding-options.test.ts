import { describe, expect, it } from 'vitest';
import { migrationBefore, useStoreAtMigration } from '../helpers/migration-store';

const storeAt = useStoreAtMigration();
const now = '2026-03-01T10:00:00.000Z';

describe('migration 0051 (funding options)', () => {
  it('adds the funding tables to a database from before it, keeping its cases, and refuses a negative amount', async () => {
    const old = await storeAt(migrationBefore('0051-funding-options'));
    await old.seed(
      `INSERT INTO clients (id, full_name, state, created_at, updated_at) VALUES (1, 'Ada Park', 'OR', '${now}', '${now}')`,
      `INSERT INTO cases (id, client_id, treatment, payer, stage, priority, opened_on, created_at, updated_at)
         VALUES (1, 1, 'esketamine', 'Aetna', 'intake', 'normal', '2026-03-01', '${now}', '${now}')`,
    );
    expect(await old.tableNames()).not.toContain('funding_options');
    const existingCase = { id: 1 };

    const after = await old.migrateTo();
    const option = {
      case_id: existingCase.id,
      option_type: 'manufacturer_program' as const,
      program_name: 'SPRAVATO withMe',
      eligibility_notes: null,
      status: 'granted' as const,
      apply_by: null,
      applied_on: '2026-03-02',
      response_expected_on: null,
      decided_on: '2026-03-09',
      renewal_on: '2027-01-01',
      amount_requested_cents: null,
      amount_granted_cents: 125_000,
      next_step: null,
      next_step_on: null,
      notes: null,
      created_at: now,
      updated_at: now,
      deleted_at: null,
    };
    await after.db.insertInto('funding_options').values(option).execute();
    const stored = await after.db
      .selectFrom('funding_options')
      .select(['program_name', 'amount_granted_cents', 'document_ids'])
      .execute();
    expect(stored).toEqual([
      { program_name: 'SPRAVATO withMe', amount_granted_cents: 125_000, document_ids: '[]' },
    ]);
    await expect(
      after.db
        .insertInto('funding_options')
        .values({ ...option, amount_granted_cents: -1 })
        .execute(),
    ).rejects.toThrow(/CHECK constraint/);
    expect(await after.db.selectFrom('cases').select('payer').execute()).toEqual([{ payer: 'Aetna' }]);
    await after.close();
  });
});
