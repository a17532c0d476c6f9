import { existsSync } from 'node:fs';
import { copyFile, mkdir, rm, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { Kysely } from 'kysely';
import { recordAccessEvent } from '../audit/access-events';
import { deriveSubkey } from '../crypto/key-derivation';
import type { AdvocaseDatabase } from '../db/schema';
import { inspectEncryptedDatabase, writeEncryptedSnapshot } from '../db/sqlite/encrypted-snapshot';
import { dataFilePaths } from '../storage/data-directory';
import { storedFilePath } from '../vault/vault-storage';
import {
  databaseEntry,
  keyringEntry,
  vaultEntryName,
  writeBackupArchive,
  type ArchiveSource,
} from './backup-archive';
import { checkBackupContents, checkBackupFile, type BackupContents } from './backup-contents';
import { assertFolderAvailable, backupFileName } from './backup-files';
import { beginPhase, throwIfCancelled, type WorkProgress } from './backup-progress';

export type CreateBackupOptions = {
  readonly db: Kysely<AdvocaseDatabase>;
  readonly dataDirectory: string;
  /** Lent by the session for this one backup; used to check the copy, never written anywhere. */
  readonly dataKey: Buffer;
  readonly folder: string;
  readonly actor: string;
  readonly progress: WorkProgress;
  readonly now?: () => number;
};

export type CreatedBackup = {
  readonly path: string;
  readonly name: string;
  readonly contents: BackupContents;
};

/** Scratch space for the database snapshot, inside the data folder (same disk, same protection). */
function stagingFolder(dataDirectory: string): string {
  return join(dataDirectory, 'backup-staging');
}

/**
 * Writes one verified backup into `folder`: a consistent encrypted snapshot of the database, the
 * key file and every vault file the snapshot names, as they are (ciphertext). Then reads it back
 * and checks it; a backup that fails its check is removed and reported, never kept as good.
 */
export async function createBackup(options: CreateBackupOptions): Promise<CreatedBackup> {
  const { db, dataDirectory, dataKey, folder, progress } = options;
  const createdAt = new Date((options.now ?? Date.now)());
  await assertFolderAvailable(folder);
  const staging = stagingFolder(dataDirectory);
  // A crash during an earlier backup may have left a snapshot here (ciphertext only).
  await rm(staging, { recursive: true, force: true });
  await mkdir(staging, { recursive: true, mode: 0o700 });
  try {
    beginPhase(progress, 'Copying the database', 0);
    const snapshotPath = join(staging, databaseEntry);
    await writeEncryptedSnapshot(db, snapshotPath);
    // The key file is copied beside the snapshot: a key rotation after this point must not mix in.
    const keyringPath = join(staging, keyringEntry);
    await copyFile(dataFilePaths(dataDirectory).keyring, keyringPath);
    throwIfCancelled(progress);
    const databaseKey = deriveSubkey(dataKey, 'database');
    const { storageIds } = (() => {
      try {
        return inspectEncryptedDatabase(snapshotPath, databaseKey);
      } finally {
        databaseKey.fill(0);
      }
    })();
    const sources: ArchiveSource[] = [
      { name: keyringEntry, path: keyringPath },
      { name: databaseEntry, path: snapshotPath },
      ...storageIds
        .map((id) => ({ name: vaultEntryName(id), path: storedFilePath(dataDirectory, id) }))
        .filter((source) => existsSync(source.path)),
    ];
    let totalBytes = 0;
    for (const source of sources) totalBytes += (await stat(source.path)).size;
    beginPhase(progress, 'Writing the backup', totalBytes);
    const path = await freePath(folder, createdAt);
    await writeBackupArchive(path, createdAt.toISOString(), sources, progress);
    let contents: BackupContents;
    try {
      contents = await checkBackupContents(path, await checkBackupFile(path, progress), dataKey, progress);
    } catch (error) {
      await rm(path, { force: true });
      throw error;
    }
    // An access event (docs/security.md §5): sizes and counts only, never the file's path.
    await recordAccessEvent(db, options.actor, 'backup', {
      sizeBytes: contents.sizeBytes,
      documents: contents.documents,
      isVerified: true,
    });
    return { path, name: basename(path), contents };
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

async function freePath(folder: string, createdAt: Date): Promise<string> {
  for (let attempt = 0; ; attempt += 1) {
    const path = join(folder, backupFileName(createdAt, attempt));
    if (!existsSync(path)) return path;
  }
}
