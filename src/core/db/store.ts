import type { Kysely } from 'kysely';
import { deriveSubkey } from '../crypto/key-derivation';
import type { AdvocaseDatabase } from './schema';
import { migrateDatabase } from './migrate';
import { openPostgresConnection } from './dialect/postgres/open-postgres-connection';
import { openSqliteConnection } from './dialect/sqlite/open-sqlite-connection';

export type Store = {
  readonly db: Kysely<AdvocaseDatabase>;
  close(): Promise<void>;
};

/** Opens the encrypted database with the data key and upgrades it to this build's schema. */
export async function openStore(
  databasePath: string,
  dataKey: Buffer,
  options: { upTo?: string } = {},
): Promise<Store> {
  // The driver keeps its own copy once keyed; the subkey is zeroed as soon as the connection is open.
  const db = openSqliteConnection<AdvocaseDatabase>({
    path: databasePath,
    databaseKey: deriveSubkey(dataKey, 'database'),
  });
  try {
    await migrateDatabase(db as Kysely<unknown>, options.upTo);
  } catch (error) {
    await db.destroy();
    throw error;
  }
  return {
    db,
    // Kysely's destroy closes the better-sqlite3 connection, which checkpoints the WAL.
    close: () => db.destroy(),
  };
}

/**
 * Opens a team's PostgreSQL database at a `postgres://` URL and upgrades it to this build's
 * schema, as `openStore` does a local file (one transaction; a newer schema is refused).
 */
export async function openPostgresStore(url: string): Promise<Store> {
  const db = openPostgresConnection<AdvocaseDatabase>({ url });
  try {
    await migrateDatabase(db as Kysely<unknown>);
  } catch (error) {
    await db.destroy();
    throw error;
  }
  return { db, close: () => db.destroy() };
}
