import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Store } from '../db/store';
import { inTransaction } from '../db/in-transaction';
import { allStorageIds, blobsWithoutDocuments, takeOrphanedBlobs } from './document-repository';
import { destroyStoredFile, vaultFolders } from './vault-storage';

/**
 * What a crash between the steps of filing a document can leave (docs/security.md §6): an encrypted file
 * in `vault/objects/` that no row records, and a stored-file row no document uses. Neither holds
 * anything readable without the database; both only take space and cloud the integrity check.
 */
export type VaultLeftovers = {
  /** Storage ids of files on disk with no row. */
  readonly filesWithoutRecord: readonly string[];
  /** Storage ids of rows with no document. */
  readonly recordsWithoutDocument: readonly string[];
};

/**
 * A file this young may be an upload being filed at this moment (written and moved into place,
 * its row not yet committed), so it is not called a leftover.
 */
const uploadInFlightMs = 60 * 60 * 1000;

async function storedFilesOnDisk(dataDirectory: string): Promise<{ storageId: string; path: string }[]> {
  const objects = vaultFolders(dataDirectory).objects;
  const shards = await readdir(objects).catch(() => []);
  const files = await Promise.all(
    shards
      .filter((shard) => /^[0-9a-f]{2}$/.test(shard))
      .map(async (shard) =>
        (await readdir(join(objects, shard)).catch(() => []))
          .filter((name) => /^[0-9a-f]{32}$/.test(name) && name.startsWith(shard))
          .map((storageId) => ({ storageId, path: join(objects, shard, storageId) })),
      ),
  );
  return files.flat();
}

export async function findVaultLeftovers(
  store: Store,
  dataDirectory: string,
  now: number,
): Promise<VaultLeftovers> {
  const known = await allStorageIds(store.db);
  const filesWithoutRecord: string[] = [];
  for (const file of await storedFilesOnDisk(dataDirectory)) {
    if (known.has(file.storageId)) continue;
    const info = await stat(file.path).catch(() => null);
    if (info && now - info.mtimeMs >= uploadInFlightMs) filesWithoutRecord.push(file.storageId);
  }
  const recordsWithoutDocument = (await blobsWithoutDocuments(store.db)).map((row) => row.storage_id);
  return { filesWithoutRecord, recordsWithoutDocument };
}

/** Deletes the rows, then overwrites and removes the files (theirs and those without a row). */
export async function removeVaultLeftovers(
  store: Store,
  dataDirectory: string,
  leftovers: VaultLeftovers,
): Promise<void> {
  const fromRows = await inTransaction(store.db, (trx) => takeOrphanedBlobs(trx));
  for (const storageId of new Set([...leftovers.filesWithoutRecord, ...fromRows])) {
    await destroyStoredFile(dataDirectory, storageId);
  }
}
