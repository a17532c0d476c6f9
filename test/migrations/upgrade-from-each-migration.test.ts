import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { migrationBefore, migrationNames, useStoreAtMigration } from '../helpers/migration-store';

const storeAt = useStoreAtMigration();

/**
 * The migrations that only add tables, columns with a default, indexes or triggers, and rewrite no
 * row. Each of those that rewrite rows has its own upgrade test beside this file.
 */
const schemaOnlyMigrations = [
  '0002-settings',
  '0003-caseload-details',
  '0006-caseload-count-indexes',
  '0010-document-vault',
  '0021-edit-history',
  '0022-import-mappings',
  '0030-case-deadlines',
  '0031-deadline-answered-on',
  '0032-trash-lookup-indexes',
  '0034-caseload-next-deadline-descending',
  '0041-payer-criteria',
  '0042-letters',
  '0050-cost-estimates',
  '0051-funding-options',
  '0052-time-and-resources',
  '0053-outcomes-indexes',
  '0060-generated-files',
  '0080-import-value-mappings',
];

describe('the migration chain', () => {
  it('names only migrations that exist', () => {
    expect(migrationNames).toEqual(expect.arrayContaining(schemaOnlyMigrations));
  });

  it.each(schemaOnlyMigrations)(
    'upgrades a store made just before %s through every later migration in order, keeping its rows',
    async (migration) => {
      const old = await storeAt(migrationBefore(migration));
      // The first migration's columns of clients, which every later schema keeps.
      await old.seed(
        `INSERT INTO clients (full_name, date_of_birth, state, created_at, updated_at)
           VALUES ('Old Build Client', '1970-01-02', 'OR', '2026-01-05T10:00:00.000Z', '2026-01-05T10:00:00.000Z')`,
      );

      const store = await old.migrateTo();
      const applied = await sql<{ name: string }>`select name from kysely_migration order by rowid`.execute(
        store.db,
      );
      expect(applied.rows.map((row) => row.name)).toEqual(migrationNames);
      expect(
        await store.db
          .selectFrom('clients')
          .select(['full_name', 'date_of_birth', 'state', 'tags'])
          .execute(),
      ).toEqual([{ full_name: 'Old Build Client', date_of_birth: '1970-01-02', state: 'OR', tags: '[]' }]);
      await store.close();
    },
  );
});
