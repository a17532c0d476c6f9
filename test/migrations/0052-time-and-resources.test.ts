import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrations } from '../../src/core/db/migrations';
import { openStore } from '../../src/core/db/store';
import { useTemporaryDataDirectory } from '../helpers/temporary-data-directory';

const newDataDirectory = useTemporaryDataDirectory();
const names = Object.keys(migrations);

describe('migration 0052 (time and resources)', () => {
  it('adds its tables to a database from the migration before, keeping its cases', async () => {
    const path = join(newDataDirectory(), 'advocase.db');
    const dataKey = randomBytes(32);
    const previous = names[names.indexOf('0052-time-and-resources') - 1]!;
    const old = await openStore(path, dataKey, { upTo: previous });
    const now = new Date().toISOString();
    const client = await old.db
      .insertInto('clients')
      .values({ full_name: 'Old Client', date_of_birth: null, state: null, created_at: now, updated_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    const opened = await old.db
      .insertInto('cases')
      .values({
        client_id: client.id,
        coverage_id: null,
        provider_id: null,
        treatment: 'tms',
        treatment_detail: null,
        payer: null,
        stage: 'intake',
        priority: 'normal',
        claim_type: null,
        assigned_advocate: null,
        outcome: null,
        billed_cents: null,
        allowed_cents: null,
        paid_cents: null,
        saved_cents: null,
        opened_on: '2026-03-01',
        closed_on: null,
        created_at: now,
        updated_at: now,
        deleted_at: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    expect((await old.db.introspection.getTables()).map((table) => table.name)).not.toContain('time_entries');
    await old.close();

    const store = await openStore(path, dataKey);
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
