import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { Kysely, SqliteDialect } from 'kysely';
import { createHandlers } from '../src/core/api/create-handlers';
import { dispatch } from '../src/core/api/dispatch';
import { deriveSubkey } from '../src/core/crypto/key-derivation';
import { Keyring } from '../src/core/crypto/keyring';
import { inTransaction } from '../src/core/db/in-transaction';
import { migrateDatabase } from '../src/core/db/migrate';
import { migrations } from '../src/core/db/migrations';
import type { AdvocaseDatabase } from '../src/core/db/schema';
import { applyConnectionSettings, openEncryptedSqlite } from '../src/core/db/sqlite/open-encrypted-sqlite';
import { storeDeadlinesOfNewCases } from '../src/core/deadlines/recompute';
import { Session } from '../src/core/session/session';
import { dataFilePaths } from '../src/core/storage/data-directory';
import { caseloadOfSize, fillSyntheticCaseload, type CaseloadSize } from './synthetic-caseload';

/** Bump when the generator changes. */
const generatorVersion = 'caseload-v4';
export const benchPassphrase = 'bench passphrase only';

export type BenchFixture = {
  readonly size: CaseloadSize;
  /** An Advocase data folder (keyring + encrypted database) holding the synthetic caseload. */
  readonly dataDirectory: string;
  /** The same caseload, unencrypted, built the same way (compacted, same page size), for the encryption-cost comparison. */
  readonly plainDatabasePath: string;
  /** Seconds each step of the generation took, or null when the cached fixture was used. */
  readonly generation: Readonly<Record<string, number>> | null;
};

/**
 * One fixture per generator and size. A migration added later (anyone's) is applied to the cached
 * files when the bench opens them, as the app applies it to a user's store, instead of making a
 * million cases again.
 */
function cacheKey(cases: number): string {
  return `${generatorVersion}-${cases}`;
}

/** Where fixtures are kept: a git-ignored folder of the checkout, or ADVOCASE_BENCH_CACHE. */
export function benchCacheFolder(): string {
  return process.env.ADVOCASE_BENCH_CACHE ?? join('bench', '.cache');
}

export async function openPlainKysely<DB>(
  path: string,
): Promise<{ db: Kysely<DB>; connection: Database.Database }> {
  const connection = new Database(path);
  applyConnectionSettings(connection);
  return { db: new Kysely<DB>({ dialect: new SqliteDialect({ database: connection }) }), connection };
}

/** The SQLCipher key of the fixture's database, as the session derives it. */
export async function fixtureDatabaseKey(dataDirectory: string): Promise<Buffer> {
  const dataKey = await new Keyring(dataFilePaths(dataDirectory).keyring).openWithPassphrase(benchPassphrase);
  return deriveSubkey(dataKey, 'database');
}

/**
 * The deadlines of every live case, computed once after all rows are in, as an import computes
 * those of its new cases (in memory, stored a few hundred rows per statement). The generator
 * writes calls and notes only, none of which starts a deadline, so each case's facts are its
 * plan type, claim type, urgency and client's state.
 */
async function computeDeadlinesOnce(databasePath: string, databaseKey: Buffer): Promise<void> {
  const encrypted = openEncryptedSqlite(databasePath, databaseKey);
  encrypted.connection.pragma('synchronous = OFF');
  const db = encrypted.createKysely<AdvocaseDatabase>();
  const chunk = 20_000;
  for (let afterId = 0; ;) {
    const cases = await db
      .selectFrom('cases')
      .innerJoin('clients', 'clients.id', 'cases.client_id')
      .leftJoin('coverages', 'coverages.id', 'cases.coverage_id')
      .select([
        'cases.id',
        'cases.stage',
        'cases.claim_type',
        'cases.is_urgent',
        'clients.state',
        'coverages.plan_type',
      ])
      .where('cases.deleted_at', 'is', null)
      .where('cases.id', '>', afterId)
      .orderBy('cases.id')
      .limit(chunk)
      .execute();
    if (cases.length === 0) break;
    await inTransaction(db, (trx) =>
      storeDeadlinesOfNewCases(
        trx,
        cases.map((row) => ({
          caseId: row.id,
          stage: row.stage,
          facts: {
            planType: row.plan_type ?? null,
            claimType: row.claim_type,
            isUrgent: row.is_urgent === 1,
            clientState: row.state,
            events: [],
          },
        })),
      ),
    );
    afterId = cases.at(-1)!.id;
  }
  await db.destroy();
}

/**
 * Brings the fresh database to the state an app in daily use would have: what the app does after
 * each unlock (the trash's purge, the deadline refresh) has run once.
 */
async function settle(dataDirectory: string): Promise<void> {
  const session = new Session({ dataDirectory, actor: 'bench' });
  const handlers = createHandlers(session);
  for (const [method, input] of [
    ['session.unlock', { passphrase: benchPassphrase }],
    ['trash.purgeExpired', {}],
    ['deadlines.reminderSummary', {}],
  ] as const) {
    const result = await dispatch(handlers, method, input);
    if (!result.ok) throw new Error(`${method} failed while settling the fixture: ${result.error.message}`);
  }
  await session.lock();
}

/**
 * Rewrites a database file without free pages, in a rollback journal so no -wal is left beside
 * it. Skipped when under 1 % of its pages are free (a file just filled by bulk inserts): a VACUUM of
 * a million-case file takes most of an hour on a shared machine and would change nothing measurable.
 */
