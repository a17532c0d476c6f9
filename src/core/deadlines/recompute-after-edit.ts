import type { Kysely } from 'kysely';
import type { AdvocaseDatabase } from '../db/schema';
import { recomputeCaseDeadlines } from './recompute';

/**
 * Recomputes the deadlines of every case that a run of `actor`'s audit entries touched: the case itself,
 * its timeline events, tasks and funding options, or a coverage it uses. Undo and the trash write through the
 * audit log rather than the services, so they call this instead of each service's own recompute.
 */
export async function recomputeDeadlinesTouchedBy(
  db: Kysely<AdvocaseDatabase>,
  actor: string,
  firstAuditId: number,
  lastAuditId: number,
): Promise<void> {
  const entries = await db
    .selectFrom('audit_log')
    .select(['table_name', 'row_id', 'before', 'after'])
    .where('actor', '=', actor)
    .where('id', '>=', firstAuditId)
    .where('id', '<=', lastAuditId)
    .execute();
  const caseIds = new Set<number>();
  const coverageIds = new Set<number>();
  for (const entry of entries) {
    if (entry.table_name === 'cases') caseIds.add(entry.row_id);
    if (entry.table_name === 'coverages') coverageIds.add(entry.row_id);
    if (
      entry.table_name === 'events' ||
      entry.table_name === 'tasks' ||
      entry.table_name === 'funding_options'
    ) {
      const row = JSON.parse(entry.after ?? entry.before ?? '{}') as { case_id?: number };
      if (typeof row.case_id === 'number') caseIds.add(row.case_id);
    }
  }
  if (coverageIds.size > 0) {
    const users = await db
      .selectFrom('cases')
      .select('id')
      .where('coverage_id', 'in', [...coverageIds])
      .execute();
    for (const { id } of users) caseIds.add(id);
  }
  for (const caseId of caseIds) await recomputeCaseDeadlines(db, actor, caseId);
}
