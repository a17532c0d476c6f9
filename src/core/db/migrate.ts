import { Migrator, sql, type Kysely, type Migration } from 'kysely';
import { AppError } from '../errors';
import { dialectOf } from './dialect/dialect-of';

async function appliedMigrationNames(db: Kysely<unknown>): Promise<string[]> {
  const tables = await db.introspection.getTables({ withInternalKyselyTables: true });
  if (!tables.some((table) => table.name === 'kysely_migration')) return [];
  const result = await sql<{ name: string }>`select name from kysely_migration`.execute(db);
  return result.rows.map((row) => row.name);
}

/** Refuses, with its own message, a database that a newer Advocase has already upgraded. */
async function assertNotFromNewerVersion(
  db: Kysely<unknown>,
  migrations: Readonly<Record<string, Migration>>,
): Promise<void> {
  const unknown = (await appliedMigrationNames(db)).filter((name) => !(name in migrations));
  if (unknown.length > 0) {
    throw new AppError(
      'DATA_FROM_NEWER_VERSION',
      'This data was saved by a newer version of Advocase. Update Advocase to open it; nothing was changed.',
    );
  }
}

/**
 * Brings the database up to this build's schema with its engine's migration chain, all pending
 * steps in one transaction, so an upgrade interrupted half way leaves the database as it was.
 * `upTo` stops after that migration (tests build old databases with it).
 */
export async function migrateDatabase(db: Kysely<unknown>, upTo?: string): Promise<void> {
  const { migrations } = dialectOf(db);
  await assertNotFromNewerVersion(db, migrations);
  // Nothing pending: the database is left alone. A team member's own login may read the applied
  // steps but not take the migration lock (only the owner migrates a team database).
  const applied = new Set(await appliedMigrationNames(db));
  const pending = Object.keys(migrations).filter((name) => !applied.has(name));
  if (!upTo && pending.length === 0) return;
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
  const { error } = upTo ? await migrator.migrateTo(upTo) : await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error('Migration failed.');
}
