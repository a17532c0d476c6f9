import type { Kysely } from 'kysely';
import { formatCaseNumber } from '../../shared/domain/case-number';
import type { PlanType } from '../../shared/domain/plan-types';
import type { CaseDeadline, CaseDeadlines, PayerRequest } from '../../shared/schemas/deadlines';
import { auditedInsert, auditedUpdate } from '../db/audited-writes';
import { inTransaction } from '../db/in-transaction';
import type { AdvocaseDatabase } from '../db/schema';
import type { CaseDeadlineRow, DeadlineAdjustmentRow } from '../db/tables/case-deadlines';
import { AppError } from '../errors';
import { assertCaseExists } from '../events/events-service';
import {
  isOutstanding,
  judgeDisplayStatus,
  payerRequestFollowUpDays,
  payerRequestGuidance,
} from './case-deadline-rows';
import { addCalendarDays, daysBetween, formatInstantInZone } from './date-arithmetic';
import { resolveClock, type Clock } from './deadline-clock';
import { meaningOf } from './deadline-meaning';
import { listOpenItems } from './open-items';
import { adjustmentsOfCase, deriveCaseDeadlineRecords, recomputeCaseDeadlines } from './recompute';
import { dialectOf } from '../db/dialect/dialect-of';
import { refreshDeadlineStatusesOncePerDay } from './daily-refresh';

/**
 * A case's deadlines as the Deadlines tab shows them: the rows `recompute.ts` keeps, judged
 * against today, with the user's overrides and the payer requests outstanding.
 */

function toCaseDeadline(
  row: Omit<CaseDeadlineRow, 'id'>,
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

/**
 * The case's deadline rows and summary worked out for today in the person's zone: those stored,
 * or worked out again and stored. A login that may change nothing (a team's viewer) reads them
 * worked out in memory instead: the database refuses them any write, bookkeeping included.
 */
async function deadlineRecordsOfToday(
  db: Kysely<AdvocaseDatabase>,
  actor: string,
  caseId: number,
  clock: { readonly now: Date; readonly timeZone: string; readonly today: string },
): Promise<{
  rows: readonly Omit<CaseDeadlineRow, 'id'>[];
  summary: { missing_facts: string; assumptions: string };
}> {
  const stored = await db
    .selectFrom('case_deadline_summaries')
    .selectAll()
    .where('case_id', '=', caseId)
    .executeTakeFirst();
  const isCurrent = stored?.time_zone === clock.timeZone && stored.as_of === clock.today;
  if (!isCurrent && (await dialectOf(db).rowVisibility.changesNothing(db))) {
    const derived = await deriveCaseDeadlineRecords(db, caseId, clock);
    if (!derived) throw new AppError('NOT_FOUND', 'That case no longer exists.', 'caseId');
    return derived;
  }
  if (!isCurrent) await recomputeCaseDeadlines(db, actor, caseId, clock);
  const [rows, summary] = await Promise.all([
    db.selectFrom('case_deadlines').selectAll().where('case_id', '=', caseId).execute(),
    db
      .selectFrom('case_deadline_summaries')
      .selectAll()
      .where('case_id', '=', caseId)
      .executeTakeFirstOrThrow(),
  ]);
  return { rows, summary };
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
  const { rows, summary } = await deadlineRecordsOfToday(db, actor, caseId, { now, timeZone, today });
  const [adjustments, requests, planType, open] = await Promise.all([
    adjustmentsOfCase(db, caseId),
    db.selectFrom('payer_requests').selectAll().where('case_id', '=', caseId).orderBy('sent_on').execute(),
    planTypeOfCase(db, caseId),
    listOpenItems(db, { now, timeZone }, { caseId }),
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
    openItems: open.items,
  };
}

export async function assertDeadlineExists(
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
export async function writeAdjustment(
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
  await auditedInsert(db, actor, 'deadline_adjustments', {
    case_id: caseId,
    deadline_key: key,
    override_due_on: null,
    override_reason: null,
    done_at: null,
    done_event_id: null,
    ...changes,
    created_at: now,
    updated_at: now,
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
