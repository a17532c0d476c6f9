import type { Store } from '../db/store';
import { inTransaction } from '../db/in-transaction';
import { allStorageIds, blobsWithoutDocuments, takeOrphanedBlobs } from './document-repository';
import type { StoredFiles } from './stored-files';

/**
 * What a crash between the steps of filing a document can leave (docs/security.md §6): a stored
 * file (in `vault/objects/`, or a team database's chunks) that no row records, and a stored-file
 * row no document uses. Neither is reachable from a document; both only take space and cloud the
 * integrity check.
 */
export type VaultLeftovers = {
  /** Storage ids of stored files with no row. */
  readonly filesWithoutRecord: readonly string[];
  /** Storage ids of rows with no document. */
  readonly recordsWithoutDocument: readonly string[];
};

export async function findVaultLeftovers(
  store: Store,
  files: StoredFiles,
  now: number,
): Promise<VaultLeftovers> {
  const filesWithoutRecord = await files.unrecordedStorageIds(await allStorageIds(store.db), now);
  const recordsWithoutDocument = (await blobsWithoutDocuments(store.db)).map((row) => row.storage_id);
  return { filesWithoutRecord, recordsWithoutDocument };
}

/** Deletes the rows, then overwrites and removes the files (theirs and those without a row). */
export async function removeVaultLeftovers(
  store: Store,
  files: StoredFiles,
  leftovers: VaultLeftovers,
): Promise<void> {
  const fromRows = await inTransaction(store.db, (trx) => takeOrphanedBlobs(trx));
  for (const storageId of new Set([...leftovers.filesWithoutRecord, ...fromRows])) {
    await files.destroy(storageId);
  }
}
