import type pg from 'pg';
import type { AuditVerification } from '../../shared/schemas/audit';
import { verifyAuditChainOf } from '../audit/verify-audit-chain';
import type { AuditChainSource } from '../db/dialect/chain-append';
import { sealTeamAuditTrailFunction } from '../db/dialect/postgres/seal-team-audit-trail-after-commit';
import type { AuditEntryRow } from '../db/tables/audit-log';

type TrailRow = Omit<AuditEntryRow, 'id' | 'row_id'> & { id: string; row_id: string };

/**
 * A team database's audit trail (`team_audit_log`, the chain the database seals from its trigger's
 * entries, in the local audit log's chain) as the app's chain verifier reads it. Its highest id
 * issued is the head row the sealer moves with each entry, as SQLite's AUTOINCREMENT counter is
 * the local one's.
 */
export function teamAuditTrail(client: pg.Client): AuditChainSource {
  // bigint comes back from pg as text; the chain hashes row ids as the numbers they are.
  const asEntry = (row: TrailRow): AuditEntryRow => ({
    ...row,
    id: Number(row.id),
    row_id: Number(row.row_id),
  });
  return {
    readPage: async (afterId, limit) =>
      (
        await client.query<TrailRow>(
          `SELECT id, actor, at, table_name, row_id, action, before, after, content_salt, content_hash, entry_hash
           FROM team_audit_log WHERE id > $1 ORDER BY id LIMIT $2`,
          [afterId, limit],
        )
      ).rows.map(asEntry),
    readBlankings: async () =>
      (
        await client.query<{ id: string; after: string | null }>(
          `SELECT id, after FROM team_audit_log WHERE action = 'blank' ORDER BY id`,
        )
      ).rows.map((row) => ({ id: Number(row.id), after: row.after })),
    highestIdIssued: async () =>
      Number(
        (await client.query<{ last_id: string }>('SELECT last_id FROM team_audit_head')).rows[0]?.last_id ??
          0,
      ),
  };
}

/**
 * Seals what has been written and committed but not yet linked (a change made with another program
 * since the app's last commit; migration 0196), then walks the chain. When another copy is sealing
 * at that moment, the entries it is taking are checked next time.
 */
export async function verifyTeamAuditTrail(client: pg.Client): Promise<AuditVerification> {
  await client.query(`SELECT ${sealTeamAuditTrailFunction}()`);
  return verifyAuditChainOf(teamAuditTrail(client));
}
