import type { Kysely } from 'kysely';
import { up as datePayerDecisionsByTheirNotice } from '../../../migrations/0202-payer-decisions-dated-by-notice';

/**
 * The PostgreSQL half of 0202 (the SQLite chain's step says why): the same step, which reads and
 * writes only the events both stores share. The kept rows Outcomes counts follow by their
 * triggers, and a team's audit trail records the change as the owner's maintenance.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await datePayerDecisionsByTheirNotice(db);
}
