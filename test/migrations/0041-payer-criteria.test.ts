import { describe, expect, it } from 'vitest';
import { migrationBefore, useStoreAtMigration } from '../helpers/migration-store';

const storeAt = useStoreAtMigration();
const now = '2026-01-05T10:00:00.000Z';

describe('migration 0041 (payer criteria)', () => {
  it('adds the criteria tables to a database of the previous version, keeping its cases; a case purge takes its choices along', async () => {
    const old = await storeAt(migrationBefore('0041-payer-criteria'));
    expect(await old.tableNames()).not.toContain('criteria_sets');
    await old.seed(
      `INSERT INTO clients (id, full_name, date_of_birth, state, created_at, updated_at)
         VALUES (1, 'Ada Lind', '1980-05-05', 'MN', '${now}', '${now}')`,
      `INSERT INTO cases (id, client_id, treatment, payer, stage, priority, opened_on, created_at, updated_at)
         VALUES (1, 1, 'esketamine', 'Cigna', 'intake', 'normal', '2026-01-05', '${now}', '${now}')`,
    );
    const kase = { id: 1 };

    const after = await old.migrateTo();
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
