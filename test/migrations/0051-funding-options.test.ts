import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../src/core/db/store';
import { useTemporaryDataDirectory } from '../helpers/temporary-data-directory';

const newDataDirectory = useTemporaryDataDirectory();

describe('migration 0051 (funding options)', () => {
  it('adds the funding tables to a database from before it, keeping its cases, and refuses a negative amount', async () => {
    const path = join(newDataDirectory(), 'advocase.db');
    const dataKey = randomBytes(32);
    const before = await openStore(path, dataKey, { upTo: '0034-caseload-next-deadline-descending' });
    const now = new Date().toISOString();
    const client = await before.db
      .insertInto('clients')
      .values({ full_name: 'Ada Park', date_of_birth: null, state: 'OR', created_at: now, updated_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    const existingCase = await before.db
      .insertInto('cases')
      .values({
        client_id: client.id,
        treatment: 'esketamine',
        payer: 'Aetna',
        stage: 'intake',
        priority: 'normal',
        opened_on: '2026-03-01',
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const tablesBefore = (await before.db.introspection.getTables()).map((table) => table.name);
    expect(tablesBefore).not.toContain('funding_options');
    await before.close();

    const after = await openStore(path, dataKey);
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
