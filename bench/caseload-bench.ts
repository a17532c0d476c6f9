import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type Database from 'better-sqlite3-multiple-ciphers';
import type { Kysely } from 'kysely';
import { createHandlers } from '../src/core/api/create-handlers';
import { dispatch } from '../src/core/api/dispatch';
import { deriveSubkey } from '../src/core/crypto/key-derivation';
import { Keyring } from '../src/core/crypto/keyring';
import { migrateDatabase } from '../src/core/db/migrate';
import type { AdvocaseDatabase } from '../src/core/db/schema';
import { openEncryptedSqlite } from '../src/core/db/sqlite/open-encrypted-sqlite';
import { queryCaseload } from '../src/core/caseload/caseload-query-service';
import { Session } from '../src/core/session/session';
import { dataFilePaths } from '../src/core/storage/data-directory';
import {
  isMethodName,
  type MethodInput,
  type MethodName,
  type MethodOutput,
} from '../src/shared/contract';
import {
  caseloadColumnIds,
  caseloadQueryInputSchema,
  type CaseloadQueryInput,
} from '../src/shared/schemas/caseload';
import { benchPassphrase, openPlainKysely, type BenchFixture } from './fixture';
import { bigCaseId, fillSyntheticCaseload } from './synthetic-caseload';

/** One line of the bench's report. `target` is null for figures printed without a target. */
export type Figure = {
  readonly name: string;
  readonly value: string;
  readonly target: string;
  readonly passed: boolean | null;
  readonly detail?: string;
};

const ms = (value: number) => `${value.toFixed(1)} ms`;

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const started = performance.now();
  const value = await work();
  return { ms: performance.now() - started, value };
}

function percentile(values: readonly number[], fraction: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * fraction))] ?? 0;
}

type Handlers = ReturnType<typeof createHandlers>;

async function call<M extends MethodName>(
  handlers: Handlers,
  method: M,
  input: MethodInput<M>,
): Promise<MethodOutput<M>> {
  const result = await dispatch(handlers, method, input);
  if (!result.ok) throw new Error(`${method} failed: ${result.error.message}`);
  return result.value as MethodOutput<M>;
}

/** Sort and filter cases the table asks for: the first page of a view with its stage counts, as the UI does. */
const sortQueries: readonly [string, CaseloadQueryInput][] = caseloadColumnIds.flatMap((column) => [
  [`sort by ${column}`, { sorting: [{ column, descending: false }] }],
  [`sort by ${column}, descending`, { sorting: [{ column, descending: true }] }],
]);
const filterQueries: readonly [string, CaseloadQueryInput][] = [
  ['filter stage', { filters: { stages: ['decision'] } }],
  ['filter payer', { filters: { payers: ['Aetna'] } }],
  ['filter plan type', { filters: { planTypes: ['medicare-advantage'] } }],
  ['filter treatment', { filters: { treatments: ['tms'] } }],
  ['filter advocate', { filters: { advocates: ['Luis Ortega'] } }],
  ['filter priority', { filters: { priorities: ['urgent'] } }],
  ['filter urgent', { filters: { isUrgent: true } }],
  ['filter overdue deadline', { filters: { hasOverdueDeadline: true } }],
  [
    'view "Appeals due in 14 days"',
    { filters: { claimantDeadlineWithinDays: 14 }, sorting: [{ column: 'priority', descending: true }] },
  ],
  [
    'filter payer + stage, sorted by client',
    { filters: { payers: ['Cigna'], stages: ['intake'] }, sorting: [{ column: 'clientName' }] },
  ],
  ['quick filter "chen"', { quickFilter: 'chen' }],
  ['quick filter "maria", sorted by client', { quickFilter: 'maria', sorting: [{ column: 'clientName' }] }],
];

/** The worst of `repeat` runs of each query (after one warm-up run), and which query it was. */
async function worstOf(
  handlers: Handlers,
  queries: readonly [string, CaseloadQueryInput][],
  repeat = 3,
): Promise<{ worst: number; worstName: string; median: number }> {
  let worst = 0;
  let worstName = '';
  const all: number[] = [];
  for (const [name, input] of queries) {
    await call(handlers, 'caseload.query', input);
    for (let run = 0; run < repeat; run += 1) {
      const { ms: elapsed } = await timed(() => call(handlers, 'caseload.query', input));
      all.push(elapsed);
      if (elapsed > worst) [worst, worstName] = [elapsed, name];
    }
  }
  return { worst, worstName, median: percentile(all, 0.5) };
}

