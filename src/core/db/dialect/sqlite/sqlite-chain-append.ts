import { sql } from 'kysely';
import type { ChainAppend } from '../chain-append';

/**
 * SQLite lets one transaction write at a time (https://sqlite.org/lockingv3.html): every append
 * already has its turn, and links its entry to the last one as it writes it.
 * The chain is the log in id order (AUTOINCREMENT ids, which a rolled-back write takes back).
 */
export const sqliteChainAppend: ChainAppend = {
  linksWhenWritten: true,
  chainToVerify: async (db) => ({
    readPage: (afterId, limit) =>
      db.selectFrom('audit_log').selectAll().where('id', '>', afterId).orderBy('id').limit(limit).execute(),
    readBlankings: () =>
      db
        .selectFrom('audit_log')
        .select(['id', 'after'])
        .where('action', '=', 'blank')
        .orderBy('id')
        .execute(),
    // AUTOINCREMENT's counter (https://sqlite.org/autoinc.html): removing the newest entries still shows.
    highestIdIssued: async () => {
      const { rows } = await sql<{
        seq: number;
      }>`SELECT seq FROM sqlite_sequence WHERE name = 'audit_log'`.execute(db);
      return Number(rows[0]?.seq ?? 0);
    },
  }),
};