function compact(connection: Database.Database): { freePages: number; pages: number; vacuumed: boolean } {
  connection.pragma('journal_mode = DELETE');
  const pages = Number(connection.pragma('page_count', { simple: true }));
  const freePages = Number(connection.pragma('freelist_count', { simple: true }));
  const vacuumed = freePages > pages / 100;
  if (vacuumed) connection.exec('VACUUM');
  return { freePages, pages, vacuumed };
}

/**
 * Applies the migrations added since the fixture was made to both files, as the app applies them
 * to a user's store at unlock, and says how long that took.
 */
async function migrateCachedFixture(
  dataDirectory: string,
  plainDatabasePath: string,
  log: (line: string) => void,
): Promise<void> {
  const plain = await openPlainKysely<unknown>(plainDatabasePath);
  const applied = new Set(
    (plain.connection.prepare('SELECT name FROM kysely_migration').all() as Array<{ name: string }>).map(
      (row) => row.name,
    ),
  );
  const pending = Object.keys(migrations).filter((name) => !applied.has(name));
  if (pending.length === 0) {
    await plain.db.destroy();
    return;
  }
  const started = performance.now();
  await migrateDatabase(plain.db);
  await plain.db.destroy();
  const encrypted = openEncryptedSqlite(
    dataFilePaths(dataDirectory).database,
    await fixtureDatabaseKey(dataDirectory),
  );
  const encryptedDb = encrypted.createKysely<unknown>();
  await migrateDatabase(encryptedDb);
  await encryptedDb.destroy();
  log(
    `  applied ${pending.join(', ')} to the cached fixture (both files) in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
}

/**
 * Makes (or reuses from the cache folder) a caseload of `cases` cases, encrypted and plain.
 * Rows go in by large transactions of prepared statements; the deadlines are computed once at
 * the end; both files are then compacted the same way, so neither carries the other's history.
 */
export async function ensureBenchFixture(cases: number, log: (line: string) => void): Promise<BenchFixture> {
  const size = caseloadOfSize(cases);
  const folder = join(benchCacheFolder(), cacheKey(cases));
  const dataDirectory = join(folder, 'data');
  const plainDatabasePath = join(folder, 'plain.db');
  const doneMarker = join(folder, 'complete.json');
  if (existsSync(doneMarker)) {
    await migrateCachedFixture(dataDirectory, plainDatabasePath, log);
    return { size, dataDirectory, plainDatabasePath, generation: null };
  }

  rmSync(folder, { recursive: true, force: true });
  mkdirSync(folder, { recursive: true });
  log(`Generating the synthetic caseload in ${folder} (cached for later runs)…`);
  const generation: Record<string, number> = {};
  const step = async (name: string, work: () => unknown) => {
    log(`  ${name}…`);
    const started = performance.now();
    await work();
    generation[name] = (performance.now() - started) / 1000;
    log(`  ${name}: ${generation[name].toFixed(1)} s`);
  };

  await step('create and migrate', async () => {
    const session = new Session({ dataDirectory, actor: 'bench' });
    await session.initialize(benchPassphrase);
    await session.lock();
  });
  const databaseKey = await fixtureDatabaseKey(dataDirectory);
  const databasePath = dataFilePaths(dataDirectory).database;
  await step('insert rows', () => {
    const encrypted = openEncryptedSqlite(databasePath, databaseKey);
    // A fixture needs no protection against power cuts while it is made.
    encrypted.connection.pragma('synchronous = OFF');
    encrypted.connection.pragma('cache_size = -524288');
    fillSyntheticCaseload(encrypted.connection, size, log);
    encrypted.connection.pragma('wal_checkpoint(TRUNCATE)');
    encrypted.connection.close();
  });
  await step('compute deadlines once', () => computeDeadlinesOnce(databasePath, databaseKey));
  await step('first unlock (trash purge, deadline refresh)', () => settle(dataDirectory));
  await step('compact the encrypted file', () => {
    const encrypted = openEncryptedSqlite(databasePath, databaseKey);
    const { freePages, pages, vacuumed } = compact(encrypted.connection);
    encrypted.connection.close();
    log(
      `    ${freePages.toLocaleString('en-US')} of ${pages.toLocaleString('en-US')} pages free${vacuumed ? ', vacuumed' : ': left as it is'}`,
    );
  });
  // The unencrypted copy: the compacted file decrypted in place (SQLite3 Multiple Ciphers' rekey to
  // an empty key rewrites every page where it is), so both files hold the same pages in the same
  // order and differ only in their encryption. Rekey needs a rollback journal.
  await step('decrypt a copy in place', () => {
    copyFileSync(databasePath, plainDatabasePath);
    const copy = openEncryptedSqlite(plainDatabasePath, databaseKey);
    copy.connection.pragma('journal_mode = DELETE');
    copy.connection.pragma(`rekey=''`);
    copy.connection.close();
  });
  log(
    `  files: encrypted ${(statSync(databasePath).size / 1e6).toFixed(0)} MB, plain ${(statSync(plainDatabasePath).size / 1e6).toFixed(0)} MB`,
  );
  writeFileSync(doneMarker, JSON.stringify({ size, generation, madeAt: new Date().toISOString() }, null, 2));
  return { size, dataDirectory, plainDatabasePath, generation };
}

/** How long the cached fixture took to make, as recorded when it was made. */
export function recordedGeneration(fixture: BenchFixture): Readonly<Record<string, number>> | null {
  const marker = join(fixture.dataDirectory, '..', 'complete.json');
  if (!existsSync(marker)) return null;
  return (JSON.parse(readFileSync(marker, 'utf8')) as { generation: Record<string, number> }).generation;
}
