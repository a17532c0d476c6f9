import { sql } from 'kysely';
import type { IdSequence } from '../id-sequence';

/** AUTOINCREMENT's counter, kept in sqlite_sequence (https://sqlite.org/autoinc.html). */
export const sqliteIdSequence: IdSequence = {
  async highestIdIssued(db, table) {
    const { rows } = await sql<{
      seq: number;
    }>`SELECT seq FROM sqlite_sequence WHERE name = ${table}`.execute(db);
    return Number(rows[0]?.seq ?? 0);
  },
};
