import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createHandlers } from '../../src/core/api/create-handlers';
import { dispatch } from '../../src/core/api/dispatch';
import { environmentBackupHost } from '../../src/core/backup/backup-host';
import { backupsToRemove } from '../../src/core/backup/backup-retention';
import { Session } from '../../src/core/session/session';
import type { MethodInput, MethodName, MethodOutput } from '../../src/shared/contract/index';
import type { ApiError } from '../../src/shared/result';
import { testPassphrase } from '../helpers/contract-session';
import { useTemporaryDataDirectory } from '../helpers/temporary-data-directory';

const newFolder = useTemporaryDataDirectory();

/** A session whose backup folder comes from ADVOCASE_BACKUP_DIR, as in the web harness. */
async function backupSession(options: { runsAutomaticBackups?: boolean; now?: () => number } = {}) {
  const dataDirectory = newFolder();
  const backupFolder = newFolder();
  const session = new Session({ dataDirectory, actor: 'navigator', now: options.now });
  const handlers = createHandlers(
    session,
    environmentBackupHost(
      { ADVOCASE_BACKUP_DIR: backupFolder },
      { runsAutomaticBackups: options.runsAutomaticBackups ?? false },
    ),
  );
  const call = async <M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>> => {
    const result = await dispatch(handlers, method, input);
    if (!result.ok) throw new Error(`${method} failed: ${result.error.message}`);
    return result.value as MethodOutput<M>;
  };
  const failure = async (method: MethodName, input: unknown): Promise<ApiError> => {
    const result = await dispatch(handlers, method, input);
    if (result.ok) throw new Error(`${method} should have failed`);
    return result.error;
  };
  const { recoveryKey } = await call('session.initialize', { passphrase: testPassphrase });
  return { session, call, failure, dataDirectory, backupFolder, recoveryKey };
}

