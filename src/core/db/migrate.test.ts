import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { useTemporaryDataDirectory } from '../../../test/helpers/temporary-data-directory';
import { AppError } from '../errors';
import { readSettings } from '../settings/settings-service';
import { migrations } from './migrations';
import { openStore } from './store';

const newDataDirectory = useTemporaryDataDirectory();

describe('migrations', () => {
  it('upgrades a database made at the first migration, keeping its rows', async () => {
    const path = join(newDataDirectory(), 'advocase.db');
    const dataKey = randomBytes(32);
    const firstMigration = Object.keys(migrations)[0]!;

    const old = await openStore(path, dataKey, { upTo: firstMigration });
    const tablesBefore = (await old.db.introspection.getTables()).map((table) => table.name);
    expect(tablesBefore).toContain('clients');
    expect(tablesBefore).not.toContain('settings');
    await old.db
      .insertInto('clients')
      .values({
        full_name: 'Old Build Client',
        date_of_birth: null,
        state: 'OR',
        created_at: 'x',
        updated_at: 'x',
      })
      .execute();
    await old.close();

    const upgraded = await openStore(path, dataKey);
    const applied = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(
      upgraded.db,
    );
    expect(applied.rows.map((row) => row.name)).toEqual(Object.keys(migrations));
    const clients = await upgraded.db.selectFrom('clients').select('full_name').execute();
    expect(clients).toEqual([{ full_name: 'Old Build Client' }]);
    expect(await readSettings(upgraded.db)).toEqual({ autoLockMinutes: 15 });
    await upgraded.close();
  });

  it('refuses a database a newer Advocase has upgraded, and leaves it untouched', async () => {
    const path = join(newDataDirectory(), 'advocase.db');
    const dataKey = randomBytes(32);
    const store = await openStore(path, dataKey);
    await sql`insert into kysely_migration (name, timestamp) values ('9999-from-the-future', '2030-01-01')`.execute(
      store.db,
    );
    await store.close();

    const error = await openStore(path, dataKey).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('DATA_FROM_NEWER_VERSION');
    expect((error as AppError).message).toMatch(/newer version of Advocase/);
  });

  it('reports a database opened with the wrong key as damaged, not as a SQLite error', async () => {
    const path = join(newDataDirectory(), 'advocase.db');
    await (await openStore(path, randomBytes(32))).close();
    const error = await openStore(path, randomBytes(32)).catch((caught: unknown) => caught);
    expect((error as AppError).code).toBe('DATA_DAMAGED');
  });
});
