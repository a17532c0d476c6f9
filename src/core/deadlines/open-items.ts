import type { Kysely } from 'kysely';
import { formatCaseNumber } from '../../shared/domain/case-number';
import type { AgendaBucket, AgendaItem, DeadlineStatus } from '../../shared/schemas/deadlines';
import type { AdvocaseDatabase } from '../db/schema';
import { isOutstanding, judgeDisplayStatus } from './case-deadline-rows';
import { isTrackedOnCase, judgeTaskStatus } from './open-work';
import { meaningOf } from './deadline-meaning';
import { daysBetween, formatInstantInZone } from './date-arithmetic';
import { resolveClock, type Clock } from './deadline-clock';
import { refreshDeadlineStatusesOncePerDay } from './daily-refresh';

/** The last day of the "next 30 days" section; everything after it is "later" (a 180-day window too). */
const agendaNearDays = 30;

function bucketOf(status: DeadlineStatus, dueOn: string, today: string): AgendaBucket {
  if (status === 'missed' || dueOn < today) return 'overdue';
  if (dueOn === today) return 'today';
  const days = daysBetween(today, dueOn);
  if (days <= 7) return 'this-week';
  if (days <= agendaNearDays) return 'next-30-days';
  return 'later';
}

/**
 * The open work (open-work.ts) of every case the connection sees, or of one case: the Agenda is this list, the
 * Deadlines tab's `openItems` this list for its case. Sorted by date.
 */
export async function listOpenItems(
  db: Kysely<AdvocaseDatabase>,
  clock: Clock = {},
  scope: { readonly caseId?: number } = {},
): Promise<{ asOf: string; items: AgendaItem[] }> {
  const { now, timeZone, today } = resolveClock(clock);
  await refreshDeadlineStatusesOncePerDay(db, { now, timeZone });
  let deadlineQuery = db
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
    .where('case_deadlines.status', '<>', 'not-tracked');
  if (scope.caseId !== undefined) deadlineQuery = deadlineQuery.where('cases.id', '=', scope.caseId);
  const items: AgendaItem[] = [];
  for (const row of await deadlineQuery.execute()) {
    const status = judgeDisplayStatus(
      { status: row.status, dueOn: row.computed_due.slice(0, 10), dueAt: row.due_at },
      { overrideDueOn: row.override_due_on, doneAt: row.done_at },
      now,
      timeZone,
    );
    const bucket = bucketOf(status, row.due_on, today);
    if (!isOutstanding(status) || !isTrackedOnCase(bucket === 'overdue', row)) continue;
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
      citation: row.citation_text ? { text: row.citation_text, url: row.citation_url } : null,
      promisedOnCallAt: null,
    });
  }
  let taskQuery = db
    .selectFrom('tasks')
    .innerJoin('cases', 'cases.id', 'tasks.case_id')
    .innerJoin('clients', 'clients.id', 'cases.client_id')
    // The call a promise was made on (a re-authorization task points to its approval instead).
    .leftJoin('events', (join) =>
      join
        .onRef('events.id', '=', 'tasks.source_event_id')
        .on('events.type', '=', 'phone_call')
        .on('events.deleted_at', 'is', null),
    )
    .select([
      'tasks.id',
      'tasks.case_id',
      'tasks.title',
      'tasks.due_on',
      'clients.full_name as client_name',
      'cases.stage',
      'cases.closing_deadlines',
      'events.occurred_at as call_at',
    ])
    .where('cases.deleted_at', 'is', null)
    .where('clients.deleted_at', 'is', null)
    .where('tasks.done_at', 'is', null)
    .where('tasks.due_on', 'is not', null);
  if (scope.caseId !== undefined) taskQuery = taskQuery.where('cases.id', '=', scope.caseId);
  for (const task of await taskQuery.execute()) {
    const dueOn = task.due_on!;
    const status = judgeTaskStatus(dueOn, now, timeZone);
    const bucket = bucketOf(status, dueOn, today);
    if (!isTrackedOnCase(bucket === 'overdue', task)) continue;
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
      citation: null,
      promisedOnCallAt: task.call_at,
    });
  }
  items.sort((left, right) =>
    left.dueOn !== right.dueOn ? (left.dueOn < right.dueOn ? -1 : 1) : left.id < right.id ? -1 : 1,
  );
  return { asOf: today, items };
}
