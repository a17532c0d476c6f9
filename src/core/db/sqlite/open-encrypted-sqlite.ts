import { chmodSync } from 'node:fs';
import Database from 'better-sqlite3-multiple-ciphers';
import { Kysely, SqliteAdapter, SqliteDialect, type DialectAdapter } from 'kysely';
import { AppError } from '../../errors';
import { registerAuditChainFunction } from '../audit-chain';
import { isNotADatabase, keyConnection, storeCiphers, type StoreCipher } from './store-cipher';

/**
 * Opening and keying a SQLCipher connection lives in this module; the SQL that differs between
 * engines is in ../dialect/ (docs/architecture.md), so a PostgreSQL store for teams comes behind
 * the same Kysely types.
 */

class TransactionalDdlSqliteAdapter extends SqliteAdapter {
  // SQLite runs DDL inside transactions; Kysely's adapter says otherwise only to be conservative.
  // Saying true makes the migrator run all pending migrations in one transaction.
  override get supportsTransactionalDdl(): boolean {
    return true;
  }
}

class AdvocaseSqliteDialect extends SqliteDialect {
  override createAdapter(): DialectAdapter {
    return new TransactionalDdlSqliteAdapter();
  }
}

export type EncryptedSqlite = {
  readonly connection: Database.Database;
  /** The scheme the file is in: the current one, or SQLCipher 4 for a store not yet converted. */
  readonly cipher: StoreCipher;
  createKysely<DB>(): Kysely<DB>;
};

/**
 * Everything about a connection but its encryption, so the benchmark's unencrypted copy differs
 * from the store in nothing else.
 */
export function applyConnectionSettings(connection: Database.Database): void {
  connection.pragma('journal_mode = WAL');
  // FULL: a committed edit survives a power cut, which matters more here than write speed.
  connection.pragma('synchronous = FULL');
  connection.pragma('foreign_keys = ON');
  // Deleted content is overwritten with zeros, not left in free pages.
  connection.pragma('secure_delete = ON');
  // Sorts and temporary indexes stay in memory instead of temporary files on disk.
  connection.pragma('temp_store = MEMORY');
  connection.pragma('busy_timeout = 5000');
  // 64 MiB of pages kept decrypted in memory (SQLite's default is 2 MiB): the caseload's indexes
  // at 100,000 cases then stay decrypted for the session instead of being decrypted on each query.
  // Not larger: a cache that holds a whole scan hides the cipher's cost rather than cutting it, and
  // costs the laptop's memory (docs/performance.md, "The store cipher"). No mmap_size: SQLite never
  // memory-maps an encrypted file's pages (they must be decrypted), so it would speed only the
  // bench's plain copy.
  connection.pragma('cache_size = -65536');
  registerAuditChainFunction(connection);
}

/**
 * Opens (or creates) an encrypted database with a raw 256-bit key, under the current scheme, or
 * under SQLCipher 4 for a file written before (store-cipher.ts): a backup or a store that unlock
 * has not converted yet still opens. A new file is written under the current scheme.
 */
export function openEncryptedSqlite(path: string, key: Buffer): EncryptedSqlite {
  for (const cipher of storeCiphers) {
    const connection = new Database(path);
    // Only this user may read the file (it is encrypted, but its size and dates are still its
    // own). SQLite gives the -wal and -shm files it creates the database file's permissions.
    chmodSync(path, 0o600);
    try {
      keyConnection(connection, cipher, key);
      // The first read is where a wrong key (or another scheme) shows, as "file is not a database".
      connection.prepare('SELECT count(*) FROM sqlite_master').get();
      applyConnectionSettings(connection);
    } catch (error) {
      connection.close();
      if (isNotADatabase(error)) continue;
      throw error;
    }
    return {
      connection,
      cipher,
      createKysely: <DB>() =>
        new Kysely<DB>({ dialect: new AdvocaseSqliteDialect({ database: connection }) }),
    };
  }
  throw new AppError(
    'DATA_DAMAGED',
    'The database could not be read with this key: the file is damaged or belongs to another key file.',
  );
}
