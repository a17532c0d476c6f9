import Database from 'better-sqlite3-multiple-ciphers';
import { deriveSubkey } from '../../crypto/key-derivation';

function keyPragma(key: Buffer): string {
  return `"x'${key.toString('hex')}'"`;
}

/** Whether the database opens with this data key (reads its schema), without changing it. */
function opensWith(path: string, dataKey: Buffer): boolean {
  const connection = new Database(path);
  const key = deriveSubkey(dataKey, 'database');
  try {
    connection.pragma(`cipher='sqlcipher'`);
    connection.pragma('legacy=4');
    connection.pragma(`key=${keyPragma(key)}`);
    connection.prepare('SELECT count(*) FROM sqlite_master').get();
    return true;
  } catch {
    return false;
  } finally {
    key.fill(0);
    connection.close();
  }
}

/**
 * Re-encrypts every page of the database under the new data key (SQLCipher's `PRAGMA rekey`),
 * for key rotation. The WAL is checkpointed into the file and the rekey runs under a rollback
 * journal, so it is one transaction: a crash leaves the file wholly under the old key or wholly
 * under the new. Safe to call again after a crash: a file already under the new key is left alone.
 */
export function rekeyDatabase(path: string, oldDataKey: Buffer, newDataKey: Buffer): void {
  if (opensWith(path, newDataKey)) return;
  const connection = new Database(path);
  const oldKey = deriveSubkey(oldDataKey, 'database');
  const newKey = deriveSubkey(newDataKey, 'database');
  try {
    connection.pragma(`cipher='sqlcipher'`);
    connection.pragma('legacy=4');
    connection.pragma(`key=${keyPragma(oldKey)}`);
    connection.pragma('wal_checkpoint(TRUNCATE)');
    connection.pragma('journal_mode = DELETE');
    connection.pragma('synchronous = FULL');
    connection.pragma(`rekey=${keyPragma(newKey)}`);
    connection.pragma('journal_mode = WAL');
  } finally {
    oldKey.fill(0);
    newKey.fill(0);
    connection.close();
  }
}
