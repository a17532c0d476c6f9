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
import { upgradeStoreCipher } from '../src/core/db/sqlite/upgrade-store-cipher';
import type { CaseTimelineEvent } from '../src/core/deadlines/case-scenario';
import { deadlineStartingEventTypes, storeDeadlinesOfNewCases } from '../src/core/deadlines/recompute';
import { recoveryKeyConfirmation } from '../src/core/session/recovery-key-confirmation';
import { Session } from '../src/core/session/session';
import { dataFilePaths } from '../src/core/storage/data-directory';
import { deferUpkeepDuringFill } from './deferred-upkeep';
import { caseloadOfSize, fillSyntheticCaseload, type CaseloadSize } from './synthetic-caseload';

/** Bump when the generator changes. */
const generatorVersion = 'caseload-v5';
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

type FillOptions = {
  readonly log: (line: string) => void;
  /** Times each part of the fill (the bench records them); by default each part just runs. */
  readonly step?: (name: string, work: () => unknown) => Promise<void>;
  /** False builds row by row with every index and trigger in place, as the app would. */
  readonly isUpkeepDeferred?: boolean;
  readonly clock?: { readonly now: Date; readonly timeZone: string };
  readonly trashedAt?: string;
};

/**
 * Fills a migrated, empty store database with the synthetic caseload of `size`, then the
 * deadlines of every case, computed once at the end; the indexes and the event search index a
 * bulk fill defers (bench/deferred-upkeep.ts) are built last.
 */
export async function fillFixtureDatabase(
  connection: Database.Database,
  size: CaseloadSize,
  options: FillOptions,
): Promise<void> {
  const step = options.step ?? (async (_name: string, work: () => unknown) => void (await work()));
  const upkeep = options.isUpkeepDeferred === false ? null : deferUpkeepDuringFill(connection);
  await step('insert rows', () =>
    fillSyntheticCaseload(connection, size, options.log, undefined, options.trashedAt),
  );
  // Not destroyed at the end: that would close the connection, which the caller still uses.
  const db = new Kysely<AdvocaseDatabase>({ dialect: new SqliteDialect({ database: connection }) });
  await step('compute deadlines once', () => computeDeadlinesOnce(db, options));
  if (upkeep) await step('build the deferred indexes and event search', () => upkeep.finish(options.log));
}

/**
 * The deadlines of every live case, computed once after all rows are in, as an import computes
 * those of its new cases (in memory, stored a few hundred rows per statement), from the facts a
 * recompute reads: plan type, claim type, urgency, the client's state and the timeline events the
 * rules read. The generator writes no payer request, funding option, override, approval or
 * external review, so those are empty, as storeDeadlinesOfNewCases assumes. On either engine (the
 * team bench's PostgreSQL fill uses it too, bench/team-fixture.ts).
 */
export async function computeDeadlinesOnce(
  db: Kysely<AdvocaseDatabase>,
  options: Pick<FillOptions, 'log' | 'clock'>,
): Promise<void> {
  const { count } = await db
    .selectFrom('cases')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('deleted_at', 'is', null)
    .executeTakeFirstOrThrow();
  const chunk = 50_000;
  let done = 0;
  for (let afterId = 0; ;) {
    const started = performance.now();
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
    const lastId = cases.at(-1)!.id;
    // The events the rules read, in the order loadCaseFacts reads them (recompute.ts).
    const eventsOfCase = new Map<number, CaseTimelineEvent[]>();
    for (const event of await db
      .selectFrom('events')
      .select(['id', 'case_id', 'type', 'occurred_at', 'details'])
      .where('case_id', '>', afterId)
      .where('case_id', '<=', lastId)
      .where('deleted_at', 'is', null)
      .where('type', 'in', deadlineStartingEventTypes)
      .orderBy('case_id')
      .orderBy('occurred_at')
      .orderBy('id')
      .execute()) {
      const events = eventsOfCase.get(event.case_id) ?? [];
      events.push({
        id: event.id,
        type: event.type,
        occurredAt: event.occurred_at,
        details: JSON.parse(event.details) as Record<string, unknown>,
      });
      eventsOfCase.set(event.case_id, events);
    }
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
            events: eventsOfCase.get(row.id) ?? [],
          },
        })),
        options.clock ?? {},
      ),
    );
    afterId = lastId;
    done += cases.length;
    if (count > chunk)
      options.log(
        `      deadlines: ${done.toLocaleString('en-US')} of ${count.toLocaleString('en-US')} cases (${((1000 * (performance.now() - started)) / cases.length).toFixed(0)} µs a case)`,
      );
  }
}