const searchWords = [
  'Garcia',
  'Chen',
  'Maria',
  'Aetna',
  'Cigna',
  'REF-1',
  'REF-2',
  'REF-35',
  'Tanya',
  'Devon',
  'receipt',
  'clinic',
  'Nguyen',
  'Patel',
  'Okafor',
  'decision',
  'Humana',
  'Kaiser',
  'Molina',
  'M1000',
  'Stellate',
  'letter',
  'Santos',
  'Xu',
  'Quinn',
];

async function measureSearch(handlers: Handlers): Promise<Figure> {
  if (!isMethodName('search.global')) {
    return {
      name: 'global search p95 (100 queries)',
      value: 'not measured: search.global not available',
      target: '≤ 50 ms',
      passed: null,
    };
  }
  const times: number[] = [];
  for (let index = 0; index < 100; index += 1) {
    const word = searchWords[index % searchWords.length]!;
    const text =
      index < searchWords.length
        ? word
        : `${word} ${searchWords[(index * 7) % searchWords.length]!.slice(0, 3)}`;
    const { ms: elapsed } = await timed(() => call(handlers, 'search.global', { text }));
    times.push(elapsed);
  }
  const p95 = percentile(times, 0.95);
  return {
    name: 'global search p95 (100 queries)',
    value: ms(p95),
    target: '≤ 50 ms',
    passed: p95 <= 50,
    detail: `p50 ${ms(percentile(times, 0.5))}, max ${ms(Math.max(...times))}`,
  };
}

/** The same caseload queries straight through the service, for the encrypted and the plain copy. */
async function queryWorkloadSeconds(db: Kysely<AdvocaseDatabase>): Promise<number> {
  const queries = [...sortQueries, ...filterQueries].map(([, input]) =>
    caseloadQueryInputSchema.parse(input),
  );
  for (const query of queries) await queryCaseload(db, query);
  const started = performance.now();
  for (let round = 0; round < 3; round += 1) for (const query of queries) await queryCaseload(db, query);
  return (performance.now() - started) / 1000;
}

const insertSize = { clients: 2_000, cases: 10_000, events: 50_000, bigCaseEvents: 500 };

/** Inserting a caseload with the app's settings (WAL, synchronous FULL, every trigger) into a fresh file. */
async function insertWorkloadRowsPerSecond(connection: Database.Database): Promise<number> {
  const started = performance.now();
  fillSyntheticCaseload(connection, insertSize, 7);
  const seconds = (performance.now() - started) / 1000;
  return (insertSize.clients + insertSize.cases + insertSize.events) / seconds;
}

