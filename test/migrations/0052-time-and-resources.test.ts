import { describe, expect, it } from 'vitest';
import { migrationBefore, useStoreAtMigration } from '../helpers/migration-store';

const storeAt = useStoreAtMigration();
const now = '2026-03-01T10:00:00.000Z';

describe('migration 0052 (time and resources)', () => {
  it('adds its tables to a database from the migration before, keeping its cases', async () => {
    const old = await storeAt(migrationBefore('0052-time-and-resources'));
    await old.seed(
      `INSERT INTO clients (id, full_name, created_at, updated_at) VALUES (1, 'Old Client', '${now}', '${now}')`,
      `INSERT INTO cases (id, client_id, treatment, stage, priority, opened_on, created_at, updated_at)
         VALUES (1, 1, 'tms', 'intake', 'normal', '2026-03-01', '${now}', '${now}')`,
    );
    expect(await old.tableNames()).not.toContain('time_entries');
    const opened = { id: 1 };

    const store = await old.migrateTo();
    const tables = (await store.db.introspection.getTables()).map((table) => table.name);
    expect(tables).toEqual(
      expect.arrayContaining(['time_entries', 'client_rates', 'invoices', 'resources', 'resource_cases']),
    );
    const running = {
      case_id: opened.id,
      worked_on: '2026-03-02',
      started_at: now,
      ended_at: null,
      minutes: null,
      description: '',
      is_billable: 1,
      rate_cents: null,
      invoice_id: null,
      created_at: now,
      updated_at: now,
      deleted_at: null,
    };
    await store.db.insertInto('time_entries').values(running).execute();
    // The database itself refuses a second running timer, whoever writes it.
    await expect(store.db.insertInto('time_entries').values(running).execute()).rejects.toThrow(/UNIQUE/);
    // Typed entries (no start) and stopped ones are not limited.
    await store.db
      .insertInto('time_entries')
      .values([
        { ...running, started_at: null, minutes: 30 },
        { ...running, started_at: null, minutes: 15 },
        { ...running, ended_at: now, minutes: 5 },
      ])
      .execute();
    const count = await store.db
      .selectFrom('time_entries')
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .executeTakeFirstOrThrow();
    expect(Number(count.count)).toBe(4);
    await store.close();
  });
});
