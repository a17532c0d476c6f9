import type { Kysely } from 'kysely';
import { formatCaseNumber } from '../../shared/domain/case-number';
import type { PlanType } from '../../shared/domain/plan-types';
import type {
  Agenda,
  AgendaBucket,
  AgendaItem,
  AgendaItemRef,
  CaseDeadline,
  CaseDeadlines,
  PayerRequest,
  ReminderSettings,
  ReminderSummary,
} from '../../shared/schemas/deadlines';
import type { Task } from '../../shared/schemas/tasks';
import { writeCalendar, type CalendarEntry } from '../calendar/ics';
import { auditedUpdate } from '../db/audited-update';
import { inTransaction } from '../db/in-transaction';
import type { AdvocaseDatabase } from '../db/schema';
import { appendAuditEntry } from '../db/audit-log';
import type { CaseDeadlineRow, DeadlineAdjustmentRow } from '../db/tables/case-deadlines';
import { AppError } from '../errors';
import { summarizeReminders, type ReminderDeadline } from '../reminders/schedule';
import { addTimelineEvent, assertCaseExists } from '../events/events-service';
import { setTaskDone } from '../tasks/tasks-service';
import {
  isOutstanding,
  judgeDisplayStatus,
  payerRequestFollowUpDays,
  payerRequestGuidance,
} from './case-deadline-rows';
import { addCalendarDays, civilDateInZone, daysBetween, formatInstantInZone } from './date-arithmetic';
import { fundingDeadlineRules } from '../funding/funding-deadlines';
import { deadlineRules } from './rules';
import { adjustmentsOfCase, recomputeCaseDeadlines } from './recompute';
import { refreshDeadlineStatusesOncePerDay } from './daily-refresh';
import { readReminderSettings, updateReminderSettings } from './reminder-settings';
import { userTimeZone } from './time-zone';
import { isClosedStage, type ClosingDeadlineChoice } from '../../shared/domain/case-lifecycle';
import type { CaseStage } from '../../shared/domain/case-stages';

/** The clock and the calendar a call works on; tests pass fixed ones. */
export type Clock = { readonly now?: Date; readonly timeZone?: string };

function resolveClock(clock: Clock): { now: Date; timeZone: string; today: string } {
  const now = clock.now ?? new Date();
  const timeZone = clock.timeZone ?? userTimeZone();
  return { now, timeZone, today: civilDateInZone(now.getTime(), timeZone) };
}

const ownMeanings: Readonly<Record<string, string>> = {
  reauthorization_request:
    'The approval ends: ask the payer to re-authorize (continue) the treatment before it does.',
  records_request_follow_up:
    'The payer must give you the claim file and the criteria it used, free of charge; follow up if they have not arrived.',
  erisa_plan_documents_request:
    'The plan administrator must send the plan documents you asked for; ERISA sets a 30-day penalty clock.',
};

/** A deadline rule in plain words: the engine's, Advocase's own, or a funding date's. */
export function meaningOf(rule: string): string {
  const engineRule = (deadlineRules as Readonly<Record<string, { meaning: string }>>)[rule];
  return (
    engineRule?.meaning ??
    ownMeanings[rule] ??
    (fundingDeadlineRules as Readonly<Record<string, string>>)[rule] ??
    rule
  );
}

function toCaseDeadline(
  row: CaseDeadlineRow,
  adjustment: DeadlineAdjustmentRow | undefined,
  now: Date,
  timeZone: string,
): CaseDeadline {
  const override =
    adjustment?.override_due_on && adjustment.override_reason
      ? { dueOn: adjustment.override_due_on, reason: adjustment.override_reason }
      : null;
  return {
    key: row.deadline_key,
    kind: row.kind,
    rule: row.rule,
    meaning: meaningOf(row.rule),
    computedDue: row.computed_due,
    dueOn: row.due_on,
    dueAt: row.due_at === null ? null : formatInstantInZone(Date.parse(row.due_at), timeZone),
    override,
    actor: row.actor,
    status: judgeDisplayStatus(
      { status: row.status, dueOn: row.computed_due.slice(0, 10), dueAt: row.due_at },
      adjustment && { overrideDueOn: adjustment.override_due_on, doneAt: adjustment.done_at },
      now,
      timeZone,
    ),
    citationUrl: row.citation_url,
    citationText: row.citation_text,
    note: row.note,
    confidence: row.confidence,
    sourceEventId: row.source_event_id,
    doneAt: adjustment?.done_at ?? null,
  };
}

