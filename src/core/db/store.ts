import type { Kysely } from 'kysely';
import { deriveSubkey } from '../crypto/key-derivation';
import type { AdvocaseDatabase } from './schema';
import { migrateDatabase } from './migrate';
import { openEncryptedSqlite } from './sqlite/open-encrypted-sqlite';

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
  const databaseKey = deriveSubkey(dataKey, 'database');
  let sqlite;
  try {
    sqlite = openEncryptedSqlite(databasePath, databaseKey);
  } finally {
    // SQLCipher keeps its own copy once keyed; ours is not needed past the open (docs/security.md §1, §4).
    databaseKey.fill(0);
  }
  const db = sqlite.createKysely<AdvocaseDatabase>();
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
