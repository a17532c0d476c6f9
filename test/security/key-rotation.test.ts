import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { deriveSubkey } from '../../src/core/crypto/key-derivation';
import { Keyring } from '../../src/core/crypto/keyring';
import { openEncryptedSqlite } from '../../src/core/db/sqlite/open-encrypted-sqlite';
import { writeFileAtomically } from '../../src/core/storage/atomic-file';
import { listStoredFileIds } from '../../src/core/vault/reencrypt-stored-files';
import { localStoredFiles } from '../../src/core/vault/local-stored-files';
import { runAdvocase } from '../helpers/run-cli-in-process';
import { useTemporaryDataDirectory } from '../helpers/temporary-data-directory';
import { addFile, makePdf, openTestVault, passphrase } from '../vault/vault-helpers';

const newDataDirectory = useTemporaryDataDirectory();

/** A data folder with a client, a case and `files` documents in the vault, locked. */
async function storeWithDocuments(files: number) {
  const dataDirectory = newDataDirectory();
  const vault = await openTestVault(dataDirectory);
  const { recoveryKey } = await (async () => {
    // openTestVault set the store up; a known recovery key is needed to show the old one stops working.
    const keyring = new Keyring(join(dataDirectory, 'keyring.json'));
    const dataKey = await keyring.openWithPassphrase(passphrase);
    return { recoveryKey: await keyring.replaceRecoveryKey(dataKey) };
  })();
  for (let index = 0; index < files; index += 1) {
    await addFile(
      vault.call,
      `note-${index}.pdf`,
      await makePdf([`Clinical note ${index}`, 'x'.repeat(4000)]),
      {
        caseId: vault.caseId,
      },
    );
  }
  await vault.session.lock();
  return {
    ...vault,
    dataDirectory,
    recoveryKey,
    oldKeyring: readFileSync(join(dataDirectory, 'keyring.json'), 'utf8'),
  };
}

/** What an attacker holding a copy of the old keyring.json and the old passphrase can open now. */
async function whatTheOldKeyOpens(dataDirectory: string, oldKeyring: string) {
  const copy = join(newDataDirectory(), 'old-keyring.json');
  await writeFileAtomically(copy, oldKeyring);
  const oldKey = await new Keyring(copy).openWithPassphrase(passphrase);
  let database = true;
  try {
    openEncryptedSqlite(
      join(dataDirectory, 'advocase.db'),
      deriveSubkey(oldKey, 'database'),
    ).connection.close();
  } catch {
    database = false;
  }
  const oldVaultKey = deriveSubkey(oldKey, 'vault');
  const files = await listStoredFileIds(dataDirectory);
  const opened = [];
  for (const id of files)
    if ((await localStoredFiles(dataDirectory, oldVaultKey).check(id)) === 'ok') opened.push(id);
  return { database, vaultFiles: opened.length, of: files.length };
}