async function planTypeOfCase(db: Kysely<AdvocaseDatabase>, caseId: number): Promise<PlanType | null> {
  const row = await db
    .selectFrom('cases')
    .leftJoin('coverages', 'coverages.id', 'cases.coverage_id')
    .select('coverages.plan_type')
    .where('cases.id', '=', caseId)
    .executeTakeFirst();
  return row?.plan_type ?? null;
}

export async function getCaseDeadlines(
  db: Kysely<AdvocaseDatabase>,
  actor: string,
  caseId: number,
  clock: Clock = {},
): Promise<CaseDeadlines> {
  await assertCaseExists(db, caseId);
  const { now, timeZone, today } = resolveClock(clock);
  await refreshDeadlineStatusesOncePerDay(db, { now, timeZone });
  let summary = await db
    .selectFrom('case_deadline_summaries')
    .selectAll()
    .where('case_id', '=', caseId)
    .executeTakeFirst();
  if (!summary || summary.time_zone !== timeZone || summary.as_of !== today) {
    await recomputeCaseDeadlines(db, actor, caseId, { now, timeZone });
    summary = await db
      .selectFrom('case_deadline_summaries')
      .selectAll()
      .where('case_id', '=', caseId)
      .executeTakeFirstOrThrow();
  }
  const [rows, adjustments, requests, planType] = await Promise.all([
    db.selectFrom('case_deadlines').selectAll().where('case_id', '=', caseId).execute(),
    adjustmentsOfCase(db, caseId),
    db.selectFrom('payer_requests').selectAll().where('case_id', '=', caseId).orderBy('sent_on').execute(),
    planTypeOfCase(db, caseId),
  ]);
  const deadlines = rows
    .map((row) => toCaseDeadline(row, adjustments.get(row.deadline_key), now, timeZone))
    // Outstanding first by date, then the settled ones, most recent first.
    .sort((left, right) => {
      const [a, b] = [isOutstanding(left.status), isOutstanding(right.status)];
      if (a !== b) return a ? -1 : 1;
      const order = left.dueOn < right.dueOn ? -1 : left.dueOn > right.dueOn ? 1 : 0;
      return a ? order : -order;
    });
  const payerRequests: PayerRequest[] = requests.map((request) => {
    const guidance = payerRequestGuidance(request.kind, planType);
    return {
      id: request.id,
      caseId: request.case_id,
      kind: request.kind,
      sentOn: request.sent_on,
      answeredOn: request.answered_on,
      note: request.note,
      daysOutstanding: request.answered_on === null ? daysBetween(request.sent_on, today) : null,
      guidance: guidance.guidance,
      followUpOn:
        request.answered_on === null ? addCalendarDays(request.sent_on, payerRequestFollowUpDays) : null,
    };
  });
  return {
    caseId,
    caseNumber: formatCaseNumber(caseId),
    asOf: today,
    timeZone,
    deadlines,
    missingFacts: JSON.parse(summary.missing_facts) as string[],
    assumptions: JSON.parse(summary.assumptions) as string[],
    payerRequests,
  };
}

async function assertDeadlineExists(
  db: Kysely<AdvocaseDatabase>,
  caseId: number,
  key: string,
): Promise<void> {
  await assertCaseExists(db, caseId);
  const found = await db
    .selectFrom('case_deadlines')
    .select('id')
    .where('case_id', '=', caseId)
    .where('deadline_key', '=', key)
    .executeTakeFirst();
  if (!found) {
    throw new AppError(
      'NOT_FOUND',
      'That deadline no longer applies to this case (its timeline changed). Reload the Deadlines tab.',
      'deadlineKey',
    );
  }
}

