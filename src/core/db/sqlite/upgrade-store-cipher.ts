import { closeSync, copyFileSync, existsSync, fsyncSync, openSync, renameSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { logger } from '../../logging/logger';
import {
  cipherOpening,
  currentStoreCipher,
  keyConnection,
  rawKeyPragma,
  writeNextUnder,
  type StoreCipher,
} from './store-cipher';

/** Where a conversion writes the new file before it takes the store's place. */
export function conversionPath(path: string): string {
  return `${path}.converting`;
}

function syncToDisk(path: string): void {
  const descriptor = openSync(path, 'r');
  try {
    fsyncSync(descriptor);
  } finally {
    closeSync(descriptor);
  }
}

function removeUnfinishedConversion(path: string): void {
  const partial = conversionPath(path);
  for (const leftover of [partial, `${partial}-journal`, `${partial}-wal`, `${partial}-shm`]) {
    rmSync(leftover, { force: true });
  }
}

function keyed(path: string, cipher: StoreCipher, key: Buffer): Database.Database {
  const connection = new Database(path, { fileMustExist: true });
  try {
    keyConnection(connection, cipher, key);
  } catch (error) {
    connection.close();
    throw error;
  }
  return connection;
}

/** Re-encrypts a copy of the store under the current scheme and reads it back in full. */
function writeConvertedCopy(path: string, cipher: StoreCipher, key: Buffer): boolean {
  const partial = conversionPath(path);
  copyFileSync(path, partial);
  const copy = keyed(partial, cipher, key);
  try {
    copy.pragma('journal_mode = DELETE');
    copy.pragma('synchronous = FULL');
    writeNextUnder(copy, currentStoreCipher);
    copy.pragma(`rekey=${rawKeyPragma(key)}`);
  } finally {
    copy.close();
  }
  const check = keyed(partial, currentStoreCipher, key);
  try {
    return check.pragma('quick_check', { simple: true }) === 'ok';
  } finally {
    check.close();
  }
}

/**
 * Converts a store written under an older scheme (store-cipher.ts) to the current one, once, at
 * unlock. The store itself is never rewritten in place: its WAL is checkpointed into it, a copy is
 * re-encrypted beside it (`advocase.db.converting`), read back in full (every page's tag checked),
 * flushed to disk, and only then renamed over the store, which is atomic on one file system. If the
 * laptop dies before the rename the store is as it was and the copy is thrown away at the next
 * unlock; after it, the store is the converted file. A conversion that cannot finish (a full disk)
 * leaves the store as it was, still readable, and is tried again at the next unlock. Returns true
 * when it converted.
 */
export function upgradeStoreCipher(path: string, key: Buffer): boolean {
  removeUnfinishedConversion(path);
  if (!existsSync(path)) return false;
  const cipher = cipherOpening(path, key);
  if (cipher === null || cipher.name === currentStoreCipher.name) return false;

  // Everything in the main file, and no -wal left beside it to be replayed onto the new one.
  const store = keyed(path, cipher, key);
  try {
    store.pragma('wal_checkpoint(TRUNCATE)');
    store.pragma('journal_mode = DELETE');
  } finally {
    store.close();
  }
  if (existsSync(`${path}-wal`)) {
    logger.warn('store_cipher.conversion_postponed', { reason: 'wal_in_use' });
    return false;
  }
  let converted = false;
  try {
    converted = writeConvertedCopy(path, cipher, key);
  } catch (error) {
    logger.warn('store_cipher.conversion_failed', { errorName: (error as Error).name ?? 'unknown' });
  }
  if (!converted) {
    removeUnfinishedConversion(path);
    return false;
  }
  syncToDisk(conversionPath(path));
  renameSync(conversionPath(path), path);
  // The rename itself survives a power cut once the folder is flushed (POSIX; Windows cannot open a
  // folder to flush it, and its rename is journaled by NTFS).
  if (process.platform !== 'win32') syncToDisk(dirname(path));
  logger.info('store_cipher.converted', { from: cipher.name, to: currentStoreCipher.name });
  return true;
}
