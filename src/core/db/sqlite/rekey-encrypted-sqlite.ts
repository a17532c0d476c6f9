import Database from 'better-sqlite3-multiple-ciphers';
import { deriveSubkey } from '../../crypto/key-derivation';
import { AppError } from '../../errors';
import {
  cipherOpening,
  currentStoreCipher,
  keyConnection,
  rawKeyPragma,
  writeNextUnder,
} from './store-cipher';

/**
 * Re-encrypts every page of the database under the new data key (`PRAGMA rekey`), for key
 * rotation, under the current scheme (store-cipher.ts; a store still in the old one is converted
 * by the same rewrite). The WAL is checkpointed into the file and the rekey runs under a rollback
 * journal, so it is one transaction: a crash leaves the file wholly under the old key or wholly
 * under the new. Safe to call again after a crash: a file already under the new key is left alone.
 */
export function rekeyDatabase(path: string, oldDataKey: Buffer, newDataKey: Buffer): void {
  const oldKey = deriveSubkey(oldDataKey, 'database');
  const newKey = deriveSubkey(newDataKey, 'database');
  try {
    if (cipherOpening(path, newKey) !== null) return;
    const cipher = cipherOpening(path, oldKey);
    if (cipher === null) {
      throw new AppError(
        'DATA_DAMAGED',
        'The database could not be read with this key: the file is damaged or belongs to another key file.',
      );
    }
    const connection = new Database(path);
    try {
      keyConnection(connection, cipher, oldKey);
      connection.pragma('wal_checkpoint(TRUNCATE)');
      connection.pragma('journal_mode = DELETE');
      connection.pragma('synchronous = FULL');
      writeNextUnder(connection, currentStoreCipher);
      connection.pragma(`rekey=${rawKeyPragma(newKey)}`);
      connection.pragma('journal_mode = WAL');
    } finally {
      connection.close();
    }
  } finally {
    oldKey.fill(0);
    newKey.fill(0);
  }
}
