import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrations } from '../../src/core/db/migrations';
import { openStore } from '../../src/core/db/store';
import { useTemporaryDataDirectory } from '../helpers/temporary-data-directory';

const newDataDirectory = useTemporaryDataDirectory();
const names = Object.keys(migrations);

describe('migration 0095 (denial notices read into cases)', () => {
  it('adds the table of recorded notices to a database from the migration before', async () => {
    const path = join(newDataDirectory(), 'advocase.db');
    const dataKey = randomBytes(32);
    const previous = names[names.indexOf('0095-case-denial-notices') - 1]!;
    const old = await openStore(path, dataKey, { upTo: previous });
    expect((await old.db.introspection.getTables()).map((table) => table.name)).not.toContain(
      'case_denial_notices',
    );
    await old.close();

    const store = await openStore(path, dataKey);
    const table = (await store.db.introspection.getTables()).find(
      (candidate) => candidate.name === 'case_denial_notices',
    );
    expect(table?.columns.map((column) => column.name)).toEqual([
      'id',
      'case_id',
      'event_id',
      'document_id',
      'reference_number',
      'reason_text',
      'reason_category',
      'policy_cited',
      'denial_code',
      'stated_window',
      'plan_type',
      'notice_check',
      'created_at',
      'updated_at',
      'deleted_at',
    ]);
    await store.close();
  });
});
