import type { Kysely } from 'kysely';
import type { AdvocaseDatabase } from '../db/schema';
import { appendAuditEntry } from '../db/tables/audit-log';

export type NewTimelineEvent = {
  readonly caseId: number;
  readonly type: string;
  /** ISO 8601 in UTC. */
  readonly occurredAt: string;
  readonly summary: string;
  readonly details: Readonly<Record<string, unknown>>;
};

export async function addTimelineEvent(
  db: Kysely<AdvocaseDatabase>,
  actor: string,
  event: NewTimelineEvent,
): Promise<number> {
  const row = await db
    .insertInto('events')
    .values({
      case_id: event.caseId,
      type: event.type,
      occurred_at: event.occurredAt,
      summary: event.summary,
      details: JSON.stringify(event.details),
      created_at: new Date().toISOString(),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await appendAuditEntry(db, {
    actor,
    tableName: 'events',
    rowId: row.id,
    action: 'insert',
    before: null,
    after: row,
  });
  return row.id;
}
