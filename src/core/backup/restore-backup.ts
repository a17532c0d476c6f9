import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { recordAccessEvent } from '../audit/access-events';
import { openStore } from '../db/store';
import { AppError } from '../errors';
import { syncDirectory } from '../storage/atomic-file';
import { dataFilePaths } from '../storage/data-directory';
import { databaseEntry, extractEntry, keyringEntry, type ArchiveIndex } from './backup-archive';
import {
  checkBackupContents,
  checkBackupFile,
  unlockBackup,
  type BackupContents,
  type BackupSecret,
} from './backup-contents';
import { beginPhase, throwIfCancelled, type WorkProgress } from './backup-progress';

/** What makes a folder hold Advocase data; everything else in it (the browser profile) is left alone. */
const dataEntries = [keyringEntry, databaseEntry, `${databaseEntry}-wal`, `${databaseEntry}-shm`, 'vault'];

/** A backup checked, unlocked and unpacked beside the data folder, ready to take its place. */
export type StagedRestore = {
  readonly backupName: string;
  readonly contents: BackupContents;
  readonly stagingFolder: string;
};

export async function hasAdvocaseData(dataDirectory: string): Promise<boolean> {
  return dataEntries.some((entry) => existsSync(join(dataDirectory, entry)));
}

/**
 * Checks every byte, opens the backup with its own key file and the secret, checks the database and
 * every vault chunk, and unpacks it into a folder beside `dataDirectory`. Nothing in the data folder
 * changes yet; `discardStagedRestore` undoes this, `commitStagedRestore` finishes it.
 */
export async function stageRestore(
  backupPath: string,
  dataDirectory: string,
  secret: BackupSecret,
  actor: string,
  progress: WorkProgress,
): Promise<StagedRestore> {
  const index = await checkBackupFile(backupPath, progress);
  const dataKey = await unlockBackup(backupPath, index, secret);
  const stagingFolder = `${dataDirectory}.restoring-${randomBytes(4).toString('hex')}`;
  try {
    const contents = await checkBackupContents(backupPath, index, dataKey, progress);
    await mkdir(dirname(stagingFolder), { recursive: true });
    await mkdir(stagingFolder, { mode: 0o700 });
    await unpack(backupPath, index, stagingFolder, progress);
    // The restore is an access event in the restored data's own audit log, chained like any other entry.
    const store = await openStore(dataFilePaths(stagingFolder).database, dataKey);
    try {
      await recordAccessEvent(store.db, actor, 'restore', { backupCreatedAt: index.createdAt });
    } finally {
      await store.close();
    }
    return { backupName: basename(backupPath), contents, stagingFolder };
  } catch (error) {
    await rm(stagingFolder, { recursive: true, force: true });
    throw error;
  } finally {
    dataKey.fill(0);
  }
}

async function unpack(
  backupPath: string,
  index: ArchiveIndex,
  target: string,
  progress: WorkProgress,
): Promise<void> {
  beginPhase(
    progress,
    'Unpacking the backup',
    index.entries.reduce((sum, entry) => sum + entry.size, 0),
  );
  for (const entry of index.entries) {
    throwIfCancelled(progress);
    const path = join(target, ...entry.name.split('/'));
    await mkdir(dirname(path), { recursive: true, mode: 0o700 });
    await extractEntry(backupPath, entry, path, progress);
  }
}

export async function discardStagedRestore(staged: StagedRestore): Promise<void> {
  await rm(staged.stagingFolder, { recursive: true, force: true });
}

/**
 * Puts the staged data in place. The data already there is moved, not deleted, into a folder
 * beside it (returned), so nothing is lost if the restored data turns out to be the wrong one.
 * The data must be closed (the session locked) while this runs.
 */
export async function commitStagedRestore(
  staged: StagedRestore,
  dataDirectory: string,
  now: Date = new Date(),
): Promise<{ setAsideFolder: string | null }> {
  await mkdir(dataDirectory, { recursive: true, mode: 0o700 });
  let setAsideFolder: string | null = null;
  const present = dataEntries.filter((entry) => existsSync(join(dataDirectory, entry)));
  if (present.length > 0) {
    setAsideFolder = `${dataDirectory}-before-restore-${now.toISOString().replace(/[:.]/g, '-')}`;
    await mkdir(setAsideFolder, { mode: 0o700 });
    for (const entry of present) await rename(join(dataDirectory, entry), join(setAsideFolder, entry));
  }
  // The key file goes last: until it is in place the folder does not count as set up.
  const incoming = (await readdir(staged.stagingFolder)).sort((a, b) =>
    a === keyringEntry ? 1 : b === keyringEntry ? -1 : 0,
  );
  try {
    for (const entry of incoming) await rename(join(staged.stagingFolder, entry), join(dataDirectory, entry));
  } catch {
    await putBack(dataDirectory, setAsideFolder, present);
    throw new AppError(
      'INTERNAL',
      'The backup could not be moved into the data folder; your data was put back as it was.',
    );
  }
  await syncDirectory(dataDirectory);
  await rm(staged.stagingFolder, { recursive: true, force: true });
  return { setAsideFolder };
}

async function putBack(
  dataDirectory: string,
  setAsideFolder: string | null,
  entries: readonly string[],
): Promise<void> {
  for (const entry of dataEntries) await rm(join(dataDirectory, entry), { recursive: true, force: true });
  if (!setAsideFolder) return;
  for (const entry of entries) await rename(join(setAsideFolder, entry), join(dataDirectory, entry));
  await rm(setAsideFolder, { recursive: true, force: true });
}
