import { sql } from 'kysely';
import type { IdSequence } from '../id-sequence';

/**
 * The identity column's sequence, found by pg_get_serial_sequence; its last_value is null until
 * it first hands out an id (https://www.postgresql.org/docs/current/view-pg-sequences.html).
 */
export const postgresIdSequence: IdSequence = {
  async highestIdIssued(db, table) {
    const { rows } = await sql<{ issued: number | null }>`
      SELECT s.last_value AS issued FROM pg_sequences s
      WHERE format('%I.%I', s.schemaname, s.sequencename)::regclass = pg_get_serial_sequence(${table}, 'id')::regclass`.execute(
      db,
    );
    return rows[0]?.issued ?? 0;
  },
};
