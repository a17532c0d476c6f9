import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openCopiesFolder } from '../../src/core/vault/open-copies';
import { VaultService } from '../../src/core/vault/vault-service';
import { autoLockMinutesRange } from '../../src/shared/schemas/settings';
import { useTemporaryDataDirectory } from '../helpers/temporary-data-directory';
import { addFile, openTestVault } from '../vault/vault-helpers';
import { openDatabaseHandles } from './open-database-handles';

const newDataDirectory = useTemporaryDataDirectory();

afterEach(() => {
  vi.useRealTimers();
});

/** A store unlocked with auto-lock at its minimum, one document opened "in another app". */
async function unlockedWithAnOpenCopy(dataDirectory: string) {
  const vaultTest = await openTestVault(dataDirectory);
  const { call, caseId, session } = vaultTest;
  await call('settings.update', { autoLockMinutes: autoLockMinutesRange.min });
  const opened: string[] = [];
  const vault = new VaultService(session, { openInViewer: async (path) => void opened.push(path) });
  const added = await addFile(call, 'denial letter.txt', Buffer.from('Denied: not medically necessary.'), {
    caseId,
  });
  await vault.openExternally(added.document!.id);
  return { ...vaultTest, opened };
}

describe('the idle lock (docs/security.md §1, HIPAA 164.312(a)(2)(iii) automatic logoff)', () => {
  it('closes the database, deletes the decrypted copies and says locked, with no call made', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const dataDirectory = newDataDirectory();
    const databasePath = join(dataDirectory, 'advocase.db');
    const { session, opened } = await unlockedWithAnOpenCopy(dataDirectory);
    expect(openDatabaseHandles(databasePath).length).toBeGreaterThan(0);
    expect(existsSync(opened[0]!)).toBe(true);

    await vi.advanceTimersByTimeAsync(autoLockMinutesRange.min * 60_000 + 1_000);
    await vi.waitFor(() => {
      expect(openDatabaseHandles(databasePath)).toEqual([]);
      expect(existsSync(opened[0]!)).toBe(false);
      // The folder goes after the files in it: a loaded machine can look in between.
      expect(existsSync(openCopiesFolder(dataDirectory))).toBe(false);
    });
    // Closed cleanly: the WAL was checkpointed into the database and removed.
    expect(readdirSync(dataDirectory).filter((name) => name.startsWith('advocase.db'))).toEqual([
      'advocase.db',
    ]);
    expect(session.status()).toEqual({ state: 'locked' });
  });

  it('waits while calls keep coming, and locks once they stop', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const dataDirectory = newDataDirectory();
    const databasePath = join(dataDirectory, 'advocase.db');
    const { session, call } = await unlockedWithAnOpenCopy(dataDirectory);
    for (let step = 0; step < 3; step += 1) {
      await vi.advanceTimersByTimeAsync(40_000);
      await call('clients.list', {});
    }
    expect(session.status()).toEqual({ state: 'unlocked' });
    expect(openDatabaseHandles(databasePath).length).toBeGreaterThan(0);

    await vi.advanceTimersByTimeAsync(61_000);
    await vi.waitFor(() => expect(openDatabaseHandles(databasePath)).toEqual([]));
    expect(session.status()).toEqual({ state: 'locked' });
  });

  it('runs the before-lock hooks with the store still open, and locks even when one fails', async () => {
    const dataDirectory = newDataDirectory();
    const { session } = await openTestVault(dataDirectory);
    const seen: number[] = [];
    session.onBeforeLock(async ({ store }) => {
      const row = await store.db
        .selectFrom('clients')
        .select(({ fn }) => fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      seen.push(Number(row.n));
    });
    session.onBeforeLock(async () => {
      throw new Error('backup drive missing');
    });
    expect(await session.lock()).toEqual({ state: 'locked' });
    expect(seen).toEqual([1]);
    expect(openDatabaseHandles(join(dataDirectory, 'advocase.db'))).toEqual([]);
  });
});
