import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import pg from 'pg';
import { inject } from 'vitest';
import { openPostgresConnection } from '../../src/core/db/dialect/postgres/open-postgres-connection';
import { migrateDatabase } from '../../src/core/db/migrate';

const migratedTemplate = 'advocase_migrated_template';
// Any number, the same in every test process: the lock that lets one of them make the template.
const templateLock = 7_310_115;

function serverUrlWith(database: string): string {
  const url = new URL(inject('postgresServerUrl'));
  url.pathname = `/${database}`;
  return url.toString();
}

async function onMaintenanceDatabase<Result>(work: (client: pg.Client) => Promise<Result>): Promise<Result> {
  const client = new pg.Client(inject('postgresServerUrl'));
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/**
 * The template every migrated test database is copied from, migrated once per run by whichever
 * test process asks first (copying a database is much quicker than running the chain again).
 */
async function ensureMigratedTemplate(client: pg.Client): Promise<void> {
  await client.query('SELECT pg_advisory_lock($1)', [templateLock]);
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [
      migratedTemplate,
    ]);
    if (rowCount) return;
    await client.query(`CREATE DATABASE ${migratedTemplate}`);
    const db = openPostgresConnection<unknown>({ url: serverUrlWith(migratedTemplate) });
    try {
      await migrateDatabase(db);
    } finally {
      await db.destroy();
    }
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [templateLock]);
  }
}

export type PostgresTestDatabase = {
  /** Its `postgres://` URL, as the server's superuser. */
  readonly url: string;
  /** Drops it, ending whatever connections are still open to it. */
  readonly drop: () => Promise<void>;
};

/**
 * A new database on the run's PostgreSQL server: empty, or (`migrated`) at this build's schema,
 * copied from a template migrated once per run.
 */
export async function createPostgresTestDatabase(
  options: { readonly migrated: boolean } = { migrated: true },
): Promise<PostgresTestDatabase> {
  const name = `advocase_test_${randomBytes(6).toString('hex')}`;
  await onMaintenanceDatabase(async (client) => {
    if (options.migrated) {
      await ensureMigratedTemplate(client);
      await client.query(`CREATE DATABASE ${name} TEMPLATE ${migratedTemplate}`);
    } else {
      await client.query(`CREATE DATABASE ${name}`);
    }
  });
  return {
    url: serverUrlWith(name),
    drop: () =>
      onMaintenanceDatabase(
        async (client) => void (await client.query(`DROP DATABASE ${name} WITH (FORCE)`)),
      ),
  };
}

/** Opens a Kysely connection to a test database (close it with `destroy`). */
export function openPostgresTestConnection<Database>(database: PostgresTestDatabase): Kysely<Database> {
  return openPostgresConnection<Database>({ url: database.url });
}
