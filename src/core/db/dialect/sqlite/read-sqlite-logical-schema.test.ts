import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { useTemporaryDataDirectory } from '../../../../../test/helpers/temporary-data-directory';
import { openStore, type Store } from '../../store';
import { readSqliteLogicalSchema } from './read-sqlite-logical-schema';

const newDataDirectory = useTemporaryDataDirectory();

function openTestStore(): Promise<Store> {
  return openStore(join(newDataDirectory(), 'advocase.db'), randomBytes(32));
}

describe('the logical schema of a SQLite store', () => {
  it('holds the application’s tables with their keys, and none of the engine’s own', async () => {
    const store = await openTestStore();
    const { tables } = await readSqliteLogicalSchema(store.db);
    await store.close();

    const names = tables.map((table) => table.name);
    expect(names).toContain('caseload_entries');
    expect(names).toContain('audit_log');
    for (const engineTable of ['kysely_migration', 'sqlite_sequence', 'case_search', 'document_text_data']) {
      expect(names).not.toContain(engineTable);
    }
    expect(names).toEqual([...names].sort());
    const table = (name: string) => tables.find((candidate) => candidate.name === name);
    expect(table('document_cases')?.primaryKey).toEqual(['document_id', 'case_id']);
    expect(table('vault_blobs')?.uniqueKeys).toEqual([['plaintext_sha256'], ['storage_id']]);
    expect(table('documents')?.foreignKeys).toEqual([
      {
        columns: ['blob_id'],
        referencedTable: 'vault_blobs',
        referencedColumns: ['id'],
        onDelete: 'restrict',
      },
    ]);
    expect(table('audit_log')?.columns.find((column) => column.name === 'row_id')).toEqual({
      name: 'row_id',
      type: 'integer',
      isNullable: false,
      hasDefault: false,
    });
  });

  it('reads declared types by SQLite’s affinity rules and sorts columns by name', async () => {
    const store = await openTestStore();
    await sql`CREATE TABLE probe (
      id INTEGER PRIMARY KEY,
      title VARCHAR(40) NOT NULL DEFAULT '',
      amount DOUBLE,
      photo BLOB,
      code TEXT
    )`.execute(store.db);
    await sql`CREATE UNIQUE INDEX probe_code ON probe (code)`.execute(store.db);
    await sql`CREATE UNIQUE INDEX probe_title_folded ON probe (lower(title))`.execute(store.db);
    const { tables } = await readSqliteLogicalSchema(store.db);
    await store.close();

    expect(tables.find((table) => table.name === 'probe')).toEqual({
      name: 'probe',
      columns: [
        { name: 'amount', type: 'real', isNullable: true, hasDefault: false },
        { name: 'code', type: 'text', isNullable: true, hasDefault: false },
        { name: 'id', type: 'integer', isNullable: false, hasDefault: false },
        { name: 'photo', type: 'blob', isNullable: true, hasDefault: false },
        { name: 'title', type: 'text', isNullable: false, hasDefault: true },
      ],
      primaryKey: ['id'],
      // The index on lower(title) is on an expression, not a key of columns.
      uniqueKeys: [['code']],
      foreignKeys: [],
    });
  });
});