describe('backups through the contract', () => {
  it('asks for a folder first, then backs up, reports the status and lists the backup', async () => {
    const { call, failure, backupFolder } = await backupSession();
    expect((await call('backup.status', {})).isOverdue).toBe(true);
    expect((await failure('backup.create', {})).message).toBe(
      'Choose a backup folder first (Settings → Backups → Choose folder).',
    );
    expect((await call('backup.chooseFolder', {})).folder).toBe(backupFolder);
    await call('clients.create', { fullName: 'Status Client', state: 'OR' });
    const created = await call('backup.create', {});
    expect(created).toMatchObject({ clients: 1, cases: 0, documents: 0 });
    const status = await call('backup.status', {});
    expect(status).toMatchObject({ isOverdue: false, lastFailure: null, running: null });
    expect(status.lastBackup).toMatchObject({ name: created.name, isVerified: true });
    const listed = await call('backup.list', {});
    expect(listed.backups.map((backup) => backup.name)).toEqual([created.name]);
    const checked = await call('backup.verify', { id: listed.backups[0]!.id });
    expect(checked.message).toMatch(/^Backup checked: every byte/);
  });

  it('accepts no path for a backup: an id it did not hand out is refused', async () => {
    const { failure } = await backupSession();
    const error = await failure('backup.verify', { id: '/etc/passwd' });
    expect(error).toMatchObject({ code: 'NOT_FOUND', field: 'id' });
    expect((await failure('backup.prepareRestore', { id: '../x', passphrase: 'p', path: '/tmp' })).code).toBe(
      'INVALID_INPUT',
    );
  });

  it('shows what a backup holds before replacing anything, then restores it and keeps the old data aside', async () => {
    const { session, call, failure, dataDirectory } = await backupSession();
    await call('backup.chooseFolder', {});
    await call('clients.create', { fullName: 'In The Backup', state: 'WA' });
    await call('backup.create', {});
    await call('clients.create', { fullName: 'Added After The Backup', state: 'WA' });
    const [backup] = (await call('backup.list', {})).backups;

    expect(
      await failure('backup.prepareRestore', { id: backup!.id, passphrase: 'not the passphrase' }),
    ).toMatchObject({
      code: 'WRONG_PASSPHRASE',
      field: 'passphrase',
    });
    const preview = await call('backup.prepareRestore', { id: backup!.id, passphrase: testPassphrase });
    expect(preview).toMatchObject({ name: backup!.name, clients: 1, cases: 0, documents: 0 });
    // Nothing replaced yet: the data is still the current one, and still open.
    const before = await call('clients.list', {});
    expect(before.map((client) => client.fullName).sort()).toEqual([
      'Added After The Backup',
      'In The Backup',
    ]);

    const { setAsideFolder } = await call('backup.restore', {});
    expect(session.status().state).toBe('locked');
    expect(setAsideFolder && existsSync(join(setAsideFolder, 'advocase.db'))).toBe(true);
    await call('session.unlock', { passphrase: testPassphrase });
    const after = await call('clients.list', {});
    expect(after.map((client) => client.fullName)).toEqual(['In The Backup']);
    expect(readdirSync(dataDirectory).some((name) => name.includes('restoring'))).toBe(false);
    await session.lock();
  });

  it('backs up at lock when the last backup is more than a day old, and not again the same day', async () => {
    let clock = Date.parse('2026-12-01T09:00:00Z');
    const { session, call, backupFolder } = await backupSession({
      runsAutomaticBackups: true,
      now: () => clock,
    });
    await call('backup.chooseFolder', {});
    await call('session.lock', {});
    expect(readdirSync(backupFolder)).toHaveLength(1);
    await call('session.unlock', { passphrase: testPassphrase });
    clock += 60 * 60 * 1000;
    await call('session.lock', {});
    expect(readdirSync(backupFolder)).toHaveLength(1);
    await call('session.unlock', { passphrase: testPassphrase });
    // A day of use: activity every three hours keeps the auto-lock (set to its longest) away.
    await call('settings.update', { autoLockMinutes: 240 });
    for (let hour = 0; hour < 24; hour += 3) {
      clock += 3 * 60 * 60 * 1000;
      await call('clients.list', {});
    }
    const status = await call('backup.status', {});
    expect(status.isOverdue).toBe(true);
    await call('session.lock', {});
    expect(readdirSync(backupFolder)).toHaveLength(2);
    for (const name of readdirSync(backupFolder))
      expect(readFileSync(join(backupFolder, name)).includes('navigator')).toBe(false);
    expect(session.status().state).toBe('locked');
  });

  it('reports a failing backup in the status until a good one follows', async () => {
    const { call, backupFolder } = await backupSession();
    await call('backup.chooseFolder', {});
    const { rmSync } = await import('node:fs');
    rmSync(backupFolder, { recursive: true });
    await expect(call('backup.create', {})).rejects.toThrow('The backup folder is not available');
    const status = await call('backup.status', {});
    expect(status.lastFailure?.message).toBe(
      'The backup folder is not available. Connect the drive it is on, or choose another folder.',
    );
  });
});

describe('which backups are kept', () => {
  const at = (iso: string) => ({ name: iso, createdAt: new Date(iso).toISOString() });

  it('keeps the newest of each of the last seven days, then one a week, up to the limit', () => {
    // 30 daily backups at 09:00 local time, 1-30 November 2026, plus a second one on the 30th.
    const backups = Array.from({ length: 30 }, (_, index) =>
      at(`2026-11-${String(index + 1).padStart(2, '0')}T09:00:00`),
    );
    backups.push(at('2026-11-30T17:00:00'));
    const removed = new Set(backupsToRemove(backups, 14).map((backup) => backup.name));
    const kept = backups
      .filter((backup) => !removed.has(backup.name))
      .map((backup) => backup.name.slice(0, 16));
    // 30 Nov (the later one), 29 … 24 Nov, then the newest of each earlier Monday-based week.
    expect(kept.sort().reverse()).toEqual([
      '2026-11-30T17:00',
      '2026-11-29T09:00',
      '2026-11-28T09:00',
      '2026-11-27T09:00',
      '2026-11-26T09:00',
      '2026-11-25T09:00',
      '2026-11-24T09:00',
      '2026-11-22T09:00',
      '2026-11-15T09:00',
      '2026-11-08T09:00',
      '2026-11-01T09:00',
    ]);
  });

  it('never removes the only backup, and removes nothing while under the limit of distinct days', () => {
    expect(backupsToRemove([at('2026-11-01T09:00:00')], 1)).toEqual([]);
    const three = [at('2026-11-01T09:00:00'), at('2026-11-02T09:00:00'), at('2026-11-03T09:00:00')];
    expect(backupsToRemove(three, 14)).toEqual([]);
  });
});
