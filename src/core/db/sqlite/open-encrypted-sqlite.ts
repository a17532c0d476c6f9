import { chmodSync } from 'node:fs';
import Database from 'better-sqlite3-multiple-ciphers';
import { Kysely, SqliteAdapter, SqliteDialect, type DialectAdapter } from 'kysely';
import { AppError } from '../../errors';
import { registerAuditChainFunction } from '../audit-chain';

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
  createKysely<DB>(): Kysely<DB>;
};

function isNotADatabase(error: unknown): boolean {
  return (error as { code?: string }).code === 'SQLITE_NOTADB';
}

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
  connection.pragma('cache_size = -65536');
  registerAuditChainFunction(connection);
}

/**
 * Opens (or creates) a SQLCipher 4 database with a raw 256-bit key. The raw-key form skips
 * SQLCipher's own PBKDF2: the key is already random, derived from the data key.
 */
export function openEncryptedSqlite(path: string, key: Buffer): EncryptedSqlite {
  const connection = new Database(path);
  // Only this user may read the file (it is encrypted, but its size and dates are still its
  // own). SQLite gives the -wal and -shm files it creates the database file's permissions.
  chmodSync(path, 0o600);
  try {
    connection.pragma(`cipher='sqlcipher'`);
    connection.pragma('legacy=4');
    connection.pragma(`key="x'${key.toString('hex')}'"`);
    // The first read is where a wrong key shows, as "file is not a database".
    connection.prepare('SELECT count(*) FROM sqlite_master').get();
    applyConnectionSettings(connection);
  } catch (error) {
    connection.close();
    if (isNotADatabase(error)) {
      throw new AppError(
        'DATA_DAMAGED',
        'The database could not be read with this key: the file is damaged or belongs to another key file.',
      );
    }
    throw error;
  }
  return {
    connection,
    createKysely: <DB>() => new Kysely<DB>({ dialect: new AdvocaseSqliteDialect({ database: connection }) }),
  };
}
