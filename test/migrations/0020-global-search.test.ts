import { describe, expect, it } from 'vitest';
import { searchEverything } from '../../src/core/search/search-everything';
import { migrationBefore, useStoreAtMigration } from '../helpers/migration-store';

const storeAt = useStoreAtMigration();
const now = '2026-01-05T10:00:00.000Z';

describe('migration 0020-global-search', () => {
  it('indexes the clients, cases and events written before it, except trashed ones', async () => {
    const old = await storeAt(migrationBefore('0020-global-search'));
    await old.seed(
      `INSERT INTO clients (id, full_name, created_at, updated_at, deleted_at) VALUES
         (1, 'Zoë Okafor', '${now}', '${now}', NULL),
         (2, 'Zoë Trashed', '${now}', '${now}', '${now}')`,
      `INSERT INTO cases (id, client_id, treatment, payer, stage, priority, opened_on, created_at, updated_at)
         VALUES (7, 1, 'tms', 'Cigna', 'intake', 'normal', '2026-01-05', '${now}', '${now}')`,
      `INSERT INTO events (case_id, type, occurred_at, summary, details, created_at)
         VALUES (7, 'phone_call', '${now}', 'Called Cigna', '{"repName":"Ines","referenceNumber":"CG-7781"}', '${now}')`,
    );

    const upgraded = await old.migrateTo();
    const zoe = await searchEverything(upgraded.db, { text: 'zoe', limitPerKind: 8 });
    expect(zoe.groups.map((group) => [group.kind, group.results.map((result) => result.title)])).toEqual([
      ['client', ['Zoë Okafor']],
      ['case', ['C-00007 · Zoë Okafor']],
    ]);
    const call = await searchEverything(upgraded.db, { text: 'CG-7781', limitPerKind: 8 });
    expect(call.groups.map((group) => group.kind)).toEqual(['event']);
    await upgraded.close();
  });
});