/** Inserts or updates the user's word on one deadline; both go to the audit log with the row before and after. */
async function writeAdjustment(
  db: Kysely<AdvocaseDatabase>,
  actor: string,
  caseId: number,
  key: string,
  changes: Partial<
    Pick<DeadlineAdjustmentRow, 'override_due_on' | 'override_reason' | 'done_at' | 'done_event_id'>
  >,
): Promise<void> {
  const existing = await db
    .selectFrom('deadline_adjustments')
    .select('id')
    .where('case_id', '=', caseId)
    .where('deadline_key', '=', key)
    .executeTakeFirst();
  if (existing) {
    await auditedUpdate(
      db,
      actor,
      'deadline_adjustments',
      existing.id,
      changes,
      'That deadline was not found.',
    );
    return;
  }
  const now = new Date().toISOString();
  const row = await db
    .insertInto('deadline_adjustments')
    .values({
      case_id: caseId,
      deadline_key: key,
      override_due_on: null,
      override_reason: null,
      done_at: null,
      done_event_id: null,
      ...changes,
      created_at: now,
      updated_at: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await appendAuditEntry(db, {
    actor,
    tableName: 'deadline_adjustments',
    rowId: row.id,
    action: 'insert',
    before: null,
    after: row,
  });
}

/**
 * Replaces a computed date with the one a plan document or notice gives. The computed date stays
 * on the row (and on screen) beside it; the new date and the reason go to the audit log.
 */
export function overrideDeadline(
  db: Kysely<AdvocaseDatabase>,
  actor: string,
  input: { caseId: number; deadlineKey: string; dueOn: string; reason: string },
  clock: Clock = {},
): Promise<CaseDeadlines> {
  return inTransaction(db, async (trx) => {
    await assertDeadlineExists(trx, input.caseId, input.deadlineKey);
    await writeAdjustment(trx, actor, input.caseId, input.deadlineKey, {
      override_due_on: input.dueOn,
      override_reason: input.reason,
    });
    const { now, timeZone } = resolveClock(clock);
    await recomputeCaseDeadlines(trx, actor, input.caseId, { now, timeZone });
    return getCaseDeadlines(trx, actor, input.caseId, { now, timeZone });
  });
}

export function clearDeadlineOverride(
  db: Kysely<AdvocaseDatabase>,
  actor: string,
  input: { caseId: number; deadlineKey: string; reason: string },
  clock: Clock = {},
): Promise<CaseDeadlines> {
  return inTransaction(db, async (trx) => {
    await assertDeadlineExists(trx, input.caseId, input.deadlineKey);
    // The reason for going back to the computed date is kept in the audit entry's "after".
    await writeAdjustment(trx, actor, input.caseId, input.deadlineKey, {
      override_due_on: null,
      override_reason: `Override removed: ${input.reason}`,
    });
    const { now, timeZone } = resolveClock(clock);
    await recomputeCaseDeadlines(trx, actor, input.caseId, { now, timeZone });
    return getCaseDeadlines(trx, actor, input.caseId, { now, timeZone });
  });
}

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
    const row = await trx
      .insertInto('tasks')
      .values({
        case_id: input.caseId,
        title: input.title,
        due_on: input.dueOn,
        done_at: null,
        source_event_id: null,
        created_at: now,
        updated_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await appendAuditEntry(trx, {
      actor,
      tableName: 'tasks',
      rowId: row.id,
      action: 'insert',
      before: null,
      after: row,
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

export function addPayerRequest(
  db: Kysely<AdvocaseDatabase>,
  actor: string,
  input: { caseId: number; kind: PayerRequest['kind']; sentOn: string; note: string | null },
  clock: Clock = {},
): Promise<CaseDeadlines> {
  return inTransaction(db, async (trx) => {
    await assertCaseExists(trx, input.caseId);
    const now = new Date().toISOString();
    const row = await trx
      .insertInto('payer_requests')
      .values({
        case_id: input.caseId,
        kind: input.kind,
        sent_on: input.sentOn,
        answered_on: null,
        note: input.note,
        event_id: null,
        created_at: now,
        updated_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await appendAuditEntry(trx, {
      actor,
      tableName: 'payer_requests',
      rowId: row.id,
      action: 'insert',
      before: null,
      after: row,
    });
    await recomputeCaseDeadlines(trx, actor, input.caseId, clock);
    return getCaseDeadlines(trx, actor, input.caseId, clock);
  });
}

export function answerPayerRequest(
  db: Kysely<AdvocaseDatabase>,
  actor: string,
  input: { requestId: number; answeredOn: string },
  clock: Clock = {},
): Promise<CaseDeadlines> {
  return inTransaction(db, async (trx) => {
    const row = await auditedUpdate(
      trx,
      actor,
      'payer_requests',
      input.requestId,
      { answered_on: input.answeredOn },
      `There is no request with id ${input.requestId}.`,
    );
    if (input.answeredOn < row.sent_on) {
      throw new AppError(
        'INVALID_INPUT',
        'The answer cannot come before the request was sent.',
        'answeredOn',
      );
    }
    await recomputeCaseDeadlines(trx, actor, row.case_id, clock);
    return getCaseDeadlines(trx, actor, row.case_id, clock);
  });
}

/** Dates still to act on, without names: what reminders count. */
export async function outstandingReminderDeadlines(
  db: Kysely<AdvocaseDatabase>,
  clock: Clock = {},
): Promise<ReminderDeadline[]> {
  const agenda = await getAgenda(db, clock);
  return agenda.items.map((item) => ({ dueOn: item.dueOn, isOverdue: item.bucket === 'overdue' }));
}

export async function getReminderSummary(
  db: Kysely<AdvocaseDatabase>,
  clock: Clock = {},
): Promise<ReminderSummary> {
  const { now, timeZone } = resolveClock(clock);
  const [deadlines, settings] = await Promise.all([
    outstandingReminderDeadlines(db, { now, timeZone }),
    readReminderSettings(db),
  ]);
  const summary = summarizeReminders(deadlines, settings.reminderLeadDays, now, timeZone);
  return { ...summary, upcoming: [...summary.upcoming] };
}

export function getReminderSettings(db: Kysely<AdvocaseDatabase>): Promise<ReminderSettings> {
  return readReminderSettings(db);
}

export async function setReminderSettings(
  db: Kysely<AdvocaseDatabase>,
  actor: string,
  changes: Partial<ReminderSettings>,
): Promise<ReminderSettings> {
  return updateReminderSettings(db, actor, changes);
}

const actorWords = { payer: 'Payer must act', claimant: 'You must act', advocate: 'To do' } as const;

/**
 * The chosen deadlines as an .ics file. Titles carry the case number (C-00012); the client's name
 * only if the user asked for it, since calendars sync to phones and are shared with assistants.
 */
export async function exportCalendar(
  db: Kysely<AdvocaseDatabase>,
  input: { items: readonly AgendaItemRef[]; includeClientNames: boolean },
  clock: Clock = {},
): Promise<{ fileName: string; content: string }> {
  const { now, timeZone } = resolveClock(clock);
  const entries: CalendarEntry[] = [];
  for (const item of input.items) {
    if (item.source === 'task') {
      const task = await db
        .selectFrom('tasks')
        .innerJoin('cases', 'cases.id', 'tasks.case_id')
        .innerJoin('clients', 'clients.id', 'cases.client_id')
        .select(['tasks.id', 'tasks.case_id', 'tasks.title', 'tasks.due_on', 'clients.full_name'])
        .where('tasks.id', '=', item.taskId)
        .executeTakeFirst();
      if (!task?.due_on)
        throw new AppError('NOT_FOUND', `Task ${item.taskId} has no due date to export.`, 'items');
      const who = input.includeClientNames ? ` (${task.full_name})` : '';
      entries.push({
        uid: `task-${task.id}@advocase.local`,
        date: task.due_on,
        summary: `${formatCaseNumber(task.case_id)}${who}: ${task.title}`,
        description: `${actorWords.advocate}. Case ${formatCaseNumber(task.case_id)}.`,
      });
      continue;
    }
    const deadlines = await getCaseDeadlines(db, 'calendar export', item.caseId, { now, timeZone });
    const deadline = deadlines.deadlines.find((candidate) => candidate.key === item.deadlineKey);
    if (!deadline) {
      throw new AppError(
        'NOT_FOUND',
        'A chosen deadline no longer applies to its case. Reload and choose again.',
        'items',
      );
    }
    const client = input.includeClientNames
      ? await db
          .selectFrom('cases')
          .innerJoin('clients', 'clients.id', 'cases.client_id')
          .select('clients.full_name')
          .where('cases.id', '=', item.caseId)
          .executeTakeFirst()
      : undefined;
    const who = client ? ` (${client.full_name})` : '';
    const timing = deadline.override
      ? { date: deadline.override.dueOn }
      : deadline.dueAt
        ? { at: new Date(Date.parse(deadline.dueAt)).toISOString() }
        : { date: deadline.dueOn };
    const description = [
      `${actorWords[deadline.actor]}: ${deadline.meaning}`,
      deadline.override
        ? `Date changed by the user from ${deadline.computedDue} to ${deadline.override.dueOn}: ${deadline.override.reason}`
        : `Estimated — verify against the notice and the plan's own documents.`,
      `Rule: ${deadline.citationText} (${deadline.citationUrl})`,
      deadline.note,
    ]
      .filter(Boolean)
      .join('\n');
    entries.push({
      uid: `${deadlines.caseNumber}-${deadline.key.replace(/[^\w.:-]/g, '-')}@advocase.local`,
      summary: `${deadlines.caseNumber}${who}: ${deadline.actor === 'payer' ? 'payer decision due' : 'deadline'} — ${deadline.rule.replace(/_/g, ' ')}`,
      description,
      url: deadline.citationUrl,
      ...timing,
    });
  }
  const stamp = civilDateInZone(now.getTime(), timeZone);
  return {
    fileName: `advocase-deadlines-${stamp}.ics`,
    content: writeCalendar(entries, now, 'Advocase deadlines'),
  };
}
