import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { migrationBefore, useStoreAtMigration } from '../helpers/migration-store';

const storeAt = useStoreAtMigration();

describe('migration 0042', () => {
  it('adds the letters and letter_templates tables to a store made before it', async () => {
    const old = await storeAt(migrationBefore('0042-letters'));
    expect(await old.tableNames()).not.toContain('letters');
    const after = await old.migrateTo('0042-letters');
    const columns = await sql<{ name: string }>`select name from pragma_table_info('letters')`.execute(
      after.db,
    );
    expect(columns.rows.map((row) => row.name)).toEqual([
      'id',
      'case_id',
      'template_id',
      'title',
      'kind',
      'body',
      'enclosure_document_ids',
      'status',
      'sent_on',
      'sent_via',
      'created_at',
      'updated_at',
      'deleted_at',
    ]);
    const templateColumns = await sql<{
      name: string;
    }>`select name from pragma_table_info('letter_templates')`.execute(after.db);
    expect(templateColumns.rows.map((row) => row.name)).toContain('template_key');
    await after.close();
  });
});
