import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { useTemporaryDataDirectory } from '../../../../../test/helpers/temporary-data-directory';
import { openStore } from '../../store';
import { dialectOf } from '../dialect-of';
import { sqliteDerivedTables, sqliteUpkeepTriggers } from './sqlite-derived-tables';

const newDataDirectory = useTemporaryDataDirectory();

describe('the SQLite dialect’s derived tables', () => {
  it('declares every trigger a migrated store holds, each on a table its derived table follows', async () => {
    const store = await openStore(join(newDataDirectory(), 'advocase.db'), randomBytes(32));
    const { rows } = await sql<{ name: string; tbl_name: string }>`
      SELECT name, tbl_name FROM sqlite_master WHERE type = 'trigger' ORDER BY name`.execute(store.db);
    await store.close();

    const declared = Object.values(sqliteUpkeepTriggers).flat();
    expect(rows.map((row) => row.name)).toEqual([...declared].sort());
    const declaredTables = [
      ...sqliteDerivedTables.derivedTables.map((derived) => derived.table),
      ...sqliteDerivedTables.guardedTables,
    ];
    expect(Object.keys(sqliteUpkeepTriggers).sort()).toEqual([...declaredTables].sort());
    for (const [table, triggers] of Object.entries(sqliteUpkeepTriggers)) {
      const follows =
        sqliteDerivedTables.derivedTables.find((derived) => derived.table === table)?.follows ?? [];
      const firedBy = rows.filter((row) => triggers.includes(row.name)).map((row) => row.tbl_name);
      for (const source of firedBy) expect([table, ...follows]).toContain(source);
    }
  });

  it('is the dialect of a store’s connection and of its transactions', async () => {
    const store = await openStore(join(newDataDirectory(), 'advocase.db'), randomBytes(32));
    expect(dialectOf(store.db).derivedTables).toBe(sqliteDerivedTables);
    await store.db.transaction().execute(async (trx) => {
      expect(dialectOf(trx).derivedTables).toBe(sqliteDerivedTables);
    });
    await store.close();
  });
});
