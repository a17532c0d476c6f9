import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { sql, type Kysely } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import {
  createPostgresTestDatabase,
  openPostgresTestConnection,
  type PostgresTestDatabase,
} from '../../../../test/helpers/postgres-database';
import { useTemporaryDataDirectory } from '../../../../test/helpers/temporary-data-directory';
import { AppError } from '../../errors';
import { migrateDatabase } from '../migrate';
import { teamOnlyMigrations } from '../../team/team-only-schema';
import { migrations } from '../migrations';
import { openStore } from '../store';
import { postgresMigrations } from './postgres/migrations';
import { readPostgresLogicalSchema } from './postgres/read-postgres-logical-schema';
import { readSqliteLogicalSchema } from './sqlite/read-sqlite-logical-schema';

const newDataDirectory = useTemporaryDataDirectory();
const databases: PostgresTestDatabase[] = [];
const connections: Kysely<unknown>[] = [];

afterEach(async () => {
  for (const db of connections.splice(0)) await db.destroy();
  for (const database of databases.splice(0)) await database.drop();
});

async function emptyPostgresDatabase(): Promise<Kysely<unknown>> {
  const database = await createPostgresTestDatabase({ migrated: false });
  databases.push(database);
  const db = openPostgresTestConnection<unknown>(database);
  connections.push(db);
  return db;
}

const appliedMigrations = async (db: Kysely<unknown>) =>
  (await sql<{ name: string }>`select name from kysely_migration order by name`.execute(db)).rows.map(
    (row) => row.name,
  );

describe('the SQLite and PostgreSQL migration chains', () => {
  it('yield the same logical schema: tables, columns, types, nullability, defaults and keys', async () => {
    const store = await openStore(join(newDataDirectory(), 'advocase.db'), randomBytes(32));
    const sqliteSchema = await readSqliteLogicalSchema(store.db);
    await store.close();
    const postgres = await emptyPostgresDatabase();
    await migrateDatabase(postgres);

    const postgresSchema = await readPostgresLogicalSchema(postgres);
    expect(postgresSchema.tables.map((table) => table.name)).toEqual(
      sqliteSchema.tables.map((table) => table.name),
    );
    for (const table of sqliteSchema.tables) {
      expect(postgresSchema.tables.find((candidate) => candidate.name === table.name)).toEqual(table);
    }
  });

  it('end on the same schema version, leaving out the steps only a team database has', async () => {
    const postgres = await emptyPostgresDatabase();
    await migrateDatabase(postgres);
    const shared = (names: readonly string[]) => names.filter((name) => !teamOnlyMigrations.includes(name));
    const versions = shared(await appliedMigrations(postgres));
    expect(versions.at(-1)).toBe(Object.keys(migrations).at(-1));
    expect(shared(Object.keys(postgresMigrations)).at(-1)).toBe(Object.keys(migrations).at(-1));
    expect(teamOnlyMigrations.every((name) => name in postgresMigrations)).toBe(true);
  });
});

describe('migrating a PostgreSQL database', () => {
  it('changes nothing on a database already at this build’s schema', async () => {
    const postgres = await emptyPostgresDatabase();
    await migrateDatabase(postgres);
    const before = await readPostgresLogicalSchema(postgres);
    await migrateDatabase(postgres);
    expect(await readPostgresLogicalSchema(postgres)).toEqual(before);
    expect(await appliedMigrations(postgres)).toEqual(Object.keys(postgresMigrations));
  });

  it('refuses a database a newer Advocase has upgraded, as a local store is refused, and changes nothing', async () => {
    const postgres = await emptyPostgresDatabase();
    await migrateDatabase(postgres);
    await sql`insert into kysely_migration (name, timestamp) values ('9999-from-the-future', '2030-01-01')`.execute(
      postgres,
    );
    const before = await readPostgresLogicalSchema(postgres);

    const error = await migrateDatabase(postgres).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('DATA_FROM_NEWER_VERSION');
    expect((error as AppError).message).toMatch(/newer version of Advocase/);
    expect(await readPostgresLogicalSchema(postgres)).toEqual(before);
  });

  it('leaves an empty database empty when a step fails: the chain runs in one transaction', async () => {
    const postgres = await emptyPostgresDatabase();
    // A table the baseline creates, already there: its step fails half way through.
    await sql`create table settings (probe text)`.execute(postgres);

    await expect(migrateDatabase(postgres)).rejects.toThrow(/settings/);
    const tables = await sql<{ name: string }>`
      select table_name as name from information_schema.tables
      where table_schema = current_schema() and table_name not like 'kysely%'`.execute(postgres);
    expect(tables.rows).toEqual([{ name: 'settings' }]);
  });
});
