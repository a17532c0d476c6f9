import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../src/core/db/store';
import { useTemporaryDataDirectory } from '../helpers/temporary-data-directory';

const newDataDirectory = useTemporaryDataDirectory();

describe('migration 0041 (payer criteria)', () => {
  it('adds the criteria tables to a database of the previous version, keeping its cases; a case purge takes its choices along', async () => {
    const path = join(newDataDirectory(), 'advocase.db');
    const dataKey = randomBytes(32);
    const before = await openStore(path, dataKey, { upTo: '0034-caseload-next-deadline-descending' });
    const tablesBefore = (await before.db.introspection.getTables()).map((table) => table.name);
    expect(tablesBefore).not.toContain('criteria_sets');
    const now = new Date().toISOString();
    const client = await before.db
      .insertInto('clients')
      .values({
        full_name: 'Ada Lind',
        date_of_birth: '1980-05-05',
        state: 'MN',
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const kase = await before.db
      .insertInto('cases')
      .values({
        client_id: client.id,
        treatment: 'esketamine',
        payer: 'Cigna',
        stage: 'intake',
        priority: 'normal',
        opened_on: '2026-01-05',
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await before.close();

    const after = await openStore(path, dataKey);
    const tablesAfter = (await after.db.introspection.getTables()).map((table) => table.name);
    expect(tablesAfter).toEqual(
      expect.arrayContaining([
        'criteria_sets',
        'evidence_pack_edits',
        'case_criteria_choices',
        'case_criterion_judgements',
      ]),
    );
    expect(await after.db.selectFrom('cases').select('payer').execute()).toEqual([{ payer: 'Cigna' }]);
    await after.db
      .insertInto('case_criteria_choices')
      .values({
        case_id: kase.id,
        set_id: 'cigna-spravato-trd',
        policy_name: 'Cigna — Spravato for treatment-resistant depression',
        policy_number: null,
        policy_date: null,
        source_url: 'https://example.org/policy',
        created_at: now,
        updated_at: now,
      })
      .execute();
    await after.db
      .insertInto('case_criterion_judgements')
      .values({
        case_id: kase.id,
        set_id: 'cigna-spravato-trd',
        criterion_id: 'non-response',
        status: 'not_met',
        document_id: null,
        note: null,
        created_at: now,
        updated_at: now,
      })
      .execute();
    await after.db.deleteFrom('cases').where('id', '=', kase.id).execute();
    expect(await after.db.selectFrom('case_criteria_choices').selectAll().execute()).toEqual([]);
    expect(await after.db.selectFrom('case_criterion_judgements').selectAll().execute()).toEqual([]);
    await after.close();
  });
});
