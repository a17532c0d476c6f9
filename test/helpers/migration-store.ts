import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { sql } from 'kysely';
import { migrations } from '../../src/core/db/migrations';
import { openStore, type Store } from '../../src/core/db/store';
import { useTemporaryDataDirectory } from './temporary-data-directory';

export const migrationNames: readonly string[] = Object.keys(migrations);

/** The migration listed just before `name` (the schema an upgrade to `name` starts from). */
export function migrationBefore(name: string): string {
  const index = migrationNames.indexOf(name);
  if (index < 1) throw new Error(`No migration before "${name}" in src/core/db/migrations/index.ts.`);
  return migrationNames[index - 1]!;
}

/**
 * A real encrypted store as an older build left it, stopped after one migration. Seeded with raw
 * SQL written against that migration's schema (never today's typed tables, which a later
 * migration may have changed), then upgraded the way an unlock upgrades it.
 */
export type StoreAtMigration = {
  /** Runs statements as they are, one at a time, on the old schema. */
  seed(...statements: readonly string[]): Promise<void>;
  /** The table names the old schema has. */
  tableNames(): Promise<string[]>;
  /** Closes the old store and opens it again upgraded up to `migration` (all of them by default). */
  migrateTo(migration?: string): Promise<Store>;
};

/** Per test: `migrateTo(name)` makes a fresh store in a temporary folder migrated up to `name`. */
export function useStoreAtMigration(): (migration: string) => Promise<StoreAtMigration> {
  const newDataDirectory = useTemporaryDataDirectory();
  return async (migration) => {
    if (!migrationNames.includes(migration)) {
      throw new Error(`No migration "${migration}" in src/core/db/migrations/index.ts.`);
    }
    const path = join(newDataDirectory(), 'advocase.db');
    const dataKey = randomBytes(32);
    const old = await openStore(path, dataKey, { upTo: migration });
    return {
      seed: async (...statements) => {
        for (const statement of statements) await sql.raw(statement).execute(old.db);
      },
      tableNames: async () => (await old.db.introspection.getTables()).map((table) => table.name),
      migrateTo: async (upTo) => {
        await old.close();
        return openStore(path, dataKey, upTo === undefined ? {} : { upTo });
      },
    };
  };
}
