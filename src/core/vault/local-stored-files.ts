import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { checkByReading, uploadInFlightMs, type StoredFiles } from './stored-files';
import {
  decryptStoredFile,
  destroyStoredFile,
  EncryptedFileWriter,
  storedFilePath,
  vaultFolders,
} from './vault-storage';

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

/**
 * The local store's files: each encrypted with a key of its own under the vault key, in the
 * data folder (vault-storage.ts). The vault key is lent for one piece of work and zeroed after.
 */
export function localStoredFiles(dataDirectory: string, vaultKey: Buffer): StoredFiles {
  const files: StoredFiles = {
    createWriter: () => EncryptedFileWriter.create(dataDirectory, vaultKey),
    read: (storageId, onChunk) => decryptStoredFile(dataDirectory, storageId, vaultKey, onChunk),
    check: async (storageId) =>
      (await stat(storedFilePath(dataDirectory, storageId)).then(
        () => true,
        () => false,
      ))
        ? checkByReading(files, storageId)
        : 'missing',
    destroy: (storageId) => destroyStoredFile(dataDirectory, storageId),
    unrecordedStorageIds: async (known, now) => {
      const unrecorded: string[] = [];
      for (const file of await storedFilesOnDisk(dataDirectory)) {
        if (known.has(file.storageId)) continue;
        const info = await stat(file.path).catch(() => null);
        if (info && now - info.mtimeMs >= uploadInFlightMs) unrecorded.push(file.storageId);
      }
      return unrecorded;
    },
    contentKey: async (plaintextSha256) => plaintextSha256,
    openCopyRefusal: null,
  };
  return files;
}
