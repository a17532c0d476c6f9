import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openCopiesFolder } from '../../src/core/vault/open-copies';
import { newStorageId, storedFilePath, vaultFolders } from '../../src/core/vault/vault-storage';
import { runAdvocase } from '../helpers/run-cli-in-process';
import { useTemporaryDataDirectory } from '../helpers/temporary-data-directory';
import { addFile, filesUnder, openTestVault, passphrase } from './vault-helpers';

const newDataDirectory = useTemporaryDataDirectory();
const twoHoursAgo = () => new Date(Date.now() - 2 * 60 * 60 * 1000);

/** An encrypted-looking file at a storage id's place, as a crash after the move would leave it. */
function plantStoredFile(dataDirectory: string, { ageHours }: { ageHours: number }): string {
  const storageId = newStorageId();
  const path = storedFilePath(dataDirectory, storageId);
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, randomBytes(4096));
  const when = new Date(Date.now() - ageHours * 60 * 60 * 1000);
  utimesSync(path, when, when);
  return storageId;
}

function advocase(dataDirectory: string, argv: string[]) {
  return runAdvocase(argv, { ADVOCASE_DATA_DIR: dataDirectory, ADVOCASE_PASSPHRASE: passphrase });
}

describe('leftovers of crashes (docs/security.md §6)', () => {
  it('removes partial uploads and decrypted copies at unlock', async () => {
    const dataDirectory = newDataDirectory();
    const { session } = await openTestVault(dataDirectory);
    await session.lock();
    const incoming = vaultFolders(dataDirectory).incoming;
    mkdirSync(incoming, { recursive: true });
    for (let index = 0; index < 3; index += 1)
      writeFileSync(join(incoming, newStorageId()), randomBytes(2048));
    mkdirSync(join(openCopiesFolder(dataDirectory), 'a1b2c3'), { recursive: true });
    writeFileSync(join(openCopiesFolder(dataDirectory), 'a1b2c3', 'denial.txt'), 'Denied: Zoë Example');

    await session.unlock(passphrase);
    expect(existsSync(incoming)).toBe(false);
    expect(existsSync(openCopiesFolder(dataDirectory))).toBe(false);
    await session.lock();
  });

  it('records a stored file and its document in one transaction: a refused filing leaves no row', async () => {
    const dataDirectory = newDataDirectory();
    const { call, session } = await openTestVault(dataDirectory);
    const result = await addFile(call, 'notes.txt', Buffer.from('Called the payer.'), { caseId: 999 });
    expect(result.outcome).toBe('rejected');
    const blobRows = await session.useStore(({ db }) => db.selectFrom('vault_blobs').selectAll().execute());
    expect(blobRows).toEqual([]);
    expect(filesUnder(vaultFolders(dataDirectory).root)).toEqual([]);
    await session.lock();
  });

  it('vault verify reports files with no record and records with no document, and removes them when asked', async () => {
    const dataDirectory = newDataDirectory();
    const { call, caseId, session } = await openTestVault(dataDirectory);
    const kept = await addFile(call, 'appeal.txt', Buffer.from('First-level appeal.'), { caseId });
    const strayFile = plantStoredFile(dataDirectory, { ageHours: 2 });
    const inFlight = plantStoredFile(dataDirectory, { ageHours: 0 });
    const rowWithoutDocument = plantStoredFile(dataDirectory, { ageHours: 2 });
    await session.useStore(({ db }) =>
      db
        .insertInto('vault_blobs')
        .values({
          storage_id: rowWithoutDocument,
          plaintext_sha256: 'f'.repeat(64),
          size_bytes: 10,
          created_at: twoHoursAgo().toISOString(),
        })
        .execute(),
    );
    await session.lock();

    const reported = await advocase(dataDirectory, ['vault', 'verify']);
    expect(reported.code).toBe(0);
    expect(reported.stdout).toBe(
      'All 1 stored files passed the integrity check.\n' +
        'Found 1 encrypted file(s) with no record and 1 record(s) with no document, left by interrupted uploads (unreadable, they only take space). Run advocase vault verify --remove-leftovers to remove them.\n',
    );
    expect(existsSync(storedFilePath(dataDirectory, strayFile))).toBe(true);

    const removed = await advocase(dataDirectory, ['vault', 'verify', '--remove-leftovers']);
    expect(removed.code).toBe(0);
    expect(removed.stdout).toMatch(
      /Removed 1 encrypted file\(s\) with no record and 1 record\(s\) with no document/,
    );
    expect(existsSync(storedFilePath(dataDirectory, strayFile))).toBe(false);
    expect(existsSync(storedFilePath(dataDirectory, rowWithoutDocument))).toBe(false);
    // A file written in the last hour may be an upload being filed right now: left alone.
    expect(existsSync(storedFilePath(dataDirectory, inFlight))).toBe(true);

    const again = await advocase(dataDirectory, ['vault', 'verify']);
    expect(again).toMatchObject({ code: 0, stdout: 'All 1 stored files passed the integrity check.\n' });
    await session.unlock(passphrase);
    expect(await call('vault.content', { documentId: kept.document!.id })).toMatchObject({
      data: Buffer.from('First-level appeal.').toString('base64'),
    });
    expect(
      await session.useStore(({ db }) => db.selectFrom('vault_blobs').select('id').execute()),
    ).toHaveLength(1);
    expect(readdirSync(vaultFolders(dataDirectory).objects).length).toBeGreaterThan(0);
    await session.lock();
  });
});
