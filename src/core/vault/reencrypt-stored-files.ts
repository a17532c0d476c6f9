import { mkdir, open, readdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { AppError } from '../errors';
import { ChunkEncryptor } from './chunked-encryption';
import { decryptStoredFile, storedFilePath, vaultFolders } from './vault-storage';

/** Every stored file's id, from the folder itself: files no row names yet are rotated too. */
export async function listStoredFileIds(dataDirectory: string): Promise<string[]> {
  const { objects } = vaultFolders(dataDirectory);
  const shards = await readdir(objects).catch(() => [] as string[]);
  const ids: string[] = [];
  for (const shard of shards.sort()) {
    const names = await readdir(join(objects, shard)).catch(() => [] as string[]);
    ids.push(...names.filter((name) => /^[0-9a-f]{32}$/.test(name)).sort());
  }
  return ids;
}

async function opensWith(dataDirectory: string, storageId: string, vaultKey: Buffer): Promise<boolean> {
  try {
    await decryptStoredFile(dataDirectory, storageId, vaultKey, () => undefined);
    return true;
  } catch (error) {
    if (error instanceof AppError && error.code === 'DATA_DAMAGED') return false;
    throw error;
  }
}

export type ReencryptOutcome = 'reencrypted' | 'already' | 'damaged';

/**
 * Re-encrypts one stored file from the old vault key to the new, for key rotation: decrypted
 * chunk by chunk (plaintext only in memory) into a new file beside the vault, flushed, then
 * renamed over the old one, so a crash leaves one whole file under one key or the other. A
 * file already under the new key is left alone (a rotation resumed after a crash); one that
 * fails under both keys is reported damaged and left as it was.
 */
export async function reencryptStoredFile(
  dataDirectory: string,
  storageId: string,
  oldVaultKey: Buffer,
  newVaultKey: Buffer,
): Promise<ReencryptOutcome> {
  if (await opensWith(dataDirectory, storageId, newVaultKey)) return 'already';
  const { incoming } = vaultFolders(dataDirectory);
  const temporaryPath = join(incoming, `${storageId}.rotating`);
  const encryptor = new ChunkEncryptor(newVaultKey, storageId);
  await mkdir(incoming, { recursive: true, mode: 0o700 });
  const file = await open(temporaryPath, 'w', 0o600);
  try {
    await file.write(encryptor.header);
    await decryptStoredFile(dataDirectory, storageId, oldVaultKey, async (plaintext) => {
      for (const sealed of encryptor.push(plaintext)) await file.write(sealed);
    });
    await file.write(encryptor.finish());
    await file.sync();
  } catch (error) {
    encryptor.abandon();
    await file.close();
    await rm(temporaryPath, { force: true });
    if (error instanceof AppError && error.code === 'DATA_DAMAGED') return 'damaged';
    throw error;
  }
  await file.close();
  await rename(temporaryPath, storedFilePath(dataDirectory, storageId));
  return 'reencrypted';
}
