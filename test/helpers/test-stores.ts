import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openPostgresStore, openStore, type Store } from '../../src/core/db/store';
import { createPostgresTestDatabase } from './postgres-database';

/** The engines a store can run on: the local encrypted SQLite file, or a team's PostgreSQL database. */
export const storeEngines = ['sqlite', 'postgres'] as const;
export type StoreEngine = (typeof storeEngines)[number];

/**
 * A new store at this build's schema on `engine`, opened as the app opens it: a real encrypted
 * file in a temporary folder, or a real database on the run's PostgreSQL server. Closing it
 * removes the file or drops the database.
 */
export async function openTestStore(engine: StoreEngine): Promise<Store> {
  if (engine === 'sqlite') {
    const folder = mkdtempSync(join(tmpdir(), 'advocase-test-'));
    const store = await openStore(join(folder, 'advocase.db'), randomBytes(32));
    return {
      db: store.db,
      close: async () => {
        await store.close();
        rmSync(folder, { recursive: true, force: true });
      },
    };
  }
  const database = await createPostgresTestDatabase();
  const store = await openPostgresStore(database.url);
  return {
    db: store.db,
    close: async () => {
      await store.close();
      await database.drop();
    },
  };
}
