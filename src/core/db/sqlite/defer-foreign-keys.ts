import { sql, type Kysely } from 'kysely';

/**
 * Checks foreign keys at the transaction's commit instead of at each statement, so a bulk writer
 * can insert children before their parents (SQLite resets this at commit or rollback:
 * https://www.sqlite.org/pragma.html#pragma_defer_foreign_keys). The CSV import inserts coverage
 * before its clients so the clients' search entries are written once, complete.
 */
export async function deferForeignKeysToCommit<DB>(trx: Kysely<DB>): Promise<void> {
  await sql`PRAGMA defer_foreign_keys = ON`.execute(trx);
}
