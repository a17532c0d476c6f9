import type { TestProject } from 'vitest/node';
import { startPostgresServer, type PostgresServer } from '../helpers/postgres-server';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The maintenance database of the run's PostgreSQL server, as its superuser. */
    postgresServerUrl: string;
  }
}

// Vitest runs this setup once for the root and once per project (vitest.config.ts), in the one
// main process: the first starts the server, the others share it, and the last to end stops it.
type SharedServer = { server: Promise<PostgresServer>; users: number };
const shared = globalThis as typeof globalThis & { advocaseTestPostgres?: SharedServer };

/**
 * One throwaway PostgreSQL server for the whole run (test/helpers/postgres-server.ts), stopped
 * when the run ends; each test file makes its own databases on it (test/helpers/postgres-database.ts).
 */
export default async function startTheRunsPostgresServer(project: TestProject): Promise<() => Promise<void>> {
  shared.advocaseTestPostgres ??= { server: startPostgresServer(), users: 0 };
  const run = shared.advocaseTestPostgres;
  run.users += 1;
  const server = await run.server;
  project.provide('postgresServerUrl', server.urlOf('postgres'));
  return async () => {
    run.users -= 1;
    if (run.users > 0) return;
    delete shared.advocaseTestPostgres;
    await server.stop();
  };
}
