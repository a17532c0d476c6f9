import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTemporaryDataDirectory } from '../../../test/helpers/temporary-data-directory';
import { openStore } from '../db/store';
import { createCase } from '../cases/cases-service';
import { createClient } from '../clients/clients-service';
import { updateSettings } from '../settings/settings-service';

const newDataDirectory = useTemporaryDataDirectory();

describe('the audit log', () => {
  it('records who created what, with the row as it was written', async () => {
    const store = await openStore(join(newDataDirectory(), 'advocase.db'), randomBytes(32));
    const client = await createClient(store.db, 'navigator-1', {
      fullName: 'Ines Duarte',
      dateOfBirth: '1970-03-31',
      state: 'FL',
    });
    const opened = await createCase(store.db, 'navigator-2', {
      clientId: client.id,
      treatment: 'iv_ketamine',
      treatmentDetail: null,
      payer: 'Humana',
      stage: 'intake',
      priority: 'high',
      openedOn: '2026-11-02',
    });
    await updateSettings(store.db, 'navigator-1', { autoLockMinutes: 30 });

    const entries = await store.db.selectFrom('audit_log').selectAll().orderBy('id').execute();
    expect(entries.map((entry) => [entry.actor, entry.table_name, entry.row_id, entry.action])).toEqual([
      ['navigator-1', 'clients', client.id, 'insert'],
      ['navigator-2', 'cases', opened.id, 'insert'],
      ['navigator-1', 'settings', 0, 'update'],
    ]);
    expect(entries[0]?.before).toBeNull();
    expect(JSON.parse(entries[0]!.after!)).toMatchObject({
      full_name: 'Ines Duarte',
      date_of_birth: '1970-03-31',
    });
    expect(JSON.parse(entries[2]!.before!)).toEqual({ autoLockMinutes: 15 });
    expect(JSON.parse(entries[2]!.after!)).toEqual({ autoLockMinutes: 30 });
    expect(entries.every((entry) => !Number.isNaN(Date.parse(entry.at)))).toBe(true);
    await store.close();
  });

  it('rolls back the row and its audit entry together when the write fails', async () => {
    const store = await openStore(join(newDataDirectory(), 'advocase.db'), randomBytes(32));
    const failure = await createCase(store.db, 'navigator-1', {
      clientId: 404,
      treatment: 'tms',
      treatmentDetail: null,
      payer: null,
      stage: 'intake',
      priority: 'normal',
      openedOn: null,
    }).catch((error: unknown) => error);
    expect(failure).toMatchObject({ code: 'NOT_FOUND', field: 'clientId' });
    expect(await store.db.selectFrom('cases').selectAll().execute()).toEqual([]);
    expect(await store.db.selectFrom('audit_log').selectAll().execute()).toEqual([]);
    await store.close();
  });
});
