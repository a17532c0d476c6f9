import type { Kysely } from 'kysely';
import type { ParsedInput } from '../../shared/contract';
import { eventPayloadSchema, type EventPayloadInput, type TimelineEvent } from '../../shared/schemas/events';
import { dialectOf } from '../db/dialect/dialect-of';
import { inTransaction } from '../db/in-transaction';
import type { AdvocaseDatabase } from '../db/schema';
import type { EventRow } from '../db/tables/events';
import { recomputeCaseDeadlines } from '../deadlines/recompute';
import { AppError } from '../errors';
import { followTimelineStage } from '../lifecycle/case-stage';
import { auditedInsert } from '../db/audited-writes';
import { decisionOccurredAt } from './decision-occurred-at';

function toTimelineEvent(row: EventRow): TimelineEvent {
  return {
    id: row.id,
    caseId: row.case_id,
    type: row.type,
    occurredAt: row.occurred_at,
    summary: row.summary,
    details: JSON.parse(row.details) as Record<string, unknown>,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export async function assertCaseExists(
  db: Kysely<AdvocaseDatabase>,
  caseId: number,
  field = 'caseId',
): Promise<void> {
  const found = await db
    .selectFrom('cases')
    .select('id')
    .where('id', '=', caseId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (!found)
    throw new AppError('NOT_FOUND', `There is no case with id ${caseId}. It may have been deleted.`, field);
}

/**
 * Adds an event to a case's timeline. A call's promise ("a decision by Friday") becomes a task
 * with its due date, linked to the call, so it shows up with the other things to do.
 */
export function addTimelineEvent(
  db: Kysely<AdvocaseDatabase>,
  actor: string,
  caseId: number,
  payload: EventPayloadInput,
): Promise<TimelineEvent> {
  // Parsed here as well as at the boundary, so code that writes events (imports, deadlines, the
  // verification call) gets the same defaults and checks as the user's form.
  const event = eventPayloadSchema.parse(payload);
  return inTransaction(db, async (trx) => {
    await assertCaseExists(trx, caseId);
    const now = new Date().toISOString();
    const row = await auditedInsert(trx, actor, 'events', {
      case_id: caseId,
      type: event.type,
      occurred_at:
        event.type === 'payer_decision'
          ? decisionOccurredAt(event.details.noticeDate, event.occurredAt)
          : event.occurredAt,
      summary: event.summary,
      details: JSON.stringify(event.details),
      created_at: now,
      updated_at: null,
      deleted_at: null,
    });
    if (event.type === 'phone_call' && event.details.followUp) {
      await auditedInsert(trx, actor, 'tasks', {
        case_id: caseId,
        title: event.details.followUp.title,
        due_on: event.details.followUp.dueOn,
        done_at: null,
        source_event_id: row.id,
        created_at: now,
        updated_at: now,
      });
    }
    await trx.updateTable('cases').set({ updated_at: now }).where('id', '=', caseId).execute();
    // One case lifecycle: a PA request, a decision, an appeal or a review moves the stage.
    await followTimelineStage(trx, actor, caseId);
    await recomputeCaseDeadlines(trx, actor, caseId); // Deadlines: the timeline drives them.
    return toTimelineEvent(row);
  });
}

export async function listTimelineEvents(
  db: Kysely<AdvocaseDatabase>,
  query: ParsedInput<'events.list'>,
): Promise<{ events: TimelineEvent[]; total: number }> {
  await assertCaseExists(db, query.caseId);
  let select = db.selectFrom('events').where('case_id', '=', query.caseId).where('deleted_at', 'is', null);
  if (query.types && query.types.length > 0) select = select.where('type', 'in', query.types);
  if (query.text) {
    // Searching inside one case's timeline: a plain substring match over at most a few thousand rows.
    const { contains } = dialectOf(db).caseInsensitiveText;
    const text = query.text;
    select = select.where((eb) =>
      eb.or([contains(eb.ref('summary'), text), contains(eb.ref('details'), text)]),
    );
  }
  const { total } = await select
    .select((eb) => eb.fn.countAll<number>().as('total'))
    .executeTakeFirstOrThrow();
  const direction = query.order === 'oldest_first' ? 'asc' : 'desc';
  const rows = await select
    .selectAll()
    .orderBy('occurred_at', direction)
    .orderBy('id', direction)
    .limit(query.limit)
    .offset(query.offset)
    .execute();
  return { events: rows.map(toTimelineEvent), total: Number(total) };
}
