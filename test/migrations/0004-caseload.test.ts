import { describe, expect, it } from 'vitest';
import { queryCaseload } from '../../src/core/caseload/caseload-query-service';
import { caseloadQueryInputSchema } from '../../src/shared/schemas/caseload';
import { migrationBefore, useStoreAtMigration } from '../helpers/migration-store';

const storeAt = useStoreAtMigration();
const query = (input: unknown) => caseloadQueryInputSchema.parse(input);
const now = '2026-03-01T10:00:00.000Z';

describe('caseload migrations', () => {
  it('0004 fills the caseload from existing cases; 0005 makes them findable by the quick filter', async () => {
    const old = await storeAt(migrationBefore('0004-caseload'));
    await old.seed(
      `INSERT INTO clients (id, full_name, state, created_at, updated_at) VALUES (1, 'Hana Sato', 'WA', '${now}', '${now}')`,
      `INSERT INTO cases (client_id, treatment, payer, stage, priority, opened_on, created_at, updated_at, deleted_at) VALUES
         (1, 'tms', 'Premera', 'decision', 'high', '2026-03-01', '${now}', '${now}', NULL),
         (1, 'tms', 'Regence', 'decision', 'high', '2026-03-01', '${now}', '${now}', '${now}')`,
    );

    const after = await old.migrateTo();
    const all = await queryCaseload(after.db, query({}));
    expect(all.rows.map((row) => [row.clientName, row.payer, row.stage])).toEqual([
      ['Hana Sato', 'Premera', 'decision'],
    ]);
    expect((await queryCaseload(after.db, query({ quickFilter: 'premera' }))).total).toBe(1);
    expect((await queryCaseload(after.db, query({ quickFilter: 'regence' }))).total).toBe(0);
    await after.close();
  });
});
