import type { Kysely } from 'kysely';
import { isClosedStage, type ClosingDeadlineChoice } from '../../shared/domain/case-lifecycle';
import { formatCaseNumber } from '../../shared/domain/case-number';
import type { CaseStage } from '../../shared/domain/case-stages';
import type { Agenda, AgendaBucket, AgendaItem, AgendaItemRef } from '../../shared/schemas/deadlines';
import type { Task } from '../../shared/schemas/tasks';
import { auditedInsert } from '../db/audited-writes';
import { inTransaction } from '../db/in-transaction';
import type { AdvocaseDatabase } from '../db/schema';
import { AppError } from '../errors';
import { addTimelineEvent, assertCaseExists } from '../events/events-service';
import { setTaskDone } from '../tasks/tasks-service';
import { isOutstanding, judgeDisplayStatus } from './case-deadline-rows';
import { assertDeadlineExists, meaningOf, writeAdjustment } from './case-deadlines-service';
import { daysBetween, formatInstantInZone } from './date-arithmetic';
import { resolveClock, type Clock } from './deadline-clock';
import { recomputeCaseDeadlines } from './recompute';
import { refreshDeadlineStatusesOncePerDay } from './daily-refresh';

/** The Agenda: every case's outstanding deadlines and dated tasks, in sections by how soon. */

function bucketOf(status: AgendaItem['status'], dueOn: string, today: string): AgendaBucket {
  if (status === 'missed' || dueOn < today) return 'overdue';
  if (dueOn === today) return 'today';
  const days = daysBetween(today, dueOn);
  if (days <= 7) return 'this-week';
  if (days <= agendaNearDays) return 'next-30-days';
  return 'later';
}

/** The last day of the "next 30 days" section; everything after it is "later" (a 180-day window too). */
export const agendaNearDays = 30;

/**
 * A closed case puts nothing overdue on the Agenda (shared/domain/case-lifecycle.ts), and, when
 * its deadlines were untracked at closing, nothing at all.
 */
function isTrackedOnAgenda(
  bucket: AgendaBucket,
  caseRow: { stage: CaseStage; closing_deadlines: ClosingDeadlineChoice | null },
): boolean {
  if (!isClosedStage(caseRow.stage)) return true;
  return bucket !== 'overdue' && caseRow.closing_deadlines === 'keep';
}

export async function getAgenda(db: Kysely<AdvocaseDatabase>, clock: Clock = {}): Promise<Agenda> {
  const { now, timeZone, today } = resolveClock(clock);
  await refreshDeadlineStatusesOncePerDay(db, { now, timeZone });
  const deadlineRows = await db
    .selectFrom('case_deadlines')
    .innerJoin('cases', 'cases.id', 'case_deadlines.case_id')
    .innerJoin('clients', 'clients.id', 'cases.client_id')
    .leftJoin('deadline_adjustments', (join) =>
      join
        .onRef('deadline_adjustments.case_id', '=', 'case_deadlines.case_id')
        .onRef('deadline_adjustments.deadline_key', '=', 'case_deadlines.deadline_key'),
    )
    .selectAll('case_deadlines')
    .select([
      'clients.full_name as client_name',
      'cases.stage',
      'cases.closing_deadlines',
      'deadline_adjustments.override_due_on',
      'deadline_adjustments.done_at',
    ])
    .where('cases.deleted_at', 'is', null)
    .where('clients.deleted_at', 'is', null)
    .where('case_deadlines.status', '<>', 'met')
    .where('case_deadlines.answered_on', 'is', null)
    .where('deadline_adjustments.done_at', 'is', null)
    .where('case_deadlines.status', '<>', 'not-tracked')
    .execute();
  const items: AgendaItem[] = [];
  for (const row of deadlineRows) {
    const status = judgeDisplayStatus(
      { status: row.status, dueOn: row.computed_due.slice(0, 10), dueAt: row.due_at },
      { overrideDueOn: row.override_due_on, doneAt: row.done_at },
      now,
      timeZone,
    );
    const bucket = bucketOf(status, row.due_on, today);
    if (!isOutstanding(status) || !isTrackedOnAgenda(bucket, row)) continue;
    items.push({
      id: `deadline:${row.case_id}:${row.deadline_key}`,
      source: 'deadline',
      bucket,
      caseId: row.case_id,
      caseNumber: formatCaseNumber(row.case_id),
      clientName: row.client_name,
      title: meaningOf(row.rule),
      dueOn: row.due_on,
      dueAt:
        row.due_at === null || row.override_due_on
          ? null
          : formatInstantInZone(Date.parse(row.due_at), timeZone),
      actor: row.actor,
      status,
      deadlineKey: row.deadline_key,
      taskId: null,
      isOverridden: row.override_due_on !== null,
      rule: row.rule,
    });
  }
  const taskRows = await db
    .selectFrom('tasks')
    .innerJoin('cases', 'cases.id', 'tasks.case_id')
    .innerJoin('clients', 'clients.id', 'cases.client_id')
    .select([
      'tasks.id',
      'tasks.case_id',
      'tasks.title',
      'tasks.due_on',
      'clients.full_name as client_name',
      'cases.stage',
      'cases.closing_deadlines',
    ])
    .where('cases.deleted_at', 'is', null)
    .where('clients.deleted_at', 'is', null)
    .where('tasks.done_at', 'is', null)
    .where('tasks.due_on', 'is not', null)
    .execute();
  for (const task of taskRows) {
    const dueOn = task.due_on!;
    const status = judgeDisplayStatus({ status: 'open', dueOn, dueAt: null }, undefined, now, timeZone);
    const bucket = bucketOf(status, dueOn, today);
    if (!isTrackedOnAgenda(bucket, task)) continue;
    items.push({
      id: `task:${task.id}`,
      source: 'task',
      bucket,
      caseId: task.case_id,
      caseNumber: formatCaseNumber(task.case_id),
      clientName: task.client_name,
      title: task.title,
      dueOn,
      dueAt: null,
      actor: 'advocate',
      status,
      deadlineKey: null,
      taskId: task.id,
      isOverridden: false,
      rule: null,
    });
  }
  items.sort((left, right) =>
    left.dueOn !== right.dueOn ? (left.dueOn < right.dueOn ? -1 : 1) : left.id < right.id ? -1 : 1,
  );
  return { asOf: today, items };
}

/**
 * "Mark done" from the agenda: a note on the case's timeline says what was done and when, and the
 * deadline (or task) leaves the agenda. Both writes are audited; one transaction.
 */
export function markAgendaItemDone(
  db: Kysely<AdvocaseDatabase>,
  actor: string,
  item: AgendaItemRef,
  note: string | null,
  clock: Clock = {},
): Promise<void> {
  return inTransaction(db, async (trx) => {
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
      return;
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
  });
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