/**
 * Brings the fresh database to the state an app in daily use would have: what the app does after
 * each unlock (the trash's purge, the day's deadline refresh) has run once.
 */
async function settle(dataDirectory: string): Promise<void> {
  const session = new Session({ dataDirectory, actor: 'bench' });
  const handlers = createHandlers(session);
  for (const [method, input] of [
    ['session.unlock', { passphrase: benchPassphrase }],
    // As a user does on first run: otherwise every unlock in Chromium stops on "Your recovery key
    // was not confirmed" and no caseload row is ever drawn.
    ['session.confirmRecoveryKey', {}],
    ['trash.purgeExpired', {}],
    ['deadlines.reminderSummary', {}],
    // Waits for the day's status refresh the summary started, so no later run inherits it.
    ['deadlines.agenda', {}],
  ] as const) {
    const result = await dispatch(handlers, method, input);
    if (!result.ok) throw new Error(`${method} failed while settling the fixture: ${result.error.message}`);
  }
  await session.lock();
}

/**
 * Rewrites a database file page by page in b-tree order (VACUUM), in a rollback journal so no -wal
 * is left beside it. The plain copy is necessarily rebuilt so (the rekey below), and the two files
 * are compared for throughput, so the encrypted one is rebuilt the same way first: left as the fill
 * wrote it, it held 7–25 % more pages than its plain copy, in another order (212,193 against
 * 197,544 at 100,000 cases), and the comparison timed the layout as well as the cipher.
 */
function compact(connection: Database.Database): { pagesBefore: number; pagesAfter: number } {
  connection.pragma('journal_mode = DELETE');
  const pagesBefore = Number(connection.pragma('page_count', { simple: true }));
  connection.exec('VACUUM');
  return { pagesBefore, pagesAfter: Number(connection.pragma('page_count', { simple: true })) };
}

/**
 * Converts a fixture written under an older store cipher (src/core/db/sqlite/store-cipher.ts) as
 * the app converts a user's store at its first unlock, here before any figure is timed, so the
 * one-off conversion is not counted in the first cold unlock. The conversion rewrites the file
 * (copy, re-encrypt, read back), which also compacts it as the plain copy was compacted.
 */
