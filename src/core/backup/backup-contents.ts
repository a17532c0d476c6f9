import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deriveSubkey } from '../crypto/key-derivation';
import { Keyring } from '../crypto/keyring';
import { inspectEncryptedDatabase } from '../db/sqlite/encrypted-snapshot';
import { AppError } from '../errors';
import { ChunkDecryptor } from '../vault/chunked-encryption';
import {
  checkEntryChecksums,
  damagedBackup,
  databaseEntry,
  describeEntry,
  extractEntry,
  keyringEntry,
  readBackupIndex,
  readEntry,
  storageIdOfEntry,
  totalEntryBytes,
  vaultEntryName,
  type ArchiveIndex,
} from './backup-archive';
import { beginPhase, type WorkProgress } from './backup-progress';

/** What a backup holds, shown before anything is restored. */
export type BackupContents = {
  readonly createdAt: string;
  readonly sizeBytes: number;
  readonly clients: number;
  readonly cases: number;
  readonly documents: number;
  readonly vaultFiles: number;
};

function counted(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** "3 clients, 4 cases and 1 document", for messages about a backup. */
export function describeHoldings(contents: BackupContents): string {
  return `${counted(contents.clients, 'client', 'clients')}, ${counted(contents.cases, 'case', 'cases')} and ${counted(contents.documents, 'document', 'documents')}`;
}

/** What the check covered: "every byte, the database and all 3 document files". */
export function describeCheckedParts(contents: BackupContents): string {
  if (contents.vaultFiles === 0) return 'every byte and the database';
  const files =
    contents.vaultFiles === 1 ? 'its 1 document file' : `all ${contents.vaultFiles} document files`;
  return `every byte, the database and ${files}`;
}

/** The passphrase or the recovery key that were current when the backup was made. */
export type BackupSecret = { readonly passphrase: string } | { readonly recoveryKey: string };

/** A private scratch folder for ciphertext taken out of a backup; removed when the work is done. */
export async function withScratchFolder<T>(work: (folder: string) => Promise<T>): Promise<T> {
  const folder = await mkdtemp(join(tmpdir(), 'advocase-backup-'));
  try {
    return await work(folder);
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

/** Checks every byte against the backup's checksums (no key needed). */
export async function checkBackupFile(path: string, progress: WorkProgress): Promise<ArchiveIndex> {
  const index = await readBackupIndex(path);
  beginPhase(progress, 'Checking every byte of the backup', totalEntryBytes(index));
  await checkEntryChecksums(path, index, progress);
  return index;
}

/** Opens the backup's own key file (not this computer's) with the secret; returns its data key. */
export async function unlockBackup(path: string, index: ArchiveIndex, secret: BackupSecret): Promise<Buffer> {
  const entry = index.entries.find((candidate) => candidate.name === keyringEntry)!;
  return withScratchFolder(async (folder) => {
    const keyringPath = join(folder, keyringEntry);
    await extractEntry(path, entry, keyringPath);
    const keyring = new Keyring(keyringPath);
    try {
      return 'passphrase' in secret
        ? await keyring.openWithPassphrase(secret.passphrase)
        : await keyring.openWithRecoveryKey(secret.recoveryKey);
    } catch (error) {
      if (error instanceof AppError && error.code === 'WRONG_PASSPHRASE') {
        throw new AppError(
          'WRONG_PASSPHRASE',
          'That passphrase does not open this backup. Use the passphrase you had when the backup was made, or its recovery key.',
          'passphrase',
        );
      }
      if (error instanceof AppError && error.code === 'WRONG_RECOVERY_KEY') {
        throw new AppError(
          'WRONG_RECOVERY_KEY',
          'That recovery key does not open this backup. Use the recovery key that was current when the backup was made.',
          'recoveryKey',
        );
      }
      throw error;
    }
  });
}

/**
 * Proves the contents with the keys: the database inside passes PRAGMA integrity_check, every
 * vault file the database names is there, and every vault chunk passes its AES-GCM tag.
 * Decrypted vault chunks are zeroed at once; nothing is written in the clear.
 */
export async function checkBackupContents(
  path: string,
  index: ArchiveIndex,
  dataKey: Buffer,
  progress: WorkProgress,
): Promise<BackupContents> {
  const inspection = await withScratchFolder(async (folder) => {
    const databaseKey = deriveSubkey(dataKey, 'database');
    try {
      const copyPath = join(folder, databaseEntry);
      const entry = index.entries.find((candidate) => candidate.name === databaseEntry)!;
      beginPhase(progress, 'Checking the database in the backup', entry.size);
      await extractEntry(path, entry, copyPath, progress);
      return inspectEncryptedDatabase(copyPath, databaseKey);
    } catch (error) {
      if (error instanceof AppError && error.code === 'DATA_DAMAGED') {
        throw damagedBackup('its database cannot be read with its key');
      }
      throw error;
    } finally {
      databaseKey.fill(0);
    }
  });
  if (inspection.integrity !== 'ok') throw damagedBackup('its database failed the integrity check');
  const names = new Set(index.entries.map((entry) => entry.name));
  const missing = inspection.storageIds.filter((id) => !names.has(vaultEntryName(id)));
  if (missing.length > 0)
    throw damagedBackup(
      `${counted(missing.length, 'stored document file is', 'stored document files are')} missing from it`,
    );

  const vaultEntries = index.entries.filter((entry) => storageIdOfEntry(entry.name) !== null);
  beginPhase(
    progress,
    'Checking the documents in the backup',
    vaultEntries.reduce((sum, entry) => sum + entry.size, 0),
  );
  const vaultKey = deriveSubkey(dataKey, 'vault');
  try {
    for (const entry of vaultEntries) {
      const decryptor = new ChunkDecryptor(vaultKey, storageIdOfEntry(entry.name)!);
      try {
        await readEntry(
          path,
          entry,
          (piece) => decryptor.push(piece).forEach((chunk) => chunk.fill(0)),
          progress,
        );
        decryptor.finish().fill(0);
      } catch (error) {
        if (error instanceof AppError && error.code === 'DATA_DAMAGED') {
          throw damagedBackup(`${describeEntry(entry.name)} failed its integrity check`);
        }
        throw error;
      }
    }
  } finally {
    vaultKey.fill(0);
  }
  return {
    createdAt: index.createdAt,
    sizeBytes: totalEntryBytes(index),
    clients: inspection.clients,
    cases: inspection.cases,
    documents: inspection.documents,
    vaultFiles: vaultEntries.length,
  };
}