async function measureEncryptionCost(fixture: BenchFixture): Promise<Figure[]> {
  const dataKey = await new Keyring(dataFilePaths(fixture.dataDirectory).keyring).openWithPassphrase(
    benchPassphrase,
  );
  const databaseKey = deriveSubkey(dataKey, 'database');

  const encrypted = openEncryptedSqlite(dataFilePaths(fixture.dataDirectory).database, databaseKey);
  const encryptedDb = encrypted.createKysely<AdvocaseDatabase>();
  const encryptedQuerySeconds = await queryWorkloadSeconds(encryptedDb);
  await encryptedDb.destroy();
  const plain = await openPlainKysely<AdvocaseDatabase>(fixture.plainDatabasePath);
  const plainQuerySeconds = await queryWorkloadSeconds(plain.db);
  await plain.db.destroy();

  const scratch = mkdtempSync(join(tmpdir(), 'advocase-bench-insert-'));
  try {
    // Alternating runs, best of two each: a shared 2-core machine is noisy over a few seconds.
    let encryptedInsert = 0;
    let plainInsert = 0;
    for (let run = 0; run < 2; run += 1) {
      const freshEncrypted = openEncryptedSqlite(join(scratch, `encrypted-${run}.db`), randomBytes(32));
      const freshEncryptedDb = freshEncrypted.createKysely<unknown>();
      await migrateDatabase(freshEncryptedDb);
      encryptedInsert = Math.max(
        encryptedInsert,
        await insertWorkloadRowsPerSecond(freshEncrypted.connection),
      );
      await freshEncryptedDb.destroy();
      const freshPlain = await openPlainKysely<unknown>(join(scratch, `plain-${run}.db`));
      await migrateDatabase(freshPlain.db);
      plainInsert = Math.max(plainInsert, await insertWorkloadRowsPerSecond(freshPlain.connection));
      await freshPlain.db.destroy();
    }

    const queryRatio = plainQuerySeconds / encryptedQuerySeconds;
    const insertRatio = encryptedInsert / plainInsert;
    return [
      {
        name: 'encryption cost: caseload queries (encrypted ÷ plain throughput)',
        value: `${queryRatio.toFixed(2)}×`,
        target: '≥ 0.80×',
        passed: queryRatio >= 0.8,
        detail: `${(sortQueries.length + filterQueries.length) * 3} queries: encrypted ${encryptedQuerySeconds.toFixed(2)} s, plain ${plainQuerySeconds.toFixed(2)} s`,
      },
      {
        name: 'encryption cost: inserts (encrypted ÷ plain throughput)',
        value: `${insertRatio.toFixed(2)}×`,
        target: '≥ 0.80×',
        passed: insertRatio >= 0.8,
        detail: `${insertSize.clients + insertSize.cases + insertSize.events} rows, best of 2: encrypted ${Math.round(encryptedInsert)} rows/s, plain ${Math.round(plainInsert)} rows/s`,
      },
    ];
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

export async function runCaseloadBench(
  fixture: BenchFixture,
  log: (line: string) => void,
): Promise<Figure[]> {
  const figures: Figure[] = [];

  // Open + unlock + first page, three times in a fresh session each (the worst counts).
  const openTimes: number[] = [];
  for (let run = 0; run < 3; run += 1) {
    const session = new Session({ dataDirectory: fixture.dataDirectory, actor: 'bench' });
    const handlers = createHandlers(session);
    const { ms: elapsed, value: firstPage } = await timed(async () => {
      await call(handlers, 'session.unlock', { passphrase: benchPassphrase });
      return call(handlers, 'caseload.query', {});
    });
    openTimes.push(elapsed);
    if (run === 0)
      log(
        `  caseload: ${firstPage.total.toLocaleString('en-US')} live cases, first page of ${firstPage.rows.length}`,
      );
    await session.lock();
  }
  const openWorst = Math.max(...openTimes);
  figures.push({
    name: 'open + unlock + first page of the caseload',
    value: ms(openWorst),
    target: '≤ 1000 ms',
    passed: openWorst <= 1000,
    detail: `worst of 3 (${openTimes.map((time) => time.toFixed(0)).join(', ')} ms); includes scrypt N=2^17`,
  });

  const session = new Session({ dataDirectory: fixture.dataDirectory, actor: 'bench' });
  const handlers = createHandlers(session);
  await call(handlers, 'session.unlock', { passphrase: benchPassphrase });
  try {
    const sorts = await worstOf(handlers, sortQueries);
    figures.push({
      name: 'sort the whole caseload by any column (first page + stage counts)',
      value: ms(sorts.worst),
      target: '≤ 150 ms',
      passed: sorts.worst <= 150,
      detail: `worst: ${sorts.worstName}; median ${ms(sorts.median)}; 10 columns × 2 directions × 3 runs`,
    });
    const deepSorts = await worstOf(
      handlers,
      sortQueries.map(([name, input]) => [
        `${name}, rows 99,000–99,100`,
        { ...input, offset: 99_000, includeStageCounts: false },
      ]),
    );
    figures.push({
      name: 'a window at the end of a sorted caseload (scrolling)',
      value: ms(deepSorts.worst),
      target: '≤ 150 ms',
      passed: deepSorts.worst <= 150,
      detail: `worst: ${deepSorts.worstName}; median ${ms(deepSorts.median)}`,
    });
    const filters = await worstOf(handlers, filterQueries);
    figures.push({
      name: 'apply a filter (first page + total + stage counts)',
      value: ms(filters.worst),
      target: '≤ 100 ms',
      passed: filters.worst <= 100,
      detail: `worst: ${filters.worstName}; median ${ms(filters.median)}; ${filterQueries.length} filters × 3 runs`,
    });

    const openCaseTimes: number[] = [];
    let eventTotal = 0;
    for (let run = 0; run < 3; run += 1) {
      const { ms: elapsed, value } = await timed(async () => {
        await call(handlers, 'cases.get', { caseId: bigCaseId });
        return call(handlers, 'events.list', { caseId: bigCaseId });
      });
      openCaseTimes.push(elapsed);
      eventTotal = value.total;
    }
    const openCaseWorst = Math.max(...openCaseTimes);
    figures.push({
      name: `open a case with ${eventTotal.toLocaleString('en-US')} events (cases.get + events.list first page)`,
      value: ms(openCaseWorst),
      target: '≤ 300 ms',
      passed: openCaseWorst <= 300,
      detail: `worst of 3 (${openCaseTimes.map((time) => time.toFixed(0)).join(', ')} ms)`,
    });

    figures.push(await measureSearch(handlers));
  } finally {
    await session.lock();
  }

  figures.push(...(await measureEncryptionCost(fixture)));
  return figures;
}