async function convertCachedFixture(dataDirectory: string, log: (line: string) => void): Promise<void> {
  const started = performance.now();
  const key = await fixtureDatabaseKey(dataDirectory);
  if (upgradeStoreCipher(dataFilePaths(dataDirectory).database, key)) {
    log(
      `  converted the cached fixture to this build's store cipher in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
  }
}

/**
 * Fixtures made before `settle` confirmed the recovery key wait for that confirmation, so the
 * app shows its "not confirmed" screen after unlock instead of the caseload (the Chromium figure
 * at 1,000,000 cases timed out on it). Confirmed once, as the user would have on first run.
 */
async function confirmRecoveryKeyOfCachedFixture(
  dataDirectory: string,
  log: (line: string) => void,
): Promise<void> {
  const encrypted = openEncryptedSqlite(
    dataFilePaths(dataDirectory).database,
    await fixtureDatabaseKey(dataDirectory),
  );
  const db = encrypted.createKysely<AdvocaseDatabase>();
  try {
    if (!(await recoveryKeyConfirmation.read(db))) return;
    await recoveryKeyConfirmation.write(db, false);
    log("  confirmed the cached fixture's recovery key, as a user does on first run");
  } finally {
    await db.destroy();
  }
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
  await convertCachedFixture(dataDirectory, log);
  await confirmRecoveryKeyOfCachedFixture(dataDirectory, log);
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
  // A migration may leave work for the first unlock after it (0209 marks deadline summaries to be
  // worked out again): a user's first unlock after an update does it once, so it is done here,
  // before anything is timed, as a fresh fixture's settling does.
  const settling = performance.now();
  await settle(dataDirectory);
  log(
    `  settled the migrated fixture (its first unlock) in ${((performance.now() - settling) / 1000).toFixed(1)} s`,
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
  // CPU time beside the wall clock: on a shared machine the wall clock mostly says how busy it was.
  const generationCpu: Record<string, number> = {};
  const step = async (name: string, work: () => unknown) => {
    log(`  ${name}…`);
    const started = performance.now();
    const cpuBefore = process.cpuUsage();
    await work();
    const cpu = process.cpuUsage(cpuBefore);
    generation[name] = (performance.now() - started) / 1000;
    generationCpu[name] = (cpu.user + cpu.system) / 1e6;
    log(`  ${name}: ${generation[name].toFixed(1)} s (CPU ${generationCpu[name].toFixed(1)} s)`);
  };

  await step('create and migrate', async () => {
    const session = new Session({ dataDirectory, actor: 'bench' });
    await session.initialize(benchPassphrase);
    await session.lock();
  });
  const databaseKey = await fixtureDatabaseKey(dataDirectory);
  const databasePath = dataFilePaths(dataDirectory).database;
  const encrypted = openEncryptedSqlite(databasePath, databaseKey);
  // A fixture needs no protection against power cuts while it is made.
  encrypted.connection.pragma('synchronous = OFF');
  encrypted.connection.pragma('cache_size = -1048576');
  await fillFixtureDatabase(encrypted.connection, size, { log, step });
  encrypted.connection.pragma('wal_checkpoint(TRUNCATE)');
  encrypted.connection.close();
  await step('first unlock (trash purge, deadline refresh)', () => settle(dataDirectory));
  await step('compact the encrypted file', () => {
    const encrypted = openEncryptedSqlite(databasePath, databaseKey);
    const { pagesBefore, pagesAfter } = compact(encrypted.connection);
    encrypted.connection.close();
    log(
      `    ${pagesBefore.toLocaleString('en-US')} pages before, ${pagesAfter.toLocaleString('en-US')} after`,
    );
  });
  // The unencrypted copy: the compacted file decrypted (SQLite3 Multiple Ciphers' rekey to an empty
  // key rebuilds the file, as the reserved bytes of each page change), so both files hold their
  // rows in the same b-tree order and differ in their encryption and its per-page reserve. Rekey
  // cannot run in WAL mode.
  await step('decrypt a copy in place', () => {
    copyFileSync(databasePath, plainDatabasePath);
    const copy = openEncryptedSqlite(plainDatabasePath, databaseKey);
    // Without a journal (a failed copy is made again), as fast as the disk: ~10 GB at 1,000,000 cases.
    copy.connection.pragma('journal_mode = OFF');
    copy.connection.pragma('synchronous = OFF');
    copy.connection.pragma(`rekey=''`);
    copy.connection.close();
  });
  log(
    `  files: encrypted ${(statSync(databasePath).size / 1e6).toFixed(0)} MB, plain ${(statSync(plainDatabasePath).size / 1e6).toFixed(0)} MB`,
  );
  writeFileSync(
    doneMarker,
    JSON.stringify({ size, generation, generationCpu, madeAt: new Date().toISOString() }, null, 2),
  );
  return { size, dataDirectory, plainDatabasePath, generation };
}

/** How long the cached fixture took to make, as recorded when it was made. */
export function recordedGeneration(fixture: BenchFixture): Readonly<Record<string, number>> | null {
  const marker = join(fixture.dataDirectory, '..', 'complete.json');
  if (!existsSync(marker)) return null;
  return (JSON.parse(readFileSync(marker, 'utf8')) as { generation: Record<string, number> }).generation;
}
