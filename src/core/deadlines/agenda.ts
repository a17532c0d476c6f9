import type { Kysely } from 'kysely';
import type { Agenda, AgendaItemRef } from '../../shared/schemas/deadlines';
import type { Task } from '../../shared/schemas/tasks';
import { auditedInsert } from '../db/audited-writes';
import { inTransaction } from '../db/in-transaction';
import { asOneEdit } from '../history/edit-groups';
import { formatCaseNumber } from '../../shared/domain/case-number';
import type { AdvocaseDatabase } from '../db/schema';
import { AppError } from '../errors';
import { addTimelineEvent, assertCaseExists } from '../events/events-service';
import { setTaskDone } from '../tasks/tasks-service';
import { assertDeadlineExists, writeAdjustment } from './case-deadlines-service';
import { meaningOf } from './deadline-meaning';
import { listOpenItems } from './open-items';
import { resolveClock, type Clock } from './deadline-clock';
import { recomputeCaseDeadlines } from './recompute';

/**
 * The Agenda: every case's open work (open-items.ts: outstanding deadlines and dated tasks), in
 * sections by how soon.
 */
export function getAgenda(db: Kysely<AdvocaseDatabase>, clock: Clock = {}): Promise<Agenda> {
  return listOpenItems(db, clock);
}

/**
 * "Mark done" from the agenda: a note on the case's timeline says what was done and when, and the
 * deadline (or task) leaves the agenda. Both writes are audited, in one transaction, and are one
 * step for Undo: taking it back puts the item back on the agenda and the note in the trash.
 */
export function markAgendaItemDone(
  db: Kysely<AdvocaseDatabase>,
  actor: string,
  item: AgendaItemRef,
  note: string | null,
  clock: Clock = {},
): Promise<void> {
  return asOneEdit(
    db,
    actor,
    'edit',
    async (trx) => ({ result: undefined, label: await markItemDone(trx, actor, item, note, clock) }),
    // The note, the task and the deadline each recompute the case's deadlines as they are written
    // (on the caller's clock): asOneEdit need not recompute them once more.
    { derivedDataStored: true },
  );
}

/** Marks one item done inside the caller's transaction; returns the words Undo names it by. */
async function markItemDone(
  trx: Kysely<AdvocaseDatabase>,
  actor: string,
  item: AgendaItemRef,
  note: string | null,
  clock: Clock = {},
): Promise<string> {
  const { now, timeZone } = resolveClock(clock);
  if (item.source === 'task') {
    const task = await trx.selectFrom('tasks').selectAll().where('id', '=', item.taskId).executeTakeFirst();
    if (!task) throw new AppError('NOT_FOUND', `There is no task with id ${item.taskId}.`, 'taskId');
    await addTimelineEvent(trx, actor, task.case_id, {
      type: 'note',
      occurredAt: now.toISOString(),
      summary: `Done: ${task.title}${note ? ` — ${note}` : ''}`,
      details: {},
    });
    await setTaskDone(trx, actor, task.id, true);
    return `Marked task "${task.title}" done`;
  }
  await assertDeadlineExists(trx, item.caseId, item.deadlineKey);
  const row = await trx
    .selectFrom('case_deadlines')
    .selectAll()
    .where('case_id', '=', item.caseId)
    .where('deadline_key', '=', item.deadlineKey)
    .executeTakeFirstOrThrow();
  const event = await addTimelineEvent(trx, actor, item.caseId, {
    type: 'note',
    occurredAt: now.toISOString(),
    summary: `Deadline marked done (due ${row.due_on}): ${meaningOf(row.rule)}${note ? ` — ${note}` : ''}`,
    details: {},
  });
  await writeAdjustment(trx, actor, item.caseId, item.deadlineKey, {
    done_at: now.toISOString(),
    done_event_id: event.id,
  });
  await recomputeCaseDeadlines(trx, actor, item.caseId, { now, timeZone });
  return `Marked a deadline done on case ${formatCaseNumber(item.caseId)}`;
}

/**
 * Closing a case can close out its promises (Close case asks): each dated task still open is
 * marked done as the Agenda's "Mark done" does, with a note on the timeline saying why.
 */
export async function closeOutOpenTasksOfCase(
  db: Kysely<AdvocaseDatabase>,
  actor: string,
  caseId: number,
): Promise<void> {
  const { items } = await listOpenItems(db, {}, { caseId });
  for (const item of items) {
    if (item.taskId === null) continue;
    await markItemDone(db, actor, { source: 'task', taskId: item.taskId }, 'closed out with the case');
  }
}

/** A dated to-do on a case that shares the agenda and reminders: "call the rep back Friday". */
export function addManualDeadline(
  db: Kysely<AdvocaseDatabase>,
  actor: string,
  input: { caseId: number; title: string; dueOn: string },
): Promise<Task> {
  return inTransaction(db, async (trx) => {
    await assertCaseExists(trx, input.caseId);
    const now = new Date().toISOString();
    const row = await auditedInsert(trx, actor, 'tasks', {
      case_id: input.caseId,
      title: input.title,
      due_on: input.dueOn,
      done_at: null,
      source_event_id: null,
      created_at: now,
      updated_at: now,
    });
    await recomputeCaseDeadlines(trx, actor, input.caseId); // The caseload's next deadline counts it.
    return {
      id: row.id,
      caseId: row.case_id,
      title: row.title,
      dueOn: row.due_on,
      doneAt: row.done_at,
      sourceEventId: row.source_event_id,
    };
  });
}
