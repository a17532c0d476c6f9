import { tmpdir } from 'node:os';
import type Database from 'better-sqlite3-multiple-ciphers';
import type { Kysely } from 'kysely';
import { createHandlers } from '../src/core/api/create-handlers';
import type { AdvocaseDatabase } from '../src/core/db/schema';
import { openEncryptedSqlite } from '../src/core/db/sqlite/open-encrypted-sqlite';
import { setDefaultLogThreshold } from '../src/core/logging/logger';
import { queryCaseload } from '../src/core/caseload/caseload-query-service';
import { Session } from '../src/core/session/session';
import { dataFilePaths } from '../src/core/storage/data-directory';
import { caseloadQueryInputSchema } from '../src/shared/schemas/caseload';
import { peakMemoryRiseMb } from './peak-memory';
import { benchPassphrase, fixtureDatabaseKey, openPlainKysely } from './fixture';
import {
  exportCaseloadCsv,
  filterQueries,
  type CsvExportTiming,
  openBigCase,
  quickFilterQueries,
  searchP95,
  sortQueries,
  timed,
  timeEachOutcome,
  timeEachQuery,
  unlockToFirstPage,
} from './user-operations';

/**
 * The cold half of the bench: run by bench/run.ts as a new process after the fixture's files were
 * evicted from the OS page cache, so nothing this process reads is decrypted, parsed or cached
 * yet. Prints one JSON line. Tasks:
 *  - `session DATA_DIR [unlock]`: unlock as the app does, then the first of every caseload
 *    operation (or none, with `unlock`).
 *  - `workload DATA_DIR encrypted|plain PLAIN_PATH`: the caseload queries and a scan of a million
 *    timeline rows, cold then warm, on the encrypted store or its plain copy (same settings).
 */

setDefaultLogThreshold('silent');
const [task, dataDirectory, which, plainPath] = process.argv.slice(2);
const print = (value: unknown) => process.stdout.write(`${JSON.stringify(value)}\n`);

async function coldSession(directory: string, isUnlockOnly: boolean) {
  const session = new Session({ dataDirectory: directory, actor: 'bench' });
  const handlers = createHandlers(session);
  const firstPage = await unlockToFirstPage(handlers, benchPassphrase);
  if (isUnlockOnly) {
    await session.lock();
    return firstPage;
  }
  const sorts = await timeEachQuery(handlers, sortQueries);
  const filters = await timeEachQuery(handlers, filterQueries);
  const quickFilters = await timeEachQuery(handlers, quickFilterQueries);
  const search = await searchP95(handlers);
  const openCase = await timed(() => openBigCase(handlers));
  const outcomes = await timeEachOutcome(handlers);
  let csv: CsvExportTiming | null = null;
  const csvPeakRiseMb = await peakMemoryRiseMb(async () => {
    csv = await exportCaseloadCsv(handlers, tmpdir());
  });
  const { firstBytesMs: csvFirstBytes, totalMs: csvExport, bytes: csvBytes } = csv!;
  await session.lock();
  return {
    ...firstPage,
    sorts,
    filters,
    quickFilters,
    search,
    openCase,
    outcomes,
    csvFirstBytes,
    csvExport,
    csvBytes,
    csvPeakRiseMb,
  };
}

/** Every caseload query once through the service, without the contract around it. */
async function caseloadWorkload(db: Kysely<AdvocaseDatabase>): Promise<number> {
  const inputs = [...sortQueries, ...filterQueries, ...quickFilterQueries].map(([, input]) =>
    caseloadQueryInputSchema.parse(input),
  );
  return timed(async () => {
    for (const input of inputs) await queryCaseload(db, input);
  });
}

/** Reads a million timeline rows (or all, if fewer): the pages' decryption, little else. */
function eventScan(connection: Database.Database): number {
  const started = performance.now();
  connection.prepare('SELECT count(*), sum(length(details)) FROM events WHERE id <= 1000000').get();
  return performance.now() - started;
}

async function openEncryptedKysely(directory: string) {
  const store = openEncryptedSqlite(dataFilePaths(directory).database, await fixtureDatabaseKey(directory));
  return { db: store.createKysely<AdvocaseDatabase>(), connection: store.connection };
}

async function workload(directory: string, encrypted: boolean, plain: string) {
  const { db, connection } = encrypted
    ? await openEncryptedKysely(directory)
    : await openPlainKysely<AdvocaseDatabase>(plain);
  const caseloadCold = await caseloadWorkload(db);
  const scanCold = eventScan(connection);
  const caseloadWarm = await caseloadWorkload(db);
  const scanWarm = eventScan(connection);
  await db.destroy();
  return { caseloadCold, scanCold, caseloadWarm, scanWarm };
}

if (task === 'session' && dataDirectory) print(await coldSession(dataDirectory, which === 'unlock'));
else if (task === 'workload' && dataDirectory && plainPath)
  print(await workload(dataDirectory, which === 'encrypted', plainPath));
else {
  process.stderr.write(
    'Usage: tsx bench/fresh-process.ts session DATA_DIR [unlock] | workload DATA_DIR encrypted|plain PLAIN_PATH\n',
  );
  process.exit(2);
}
