import { sql } from 'kysely';
import { AppError } from '../../../errors';
import type { AuditEntryRow } from '../../tables/audit-log';
import type { ChainAppend } from '../chain-append';
import { postgresRowVisibility } from './postgres-row-visibility';
import { sealAuditLogFunction } from './seal-team-audit-trail-after-commit';

const chained = sql`
  SELECT c.position AS id, a.actor, a.at, a.table_name, a.row_id, a.action, a.before, a.after,
    a.content_salt, a.content_hash, a.entry_hash
  FROM audit_log_chain c JOIN audit_log a ON a.id = c.audit_id`;

/**
 * A team database: writers go side by side, each entry written with its content hash and no link,
 * and linked after its transaction commits by `advocase_team_seal_audit_log()` (migration 0208,
 * called after each commit by seal-team-audit-trail-after-commit.ts), which gives it the next place
 * in `audit_log_chain`. The chain's order is the order of sealing, and its places run without the
 * gaps and the interleaving that ids taken from a sequence by writers side by side have. Writing an
 * entry takes no lock another writer needs (before 0208, a transaction-scoped advisory lock held
 * from a transaction's first entry to its commit put every writer of the team in one line).
 */
export const postgresChainAppend: ChainAppend = {
  linksWhenWritten: false,
  async chainToVerify(db) {
    // The chain holds every case's changes, which only a supervisor reads (0208's grants): anyone
    // else is told whose check it is, not refused as if they had tried to change something.
    if (!(await postgresRowVisibility.seesEveryCase(db))) {
      throw new AppError(
        'UNAUTHORIZED',
        "Only a supervisor can check the team's audit log: it holds the changes to every case. Ask a supervisor on your team.",
      );
    }
    await sql`SELECT ${sql.raw(sealAuditLogFunction)}()`.execute(db);
    return {
      readPage: async (afterId, limit) =>
        (
          await sql<AuditEntryRow>`${chained} WHERE c.position > ${afterId} ORDER BY c.position LIMIT ${limit}`.execute(
            db,
          )
        ).rows,
      readBlankings: async () =>
        (await sql<AuditEntryRow>`${chained} WHERE a.action = 'blank' ORDER BY c.position`.execute(db)).rows,
      highestIdIssued: async () => {
        const { rows } = await sql<{
          last: number;
        }>`SELECT last_position AS last FROM audit_log_chain_head`.execute(db);
        return Number(rows[0]?.last ?? 0);
      },
    };
  },
};
