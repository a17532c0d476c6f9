import { chmod } from 'node:fs/promises';
import { sql, type Kysely } from 'kysely';
import type { AdvocaseDatabase } from '../schema';
import { openEncryptedSqlite } from './open-encrypted-sqlite';

/**
 * A consistent copy of the open database for a backup. `VACUUM INTO` reads inside one read
 * transaction, so the copy holds every write committed before it began and none half-done, while
 * the app's own connection stays open; SQLite3 Multiple Ciphers writes the copy under the same
 * cipher and key as the source (checked by test/backup/backup-while-writing.test.ts, which greps
 * the copy for plaintext). A file copy of a live WAL database loses acknowledged rows (docs/security.md §3).
 */
export async function writeEncryptedSnapshot(
  db: Kysely<AdvocaseDatabase>,
  targetPath: string,
): Promise<void> {
  await sql`VACUUM INTO ${targetPath}`.execute(db);
  await chmod(targetPath, 0o600);
}

export type DatabaseInspection = {
  /** "ok", or SQLite's first complaint. */
  readonly integrity: string;
  readonly clients: number;
  readonly cases: number;
  readonly documents: number;
  /** The vault files the database expects (vault_blobs.storage_id). */
  readonly storageIds: readonly string[];
};

/** Opens a database copy (never the live one) with its key and reports what a backup check needs. */
export function inspectEncryptedDatabase(path: string, databaseKey: Buffer): DatabaseInspection {
  const { connection } = openEncryptedSqlite(path, databaseKey);
  try {
    const rows = connection.pragma('integrity_check') as { integrity_check: string }[];
    const count = (table: string) =>
      (
        connection.prepare(`SELECT count(*) AS n FROM ${table} WHERE deleted_at IS NULL`).get() as {
          n: number;
        }
      ).n;
    return {
      integrity: rows.map((row) => row.integrity_check).join('; '),
      clients: count('clients'),
      cases: count('cases'),
      documents: count('documents'),
      storageIds: (
        connection.prepare('SELECT storage_id FROM vault_blobs').all() as { storage_id: string }[]
      ).map((row) => row.storage_id),
    };
  } finally {
    connection.close();
  }
}
