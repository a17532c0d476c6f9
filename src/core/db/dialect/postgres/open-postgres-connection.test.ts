import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createPostgresTestDatabase,
  openPostgresTestConnection,
  type PostgresTestDatabase,
} from '../../../../../test/helpers/postgres-database';
import type { AdvocaseDatabase } from '../../schema';
import { dialectOf } from '../dialect-of';
import { postgresDialect } from './postgres-dialect';

let database: PostgresTestDatabase;
let db: Kysely<AdvocaseDatabase>;

beforeAll(async () => {
  database = await createPostgresTestDatabase();
  db = openPostgresTestConnection<AdvocaseDatabase>(database);
});

afterAll(async () => {
  await db.destroy();
  await database.drop();
});

describe('a connection to a team database', () => {
  it('is answered by the PostgreSQL dialect, in and out of transactions', async () => {
    expect(dialectOf(db)).toBe(postgresDialect);
    await db.transaction().execute(async (transaction) => {
      expect(dialectOf(transaction)).toBe(postgresDialect);
    });
  });

  it('returns values as a local store does: whole numbers, sums and comparisons as numbers', async () => {
    const now = '2026-01-05T10:00:00.000Z';
    const { id } = await db
      .insertInto('clients')
      .values({ full_name: 'Ada Quinn', date_of_birth: null, state: 'OR', created_at: now, updated_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    expect(typeof id).toBe('number');

    const { rows } = await sql<{ count: number; total: number; isNamed: number; isMissing: number }>`
      select count(*) as count, sum(id) as total, bool_or(full_name = 'Ada Quinn') as "isNamed",
             bool_or(full_name is null) as "isMissing"
      from clients`.execute(db);
    expect(rows).toEqual([{ count: 1, total: id, isNamed: 1, isMissing: 0 }]);
  });

  it('refuses a whole number too large to read exactly, rather than rounding it', async () => {
    await expect(sql`select 9007199254740993::bigint as n`.execute(db)).rejects.toThrow(/too large/);
  });

  it('reads a field of a JSON column as its JSON value, a number as a number', async () => {
    const { rows } = await sql<{ method: string | null; level: number | null; missing: string | null }>`
      select ${postgresDialect.jsonField.read(sql.val('{"deliveryProof":{"method":"fax"},"level":2}'), 'deliveryProof.method')} as method,
             ${postgresDialect.jsonField.read(sql.val('{"level":2}'), 'level')} as level,
             ${postgresDialect.jsonField.read(sql.val('{}'), 'reason')} as missing`.execute(db);
    expect(rows).toEqual([{ method: 'fax', level: 2, missing: null }]);
  });
});
