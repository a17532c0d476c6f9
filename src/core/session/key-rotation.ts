import { existsSync } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { deriveSubkey } from '../crypto/key-derivation';
import { Keyring } from '../crypto/keyring';
import { rekeyDatabase } from '../db/sqlite/rekey-encrypted-sqlite';
import { logger } from '../logging/logger';
import { readFileIfExists, writeFileAtomically } from '../storage/atomic-file';
import { dataFilePaths } from '../storage/data-directory';
import { listStoredFileIds, reencryptStoredFile } from '../vault/reencrypt-stored-files';

/**
 * Key rotation (docs/security.md §4): a new random data key, every vault file re-encrypted, the database
 * rekeyed, then the new keyring put in place. Changing the passphrase only re-wraps the data key;
 * rotating replaces it, so a copy of the old keyring.json plus the old passphrase (or the old
 * recovery key) opens nothing written since.
 *
 * Resumable: `keyring.next.json` holds the new key under the same passphrase from the start, and
 * `key-rotation.json` (the journal) says which step is under way and how far. Each step is safe
 * to repeat: a vault file or the database already under the new key is left alone. Until the
 * last step keyring.json still opens the old key, so a crash at any point leaves the data
 * readable: the next unlock (with the passphrase, which opens both keyrings) finishes the job.
 */

export type RotationStep = 'vault' | 'database' | 'keyring';
export type RotationProgress = { readonly step: RotationStep; readonly done: number; readonly total: number };

type Journal = {
  readonly format: 'advocase-key-rotation';
  readonly startedAt: string;
  readonly step: RotationStep;
  readonly vaultFilesDone: number;
  readonly vaultFilesTotal: number;
  readonly damagedVaultFiles: number;
};

function rotationPaths(dataDirectory: string) {
  const { keyring, database } = dataFilePaths(dataDirectory);
  return {
    keyring,
    database,
    nextKeyring: join(dirname(keyring), 'keyring.next.json'),
    journal: join(dataDirectory, 'key-rotation.json'),
  };
}

export function isKeyRotationPending(dataDirectory: string): boolean {
  return existsSync(rotationPaths(dataDirectory).journal);
}

async function writeJournal(path: string, journal: Journal): Promise<void> {
  await writeFileAtomically(path, `${JSON.stringify(journal)}\n`);
}

export type RotatedKey = {
  readonly dataKey: Buffer;
  /** Shown once; the old recovery key no longer opens anything. */
  readonly recoveryKey: string;
  readonly vaultFiles: number;
  readonly damagedVaultFiles: number;
};

/** Starts a rotation with the data key now in use; the old key buffer is zeroed when done. */
export async function rotateDataKey(
  dataDirectory: string,
  passphrase: string,
  oldDataKey: Buffer,
  onProgress: (progress: RotationProgress) => void = () => undefined,
): Promise<RotatedKey> {
  const paths = rotationPaths(dataDirectory);
  const next = await new Keyring(paths.nextKeyring).create(passphrase);
  await writeJournal(paths.journal, {
    format: 'advocase-key-rotation',
    startedAt: new Date().toISOString(),
    step: 'vault',
    vaultFilesDone: 0,
    vaultFilesTotal: 0,
    damagedVaultFiles: 0,
  });
  logger.info('key_rotation.started');
  const counts = await runRemainingSteps(dataDirectory, oldDataKey, next.dataKey, onProgress);
  return { dataKey: next.dataKey, recoveryKey: next.recoveryKey, ...counts };
}

/**
 * Finishes a rotation a crash interrupted. The recovery key made when it started was never
 * shown, so a fresh one is sealed and returned to be shown now.
 */
export async function resumeKeyRotation(
  dataDirectory: string,
  passphrase: string,
  onProgress: (progress: RotationProgress) => void = () => undefined,
): Promise<RotatedKey> {
  const paths = rotationPaths(dataDirectory);
  const current = new Keyring(paths.keyring);
  const currentKey = await current.openWithPassphrase(passphrase);
  logger.info('key_rotation.resumed');
  if (!existsSync(paths.nextKeyring)) {
    // The new keyring was already in place: only the journal was left to remove.
    const recoveryKey = await current.replaceRecoveryKey(currentKey);
    await rm(paths.journal, { force: true });
    return { dataKey: currentKey, recoveryKey, vaultFiles: 0, damagedVaultFiles: 0 };
  }
  const next = new Keyring(paths.nextKeyring);
  const newKey = await next.openWithPassphrase(passphrase);
  const recoveryKey = await next.replaceRecoveryKey(newKey);
  const counts = await runRemainingSteps(dataDirectory, currentKey, newKey, onProgress);
  return { dataKey: newKey, recoveryKey, ...counts };
}

async function runRemainingSteps(
  dataDirectory: string,
  oldDataKey: Buffer,
  newDataKey: Buffer,
  onProgress: (progress: RotationProgress) => void,
): Promise<{ vaultFiles: number; damagedVaultFiles: number }> {
  const paths = rotationPaths(dataDirectory);
  const started = JSON.parse((await readFileIfExists(paths.journal)) ?? '{}') as Partial<Journal>;
  const journal = {
    format: 'advocase-key-rotation' as const,
    startedAt: started.startedAt ?? new Date().toISOString(),
    step: 'vault' as RotationStep,
    vaultFilesDone: 0,
    vaultFilesTotal: 0,
    damagedVaultFiles: 0,
  };
  const oldVaultKey = deriveSubkey(oldDataKey, 'vault');
  const newVaultKey = deriveSubkey(newDataKey, 'vault');
  try {
    const ids = await listStoredFileIds(dataDirectory);
    journal.vaultFilesTotal = ids.length;
    for (const [index, storageId] of ids.entries()) {
      const outcome = await reencryptStoredFile(dataDirectory, storageId, oldVaultKey, newVaultKey);
      if (outcome === 'damaged') journal.damagedVaultFiles += 1;
      journal.vaultFilesDone = index + 1;
      await writeJournal(paths.journal, journal);
      onProgress({ step: 'vault', done: index + 1, total: ids.length });
    }
  } finally {
    oldVaultKey.fill(0);
    newVaultKey.fill(0);
  }
  journal.step = 'database';
  await writeJournal(paths.journal, journal);
  onProgress({ step: 'database', done: 0, total: 1 });
  rekeyDatabase(paths.database, oldDataKey, newDataKey);
  oldDataKey.fill(0);
  journal.step = 'keyring';
  await writeJournal(paths.journal, journal);
  onProgress({ step: 'keyring', done: 0, total: 1 });
  // The rename is the moment the new key takes over (atomic on one file system).
  await rename(paths.nextKeyring, paths.keyring);
  await rm(paths.journal, { force: true });
  logger.info('key_rotation.finished', { vaultFiles: journal.vaultFilesTotal });
  return { vaultFiles: journal.vaultFilesTotal, damagedVaultFiles: journal.damagedVaultFiles };
}
