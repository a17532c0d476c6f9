import { describe, expect, it } from 'vitest';
import { migrationBefore, useStoreAtMigration } from '../helpers/migration-store';

const storeAt = useStoreAtMigration();
const now = '2026-05-04T10:00:00.000Z';

describe('migration 0075 (phone numbers normalised)', () => {
  it('rewrites the numbers saved as typed that read as one US number, and leaves the others as typed', async () => {
    const old = await storeAt(migrationBefore('0075-phone-numbers-normalised'));
    await old.seed(
      `INSERT INTO clients (id, full_name, phone, created_at, updated_at) VALUES
         (1, 'Ada Moss', '555-0142', '${now}', '${now}'),
         (2, 'Ben Ode', '(860) 555-0100', '${now}', '${now}'),
         (3, 'Cy Lam', NULL, '${now}', '${now}')`,
      `INSERT INTO coverages (id, client_id, payer, plan_type, payer_phone, payer_fax, created_at, updated_at)
         VALUES (1, 1, 'Cigna', 'individual', '8605550142', '860.555.0143 ', '${now}', '${now}')`,
      `INSERT INTO providers (id, name, kind, phone, fax, created_at, updated_at)
         VALUES (1, 'Old Entry Clinic', 'clinic', '1 503 555 0188', '+44 20 7946 0958', '${now}', '${now}')`,
      `INSERT INTO resources (id, name, kind, phone, created_at, updated_at)
         VALUES (1, 'Help Line', 'nonprofit', '+1 (888) 555-0123', '${now}', '${now}')`,
    );

    const store = await old.migrateTo('0075-phone-numbers-normalised');
    const { db } = store;
    expect(await db.selectFrom('clients').select(['id', 'phone']).orderBy('id').execute()).toEqual([
      { id: 1, phone: '555-0142' },
      { id: 2, phone: '(860) 555-0100' },
      { id: 3, phone: null },
    ]);
    expect(await db.selectFrom('coverages').select(['payer_phone', 'payer_fax']).execute()).toEqual([
      { payer_phone: '(860) 555-0142', payer_fax: '(860) 555-0143' },
    ]);
    expect(await db.selectFrom('providers').select(['phone', 'fax']).execute()).toEqual([
      { phone: '(503) 555-0188', fax: '+44 20 7946 0958' },
    ]);
    expect(await db.selectFrom('resources').select('phone').execute()).toEqual([{ phone: '(888) 555-0123' }]);
    await store.close();
  });
});
