import { copyFileSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { Kysely, SqliteDialect } from 'kysely';
import { createHandlers } from '../src/core/api/create-handlers';
import { dispatch } from '../src/core/api/dispatch';
import { deriveSubkey } from '../src/core/crypto/key-derivation';
import { Keyring } from '../src/core/crypto/keyring';
import { migrations } from '../src/core/db/migrations';
import { applyConnectionSettings, openEncryptedSqlite } from '../src/core/db/sqlite/open-encrypted-sqlite';
import { Session } from '../src/core/session/session';
import { isMethodName } from '../src/shared/contract';
import { dataFilePaths } from '../src/core/storage/data-directory';
import { benchSize, fillSyntheticCaseload } from './synthetic-caseload';

/** Bump when the generator changes; the schema's migrations are part of the key too. */
const generatorVersion = 'caseload-v3';
export const benchPassphrase = 'bench passphrase only';

export type BenchFixture = {
  /** An Advocase data folder (keyring + encrypted database) holding the synthetic caseload. */
  readonly dataDirectory: string;
  /** The same caseload, unencrypted, for the encryption-cost comparison. */
  readonly plainDatabasePath: string;
  readonly generatedSeconds: number | null;
};

/** A new migration (anyone's) changes the schema the bench measures, so it makes a new fixture. */
function cacheKey(): string {
  const schema = createHash('sha256').update(Object.keys(migrations).join('\n')).digest('hex').slice(0, 10);
  return `${generatorVersion}-${schema}`;
}

export async function openPlainKysely<DB>(
  path: string,
): Promise<{ db: Kysely<DB>; connection: Database.Database }> {
  const connection = new Database(path);
  applyConnectionSettings(connection);
  return { db: new Kysely<DB>({ dialect: new SqliteDialect({ database: connection }) }), connection };
}

/**
 * Brings the fresh database to the state an app in daily use would have: what the app does after
 * each unlock (the trash's purge, the deadline summaries) has run once. Bulk inserts bypass the
 * services, so without this the first unlock in the bench would do a year's bookkeeping at once.
 */
async function settle(dataDirectory: string, log: (line: string) => void): Promise<void> {
  const session = new Session({ dataDirectory, actor: 'bench' });
  const handlers = createHandlers(session);
  await dispatch(handlers, 'session.unlock', { passphrase: benchPassphrase });
  for (const method of ['trash.purgeExpired', 'deadlines.reminderSummary']) {
    if (!isMethodName(method)) continue;
    const started = performance.now();
    const result = await dispatch(handlers, method, {});
    log(
      `  settled with ${method} in ${((performance.now() - started) / 1000).toFixed(1)} s${result.ok ? '' : ` (failed: ${result.error.message})`}`,
    );
  }
  await session.lock();
}

/** Makes (or reuses from bench/.cache/) the 100,000-case caseload, encrypted and plain. */
export async function ensureBenchFixture(log: (line: string) => void): Promise<BenchFixture> {
  const folder = join(process.env.ADVOCASE_BENCH_CACHE ?? join('bench', '.cache'), cacheKey());
  const dataDirectory = join(folder, 'data');
  const plainDatabasePath = join(folder, 'plain.db');
  const doneMarker = join(folder, 'complete');
  if (existsSync(doneMarker)) return { dataDirectory, plainDatabasePath, generatedSeconds: null };

  rmSync(folder, { recursive: true, force: true });
  mkdirSync(folder, { recursive: true });
  log(`Generating the synthetic caseload (${cacheKey()}); it is cached under ${folder} for later runs…`);
  const started = performance.now();

  const session = new Session({ dataDirectory, actor: 'bench' });
  await session.initialize(benchPassphrase);
  await session.lock();
  const dataKey = await new Keyring(dataFilePaths(dataDirectory).keyring).openWithPassphrase(benchPassphrase);
  const encrypted = openEncryptedSqlite(
    dataFilePaths(dataDirectory).database,
    deriveSubkey(dataKey, 'database'),
  );
  // A fixture needs no protection against power cuts while it is made.
  encrypted.connection.pragma('synchronous = OFF');
  encrypted.connection.pragma('cache_size = -262144');
  fillSyntheticCaseload(encrypted.connection, benchSize);
  encrypted.connection.pragma('wal_checkpoint(TRUNCATE)');
  encrypted.connection.close();
  await settle(dataDirectory, log);

  // The unencrypted copy: the same file, decrypted in place (SQLite3 Multiple Ciphers' rekey to an
  // empty key), which is several times faster than generating it again. Rekey needs a rollback journal.
  copyFileSync(dataFilePaths(dataDirectory).database, plainDatabasePath);
  const copy = openEncryptedSqlite(plainDatabasePath, deriveSubkey(dataKey, 'database'));
  copy.connection.pragma('journal_mode = DELETE');
  copy.connection.pragma(`rekey=''`);
  copy.connection.close();

  const generatedSeconds = (performance.now() - started) / 1000;
  writeFileSync(doneMarker, new Date().toISOString());
  return { dataDirectory, plainDatabasePath, generatedSeconds };
}
