import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../src/core/db/store';
import { queryCaseload } from '../../src/core/caseload/caseload-query-service';
import { caseloadQueryInputSchema } from '../../src/shared/schemas/caseload';
import { useTemporaryDataDirectory } from '../helpers/temporary-data-directory';

const newDataDirectory = useTemporaryDataDirectory();
const query = (input: unknown) => caseloadQueryInputSchema.parse(input);

describe('caseload migrations', () => {
  it('0004 fills the caseload from existing cases; 0005 makes them findable by the quick filter', async () => {
    const path = join(newDataDirectory(), 'advocase.db');
    const dataKey = randomBytes(32);
    const before = await openStore(path, dataKey, { upTo: '0003-caseload-details' });
    const now = new Date().toISOString();
    const client = await before.db
      .insertInto('clients')
      .values({ full_name: 'Hana Sato', date_of_birth: null, state: 'WA', created_at: now, updated_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (const payer of ['Premera', 'Regence']) {
      await before.db
        .insertInto('cases')
        .values({
          client_id: client.id,
          treatment: 'tms',
          payer,
          stage: 'decision',
          priority: 'high',
          opened_on: '2026-03-01',
          created_at: now,
          updated_at: now,
          deleted_at: payer === 'Regence' ? now : null,
        })
        .execute();
    }
    await before.close();

    const after = await openStore(path, dataKey);
    const all = await queryCaseload(after.db, query({}));
    expect(all.rows.map((row) => [row.clientName, row.payer, row.stage])).toEqual([
      ['Hana Sato', 'Premera', 'decision'],
    ]);
    expect((await queryCaseload(after.db, query({ quickFilter: 'premera' }))).total).toBe(1);
    expect((await queryCaseload(after.db, query({ quickFilter: 'regence' }))).total).toBe(0);
    await after.close();
  });
});
