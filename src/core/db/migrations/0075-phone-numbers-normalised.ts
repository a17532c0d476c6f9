/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are frozen history, typed against no schema (Kysely's guidance) */
import { sql, type Kysely } from 'kysely';

/**
 * Phone and fax numbers saved before this migration were kept as typed ("8605550142", "860.555.0142"),
 * so letters, cover sheets and screens printed them as typed. From now on they are stored as
 * (555) 123-4567 when they can be read; this rewrites the ones already saved the same way.
 *
 * Only the unambiguous case is rewritten: exactly 10 digits, or 11 starting with 1, and nothing
 * else but separators. Anything else ("555-0142", "+44 20 7946 0958", "1-800-555-0199 then 3") is
 * left as typed. The rule is written out here rather than imported, because a migration must keep
 * doing what it did on the day it shipped (frozen history), whatever the live formatter becomes.
 */
function rewritten(typed: string): string | null {
  if (!/^[\s\d().+\-/]+$/.test(typed) || (typed.trim().startsWith('+') && !typed.trim().startsWith('+1'))) {
    return null;
  }
  const digits = typed.replace(/\D/g, '');
  const national = digits.length === 11 && digits.startsWith('1') ? digits.slice(1) : digits;
  if (national.length !== 10) return null;
  const printed = `(${national.slice(0, 3)}) ${national.slice(3, 6)}-${national.slice(6)}`;
  return printed === typed ? null : printed;
}

const phoneColumns: readonly (readonly [table: string, column: string])[] = [
  ['clients', 'phone'],
  ['coverages', 'payer_phone'],
  ['coverages', 'payer_fax'],
  ['providers', 'phone'],
  ['providers', 'fax'],
  ['resources', 'phone'],
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const [table, column] of phoneColumns) {
    const rows = await sql<{ id: number; value: string }>`
      select id, ${sql.ref(column)} as value from ${sql.table(table)} where ${sql.ref(column)} is not null
    `.execute(db);
    for (const row of rows.rows) {
      const value = rewritten(row.value);
      if (value === null) continue;
      await sql`update ${sql.table(table)} set ${sql.ref(column)} = ${value} where id = ${row.id}`.execute(
        db,
      );
    }
  }
}
