import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrations } from '../../src/core/db/migrations';
import { openStore } from '../../src/core/db/store';
import { searchEverything } from '../../src/core/search/search-everything';
import { useTemporaryDataDirectory } from '../helpers/temporary-data-directory';

const newDataDirectory = useTemporaryDataDirectory();

describe('migration 0020-global-search', () => {
  it('indexes the clients, cases and events written before it, except trashed ones', async () => {
    const path = join(newDataDirectory(), 'advocase.db');
    const dataKey = randomBytes(32);
    const names = Object.keys(migrations);
    const old = await openStore(path, dataKey, { upTo: names[names.indexOf('0020-global-search') - 1]! });
    const now = '2026-01-05T10:00:00.000Z';
    const base = { date_of_birth: null, state: null, created_at: now, updated_at: now } as const;
    const kept = await old.db
      .insertInto('clients')
      .values({ ...base, full_name: 'Zoë Okafor' })
      .returning('id')
      .executeTakeFirstOrThrow();
    await old.db
      .insertInto('clients')
      .values({ ...base, full_name: 'Zoë Trashed', deleted_at: now })
      .execute();
    const opened = await old.db
      .insertInto('cases')
      .values({
        client_id: kept.id,
        treatment: 'tms',
        payer: 'Cigna',
        stage: 'intake',
        priority: 'normal',
        opened_on: '2026-01-05',
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await old.db
      .insertInto('events')
      .values({
        case_id: opened.id,
        type: 'phone_call',
        occurred_at: now,
        summary: 'Called Cigna',
        details: JSON.stringify({ repName: 'Ines', referenceNumber: 'CG-7781' }),
        created_at: now,
      })
      .execute();
    await old.close();

    const upgraded = await openStore(path, dataKey);
    const zoe = await searchEverything(upgraded.db, { text: 'zoe', limitPerKind: 8 });
    expect(zoe.groups.map((group) => [group.kind, group.results.map((result) => result.title)])).toEqual([
      ['client', ['Zoë Okafor']],
      ['case', [`C-${String(opened.id).padStart(5, '0')} · Zoë Okafor`]],
    ]);
    const call = await searchEverything(upgraded.db, { text: 'CG-7781', limitPerKind: 8 });
    expect(call.groups.map((group) => group.kind)).toEqual(['event']);
    await upgraded.close();
  });
});