describe('rotating the encryption key', () => {
  it('re-encrypts the vault and the database: the old keyring, passphrase and recovery key open nothing', async () => {
    const { dataDirectory, call, session, recoveryKey, oldKeyring, clientId } = await storeWithDocuments(3);
    await call('session.unlock', { passphrase });
    const rotated = await call('session.rotateKey', { passphrase });
    expect(rotated.recoveryKey).toMatch(/^([0-9A-Z]{4}-){7}[0-9A-Z]{4}$/);
    expect(rotated.recoveryKey).not.toBe(recoveryKey);
    // Everything still there, every file verifies under the new key.
    expect((await call('clients.get', { clientId })).client.fullName).toBe('Zoë Example');
    expect(await call('vault.verify', {})).toMatchObject({ checkedFiles: 3, failures: [] });
    const accesses = await session.useStore(({ db }) =>
      db.selectFrom('audit_log').select('after').where('action', '=', 'access').execute(),
    );
    expect(accesses.map((entry) => JSON.parse(entry.after!) as { event: string }).at(-1)).toEqual({
      event: 'key_rotation',
      vaultFiles: 3,
      damagedVaultFiles: 0,
      wasResumed: false,
    });
    await session.lock();

    expect(await whatTheOldKeyOpens(dataDirectory, oldKeyring)).toEqual({
      database: false,
      vaultFiles: 0,
      of: 3,
    });
    const keyring = new Keyring(join(dataDirectory, 'keyring.json'));
    await expect(keyring.openWithRecoveryKey(recoveryKey)).rejects.toMatchObject({
      code: 'WRONG_RECOVERY_KEY',
    });
    await keyring.openWithRecoveryKey(rotated.recoveryKey);
    expect(existsSync(join(dataDirectory, 'key-rotation.json'))).toBe(false);
    expect(existsSync(join(dataDirectory, 'keyring.next.json'))).toBe(false);
  });

  it('is not a lock: while the store is re-encrypted, status says unlocked and calls wait for it', async () => {
    const { call, session, clientId } = await storeWithDocuments(2);
    await call('session.unlock', { passphrase });
    let finished = false;
    const rotation = call('session.rotateKey', { passphrase }).finally(() => (finished = true));
    // Asked all through the rotation, as the renderer's 15-second check may be: never "locked",
    // and a call made while the store is closed for re-encryption waits for it.
    const seen = new Set<string>();
    const reads: Promise<unknown>[] = [];
    while (!finished) {
      seen.add(session.status().state);
      if (reads.length < 20) reads.push(call('clients.get', { clientId }));
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
    expect((await rotation).recoveryKey).toMatch(/\S/);
    expect([...seen]).toEqual(['unlocked']);
    for (const read of reads) await expect(read).resolves.toMatchObject({ client: { id: clientId } });
  });

  it('finishes at the next unlock when the process doing it was killed half way', async () => {
    const { dataDirectory, call, session, oldKeyring, clientId } = await storeWithDocuments(40);
    const journalPath = join(dataDirectory, 'key-rotation.json');
    // `advocase rotate-key` in a child process, killed once the journal shows a few files done.
    const child = spawn(process.execPath, ['bin/advocase.mjs', 'rotate-key'], {
      env: { ...process.env, ADVOCASE_DATA_DIR: dataDirectory, ADVOCASE_PASSPHRASE: passphrase },
      stdio: 'ignore',
    });
    const exited = new Promise<NodeJS.Signals | null>((resolve) =>
      child.on('exit', (_code, signal) => resolve(signal)),
    );
    const killedAt = await new Promise<{ step: string; vaultFilesDone: number }>((resolve, reject) => {
      const timer = setInterval(() => {
        let journal: { step: string; vaultFilesDone: number } | null = null;
        try {
          journal = JSON.parse(readFileSync(journalPath, 'utf8')) as { step: string; vaultFilesDone: number };
        } catch {
          return;
        }
        if (journal.vaultFilesDone >= 2) {
          child.kill('SIGKILL');
          clearInterval(timer);
          resolve(journal);
        }
      }, 2);
      child.on('exit', () => {
        clearInterval(timer);
        reject(new Error('The rotation finished before it could be interrupted.'));
      });
    });
    expect(await exited).toBe('SIGKILL');
    expect(killedAt.step).toBe('vault');
    expect(existsSync(join(dataDirectory, 'keyring.next.json'))).toBe(true);

    const unlocked = await call('session.unlock', { passphrase });
    expect(unlocked.recoveryKeyAfterRotation).toMatch(/^([0-9A-Z]{4}-){7}[0-9A-Z]{4}$/);
    expect((await call('clients.get', { clientId })).client.fullName).toBe('Zoë Example');
    expect(await call('vault.verify', {})).toMatchObject({ checkedFiles: 40, failures: [] });
    expect((await call('audit.verify', {})).isIntact).toBe(true);
    await session.lock();
    expect(existsSync(journalPath)).toBe(false);
    expect(await whatTheOldKeyOpens(dataDirectory, oldKeyring)).toEqual({
      database: false,
      vaultFiles: 0,
      of: 40,
    });
    await new Keyring(join(dataDirectory, 'keyring.json')).openWithRecoveryKey(
      unlocked.recoveryKeyAfterRotation!,
    );
  }, 120_000);

  it('is offered on the command line, and refuses a wrong passphrase with exit 2', async () => {
    const { dataDirectory, oldKeyring } = await storeWithDocuments(1);
    const env = { ADVOCASE_DATA_DIR: dataDirectory, ADVOCASE_PASSPHRASE: passphrase };
    const wrong = await runAdvocase(['rotate-key'], {
      ...env,
      ADVOCASE_PASSPHRASE: 'not the right one at all',
    });
    expect(wrong.code).toBe(2);
    const done = await runAdvocase(['rotate-key'], env);
    expect(done.code).toBe(0);
    expect(done.stdout).toMatch(
      /^The encryption key was replaced\.\nNew recovery key: ([0-9A-Z]{4}-){7}[0-9A-Z]{4}\n/,
    );
    expect(await whatTheOldKeyOpens(dataDirectory, oldKeyring)).toEqual({
      database: false,
      vaultFiles: 0,
      of: 1,
    });
  });
});
