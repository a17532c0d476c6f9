import { sql, type Kysely } from 'kysely';
import { inTransaction } from '../db/in-transaction';
import type { AdvocaseDatabase } from '../db/schema';
import type { DeadlineAdjustmentRow, PayerRequestRow } from '../db/tables/case-deadlines';
import type { FundingOptionRow } from '../db/tables/funding-options';
import {
  deriveCaseDeadlines,
  dueSoonDays,
  isOutstanding,
  judgeDisplayStatus,
  type DerivedDeadline,
} from './case-deadline-rows';
import { mapCaseToScenario, type CaseDeadlineFacts } from './case-scenario';
import { deriveFundingDeadlines } from '../funding/funding-deadlines';
import { addCalendarDays, civilDateInZone } from './date-arithmetic';
import { readReminderSettings } from './reminder-settings';
import { answerFilingsRecordedOnTimeline, appealFilingsOf } from './recorded-filings';
import { isClosedStage, type ClosingDeadlineChoice } from '../../shared/domain/case-lifecycle';
import type { CaseStage } from '../../shared/domain/case-stages';
import { userTimeZone } from './time-zone';
import { isTrackedOnCase, judgeTaskStatus } from './open-work';
import { auditedInsert } from '../db/audited-writes';
import { pickNextDeadline, type DatedOpenWork } from '../../shared/domain/next-deadline';

/**
 * Keeps `case_deadlines` and `case_deadline_summaries` in step with a case's facts. The rows are
 * derived data (rebuilt, never edited), so rebuilding them is not itself audited; what the user
 * decides (overrides, "done", the re-authorization task created here) is.
 */

const recomputeListeners = new Set<(caseId: number) => void>();

/**
 * Tells the desktop reminders (src/main/reminders.ts) that a case's dates changed, so they can
 * plan again. Called inside the writer's transaction: a listener should wait a moment before it
 * reads. Returns the function that stops listening.
 */
export function onDeadlinesRecomputed(listener: (caseId: number) => void): () => void {
  recomputeListeners.add(listener);
  return () => recomputeListeners.delete(listener);
}

export type RecomputeOptions = { readonly now?: Date; readonly timeZone?: string };

/** Who the audit log names for tasks the deadline work creates on its own. */
export const deadlineSystemActor = 'advocase (deadlines)';

/** The timeline events the deadline rules read (case-scenario.ts). */
export const deadlineStartingEventTypes = [
  'prior_auth_submitted',
  'claim_submitted',
  'payer_decision',
  'appeal_filed',
] as const;

export async function loadCaseFacts(
  db: Kysely<AdvocaseDatabase>,
  caseId: number,
  timeZone: string,
): Promise<CaseDeadlineFacts | null> {
  const row = await db
    .selectFrom('cases')
    .innerJoin('clients', 'clients.id', 'cases.client_id')
    .leftJoin('coverages', 'coverages.id', 'cases.coverage_id')
    .select(['cases.claim_type', 'cases.is_urgent', 'clients.state', 'coverages.plan_type'])
    .where('cases.id', '=', caseId)
    .where('cases.deleted_at', 'is', null)
    .executeTakeFirst();
  if (!row) return null;
  const events = await db
    .selectFrom('events')
    .select(['id', 'type', 'occurred_at', 'details'])
    .where('case_id', '=', caseId)
    .where('deleted_at', 'is', null)
    .where('type', 'in', deadlineStartingEventTypes)
    .orderBy('occurred_at')
    .orderBy('id')
    .execute();
  return {
    planType: row.plan_type ?? null,
    claimType: row.claim_type,
    isUrgent: row.is_urgent === 1,
    clientState: row.state,
    timeZone,
    events: events.map((event) => ({
      id: event.id,
      type: event.type,
      occurredAt: event.occurred_at,
      details: JSON.parse(event.details) as Record<string, unknown>,
    })),
  };
}

export async function adjustmentsOfCase(
  db: Kysely<AdvocaseDatabase>,
  caseId: number,
): Promise<Map<string, DeadlineAdjustmentRow>> {
  const rows = await db
    .selectFrom('deadline_adjustments')
    .selectAll()
    .where('case_id', '=', caseId)
    .execute();
  return new Map(rows.map((row) => [row.deadline_key, row]));
}

function effectiveDueOn(deadline: DerivedDeadline, adjustment: DeadlineAdjustmentRow | undefined): string {
  return adjustment?.override_due_on ?? deadline.dueOn;
}

type CaseClosing = {
  readonly stage: CaseStage;
  readonly closed_on: string | null;
  readonly closing_deadlines: ClosingDeadlineChoice | null;
};

type DeadlineInputs = {
  readonly facts: CaseDeadlineFacts;
  readonly payerRequests: readonly PayerRequestRow[];
  readonly adjustments: ReadonlyMap<string, DeadlineAdjustmentRow>;
  readonly fundingOptions: readonly FundingOptionRow[];
  /** The due dates of the case's dated tasks not done: open work too (open-work.ts). */
  readonly openTaskDates: readonly string[];
  /** External reviews requested on the timeline: they answer the filing deadline they meet. */
  readonly externalReviewFilings: ReadonlyArray<{ readonly occurredAt: string }>;
  /** The case's stage and how it was closed (shared/domain/case-lifecycle.ts). */
  readonly closing: CaseClosing;
  readonly reauthorizationLeadDays: number;
  readonly now: Date;
  readonly timeZone: string;
};

/**
 * One case's deadline rows and summary from facts already read: pure, so a recompute and an
 * import (which computes the deadlines of thousands of new cases at once) store the same thing.
 */
export function deadlineRecordsOf(caseId: number, input: DeadlineInputs) {
  const { facts, adjustments, now, timeZone } = input;
  const mapped = mapCaseToScenario(facts);
  const derivedFromFacts = deriveCaseDeadlines({
    mapped,
    payerRequests: input.payerRequests.map((request) => ({
      id: request.id,
      kind: request.kind,
      sentOn: request.sent_on,
      answeredOn: request.answered_on,
    })),
    reauthorizationLeadDays: input.reauthorizationLeadDays,
    now,
    timeZone,
  });
  // A funding option's dates (the user's, not legal deadlines) join the same agenda and "next deadline".
  const derivation = {
    ...derivedFromFacts,
    deadlines: untrackDeadlinesOfClosedCase(
      [
        ...answerFilingsRecordedOnTimeline(
          derivedFromFacts.deadlines,
          [
            ...input.externalReviewFilings.map((filing) => ({
              type: 'external_review_requested' as const,
              occurredAt: filing.occurredAt,
            })),
            ...appealFilingsOf(facts.events),
          ],
          new Map(facts.events.map((event) => [event.id, event.occurredAt])),
          timeZone,
        ),
        ...deriveFundingDeadlines(input.fundingOptions, derivedFromFacts.asOf),
      ],
      input.closing,
      adjustments,
      derivedFromFacts.asOf,
    ),
  };
  const computedAt = now.toISOString();
  const rows = derivation.deadlines.map((deadline) => ({
    case_id: caseId,
    deadline_key: deadline.key,
    kind: deadline.kind,
    rule: deadline.rule,
    source_event_id: deadline.sourceEventId,
    computed_due: deadline.computedDue,
    due_on: effectiveDueOn(deadline, adjustments.get(deadline.key)),
    due_at: deadline.dueAt,
    actor: deadline.actor,
    status: deadline.status,
    answered_on: deadline.answeredOn,
    citation_url: deadline.citationUrl,
    citation_text: deadline.citationText,
    note: deadline.note,
    confidence: deadline.confidence,
    computed_at: computedAt,
  }));
  const openWork: Array<DatedOpenWork & { readonly rule: string | null }> = [];
  let overdueCount = 0;
  for (const deadline of derivation.deadlines) {
    const adjustment = adjustments.get(deadline.key);
    const status = judgeDisplayStatus(
      deadline,
      adjustment && { overrideDueOn: adjustment.override_due_on, doneAt: adjustment.done_at },
      now,
      timeZone,
    );
    // Missed but since answered (a late decision, a late filing) is history, not overdue work;
    // so is anything missed on a closed case (shared/domain/case-lifecycle.ts).
    const isOverdue =
      status === 'missed' && deadline.answeredOn === null && !isClosedStage(input.closing.stage);
    if (isOverdue) overdueCount += 1;
    if (isOverdue || (status !== 'missed' && isOutstanding(status))) {
      const dueOn = effectiveDueOn(deadline, adjustment);
      openWork.push({ source: 'deadline', actor: deadline.actor, status, dueOn, rule: deadline.rule });
    }
  }
  // A promise from a call, the user's own date, a re-authorization to request: open work the
  // advocate acts on by its date (open-work.ts), counted when overdue.
  for (const dueOn of input.openTaskDates) {
    const status = judgeTaskStatus(dueOn, now, timeZone);
    const isOverdue = status === 'missed';
    if (!isTrackedOnCase(isOverdue, input.closing)) continue;
    if (isOverdue) overdueCount += 1;
    openWork.push({ source: 'task', actor: 'advocate', status, dueOn, rule: null });
  }
  // The caseload's "Next deadline" is the header's and the Agenda's (shared/domain/next-deadline.ts):
  // a follow-up, overdue or not, never hides a legal deadline.
  const nextDue = pickNextDeadline(openWork);
  const summary = {
    next_due_on: nextDue?.dueOn ?? null,
    next_rule: nextDue?.rule ?? null,
    overdue_count: overdueCount,
    missing_facts: JSON.stringify(derivation.missingFacts),
    assumptions: JSON.stringify(derivation.assumptions),
    time_zone: timeZone,
    as_of: derivation.asOf,
    computed_at: computedAt,
  };
  return { mapped, derivation, rows, summary };
}

/**
 * An approval that ends becomes a task on the case ("request re-authorization"), once: the task
 * is found again by the approval it came from, so recomputing never duplicates it.
 */
async function ensureReauthorizationTasks(
  db: Kysely<AdvocaseDatabase>,
  actor: string,
  caseId: number,
  deadlines: readonly DerivedDeadline[],
  approvalEnds: ReadonlyMap<number, string | null>,
  today: string,
): Promise<void> {
  for (const deadline of deadlines) {
    if (deadline.kind !== 'reauthorization' || deadline.sourceEventId === null) continue;
    // An approval that has already ended needs a new request, not a reminder to renew it.
    const endsOn = approvalEnds.get(deadline.sourceEventId);
    if (!endsOn || endsOn < today) continue;
    const existing = await db
      .selectFrom('tasks')
      .select('id')
      .where('case_id', '=', caseId)
      .where('source_event_id', '=', deadline.sourceEventId)
      .where('title', 'like', 'Request re-authorization%')
      .executeTakeFirst();
    if (existing) continue;
    const now = new Date().toISOString();
    await auditedInsert(db, actor, 'tasks', {
      case_id: caseId,
      title: `Request re-authorization: the approval ends ${endsOn} (the Deadlines tab lists what to send)`,
      due_on: deadline.dueOn,
      done_at: null,
      source_event_id: deadline.sourceEventId,
      created_at: now,
      updated_at: now,
    });
  }
}

export type CaseDeadlineRecords = ReturnType<typeof deadlineRecordsOf>;

/**
 * One case's deadline rows and summary as of now, worked out from its facts without storing
 * them; null when the case is gone. recomputeCaseDeadlines stores them; a login that may change
 * nothing (a team's viewer) reads them as they are (getCaseDeadlines).
 */
export async function deriveCaseDeadlineRecords(
  db: Kysely<AdvocaseDatabase>,
  caseId: number,
  options: RecomputeOptions = {},
): Promise<CaseDeadlineRecords | null> {
  const now = options.now ?? new Date();
  const timeZone = options.timeZone ?? userTimeZone();
  const facts = await loadCaseFacts(db, caseId, timeZone);
  if (!facts) return null;
  const [filings, closing, settings, requests, adjustments, fundingOptions, openTasks] = await Promise.all([
    db
      .selectFrom('events')
      .select(['type', 'occurred_at as occurredAt'])
      .where('case_id', '=', caseId)
      .where('deleted_at', 'is', null)
      .where('type', '=', 'external_review_requested')
      .execute(),
    db
      .selectFrom('cases')
      .select(['stage', 'closed_on', 'closing_deadlines'])
      .where('id', '=', caseId)
      .executeTakeFirstOrThrow(),
    readReminderSettings(db),
    db.selectFrom('payer_requests').selectAll().where('case_id', '=', caseId).orderBy('id').execute(),
    adjustmentsOfCase(db, caseId),
    db
      .selectFrom('funding_options')
      .selectAll()
      .where('case_id', '=', caseId)
      .where('deleted_at', 'is', null)
      .orderBy('id')
      .execute(),
    db
      .selectFrom('tasks')
      .select('due_on')
      .where('case_id', '=', caseId)
      .where('done_at', 'is', null)
      .where('due_on', 'is not', null)
      .execute(),
  ]);
  return deadlineRecordsOf(caseId, {
    facts,
    payerRequests: requests,
    adjustments,
    fundingOptions,
    openTaskDates: openTasks.map((task) => task.due_on!),
    externalReviewFilings: filings,
    closing,
    reauthorizationLeadDays: settings.reauthorizationLeadDays,
    now,
    timeZone,
  });
}

/**
 * Rebuilds one case's deadlines from its facts. Called after every write that changes them (a
 * timeline event, the coverage link, the claim type, a coverage's plan type, an override), inside
 * the caller's transaction, and at unlock for cases whose statuses may have moved.
 */
export function recomputeCaseDeadlines(
  db: Kysely<AdvocaseDatabase>,
  actor: string,
  caseId: number,
  options: RecomputeOptions = {},
): Promise<void> {
  return inTransaction(db, async (trx) => {
    const records = await deriveCaseDeadlineRecords(trx, caseId, options);
    if (!records) {
      await trx.deleteFrom('case_deadlines').where('case_id', '=', caseId).execute();
      await trx.deleteFrom('case_deadline_summaries').where('case_id', '=', caseId).execute();
      return;
    }
    const { mapped, derivation, rows, summary } = records;
    await trx.deleteFrom('case_deadlines').where('case_id', '=', caseId).execute();
    if (rows.length > 0) await trx.insertInto('case_deadlines').values(rows).execute();
    await trx
      .insertInto('case_deadline_summaries')
      .values({ case_id: caseId, ...summary })
      .onConflict((conflict) => conflict.column('case_id').doUpdateSet(summary))
      .execute();
    const approvalEnds = new Map(
      mapped.approvals.map((approval) => [approval.eventId, approval.approvedUntil]),
    );
    await ensureReauthorizationTasks(trx, actor, caseId, derivation.deadlines, approvalEnds, derivation.asOf);
    for (const listener of recomputeListeners) listener(caseId);
  });
}

/**
 * The deadlines of cases just created with no payer request, funding option, override, approval
 * or external review yet (an import; the bench's synthetic caseload), their timeline events in
 * `facts`: computed in memory and stored a few hundred rows per statement, instead of one
 * read-and-write round per case (5,000 rows in under 3 s).
 */
export async function storeDeadlinesOfNewCases(
  db: Kysely<AdvocaseDatabase>,
  cases: ReadonlyArray<{
    readonly caseId: number;
    readonly stage: CaseStage;
    readonly facts: Omit<CaseDeadlineFacts, 'timeZone'>;
  }>,
  options: RecomputeOptions = {},
): Promise<void> {
  if (cases.length === 0) return;
  const now = options.now ?? new Date();
  const timeZone = options.timeZone ?? userTimeZone();
  const { reauthorizationLeadDays } = await readReminderSettings(db);
  const records = cases.map(({ caseId, stage, facts }) =>
    deadlineRecordsOf(caseId, {
      facts: { ...facts, timeZone },
      payerRequests: [],
      adjustments: new Map(),
      fundingOptions: [],
      openTaskDates: [],
      externalReviewFilings: [],
      closing: { stage, closed_on: null, closing_deadlines: null },
      reauthorizationLeadDays,
      now,
      timeZone,
    }),
  );
  const rows = records.flatMap((record) => record.rows);
  for (let start = 0; start < rows.length; start += 200) {
    await db
      .insertInto('case_deadlines')
      .values(rows.slice(start, start + 200))
      .execute();
  }
  const summaries = records.map((record, index) => ({ case_id: cases[index]!.caseId, ...record.summary }));
  for (let start = 0; start < summaries.length; start += 400) {
    await db
      .insertInto('case_deadline_summaries')
      .values(summaries.slice(start, start + 400))
      .execute();
  }
  for (const { caseId } of cases) for (const listener of recomputeListeners) listener(caseId);
}

/** A coverage's plan type decides every linked case's rules: recompute them all. */
export async function recomputeDeadlinesOfCoverage(
  db: Kysely<AdvocaseDatabase>,
  actor: string,
  coverageId: number,
  options: RecomputeOptions = {},
): Promise<void> {
  const cases = await db
    .selectFrom('cases')
    .select('id')
    .where('coverage_id', '=', coverageId)
    .where('deleted_at', 'is', null)
    .execute();
  for (const { id } of cases) await recomputeCaseDeadlines(db, actor, id, options);
}

/** How far ahead the unlock refresh looks: statuses that can change soon are re-judged. */
export const refreshWindowDays = 30;

/**
 * Run at unlock (and at most once a day after): re-judges the cases whose statuses may have moved
 * since they were computed (a date within 30 days, or computed before today), and computes, once,
 * the cases that have timeline entries but were never computed (a database from before this
 * feature). Works in batches so a large caseload does not hold the database in one transaction.
 */
export async function refreshDeadlineStatuses(
  db: Kysely<AdvocaseDatabase>,
  options: RecomputeOptions & { readonly batchSize?: number } = {},
): Promise<{ recomputed: number }> {
  const now = options.now ?? new Date();
  const timeZone = options.timeZone ?? userTimeZone();
  const today = civilDateInZone(now.getTime(), timeZone);
  const horizon = addCalendarDays(today, refreshWindowDays);
  const stale = await db
    .selectFrom('case_deadline_summaries')
    .select('case_id')
    .where('as_of', '<', today)
    .where((eb) => eb.or([eb('next_due_on', '<=', horizon), eb('time_zone', '<>', timeZone)]))
    .execute();
  const neverComputed = await db
    .selectFrom('cases')
    .select('cases.id as case_id')
    .where('cases.deleted_at', 'is', null)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('case_deadline_summaries')
            .select(sql`1`.as('one'))
            .whereRef('case_deadline_summaries.case_id', '=', 'cases.id'),
        ),
      ),
    )
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('events')
          .select(sql`1`.as('one'))
          .whereRef('events.case_id', '=', 'cases.id')
          .where('events.deleted_at', 'is', null),
      ),
    )
    .execute();
  const caseIds = [...new Set([...stale, ...neverComputed].map((row) => row.case_id))];
  return recomputeInBatches(db, caseIds, { ...options, now, timeZone });
}

/**
 * The refresh after one on `lastDay` in the same time zone: only the cases with a deadline (or an
 * open dated task) whose status can have moved since, read through the due-date index. A status moves when its date
 * passes (missed since `lastDay`) or comes within the due-soon window (statusByDate), so the
 * deadlines dated from `lastDay` to a day past that window from today; a day before `lastDay`
 * too, for a deadline with an hour whose date another time zone puts a day later. The others
 * were judged on `lastDay` as they would be today. test/deadlines/incremental-refresh.test.ts
 * compares it with recomputing every case.
 */
export async function refreshDeadlineStatusesSince(
  db: Kysely<AdvocaseDatabase>,
  lastDay: string,
  options: RecomputeOptions & { readonly batchSize?: number } = {},
): Promise<{ recomputed: number }> {
  const now = options.now ?? new Date();
  const timeZone = options.timeZone ?? userTimeZone();
  const today = civilDateInZone(now.getTime(), timeZone);
  const firstDay = addCalendarDays(lastDay, -1);
  const lastDayNear = addCalendarDays(today, dueSoonDays + 1);
  const deadlineCases = await db
    .selectFrom('case_deadlines')
    .innerJoin('case_deadline_summaries', 'case_deadline_summaries.case_id', 'case_deadlines.case_id')
    .select('case_deadlines.case_id')
    .distinct()
    .where('case_deadlines.due_on', '>=', firstDay)
    .where('case_deadlines.due_on', '<=', lastDayNear)
    .where('case_deadline_summaries.as_of', '<', today)
    .execute();
  // Open dated tasks count in the case's next date and overdue work too (open-work.ts): one
  // that passed since makes its case overdue, with no deadline row dated then.
  const taskCases = await db
    .selectFrom('tasks')
    .innerJoin('case_deadline_summaries', 'case_deadline_summaries.case_id', 'tasks.case_id')
    .select('tasks.case_id')
    .distinct()
    .where('tasks.due_on', '>=', firstDay)
    .where('tasks.due_on', '<=', lastDayNear)
    .where('tasks.done_at', 'is', null)
    .where('case_deadline_summaries.as_of', '<', today)
    .execute();
  return recomputeInBatches(db, [...new Set([...deadlineCases, ...taskCases].map((row) => row.case_id))], {
    ...options,
    now,
    timeZone,
  });
}

/**
 * Recomputes the summaries marked to be computed again (a migration's mark: no time zone, found
 * through 0199's partial index), whatever day it is: a store updated after its day's refresh
 * catches up at the next one instead of the next day. Marks nothing, so usually reads no row.
 */
export async function recomputeMarkedSummaries(
  db: Kysely<AdvocaseDatabase>,
  options: RecomputeOptions & { readonly batchSize?: number } = {},
): Promise<{ recomputed: number }> {
  const now = options.now ?? new Date();
  const timeZone = options.timeZone ?? userTimeZone();
  const marked = await db
    .selectFrom('case_deadline_summaries')
    .select('case_id')
    .where('time_zone', '=', '')
    .execute();
  return recomputeInBatches(
    db,
    marked.map((row) => row.case_id),
    { ...options, now, timeZone },
  );
}

/**
 * Recomputes cases a batch per transaction, so a large caseload does not hold the database in
 * one, and lets other work (an interface call, the reminder timer) run between batches.
 */
async function recomputeInBatches(
  db: Kysely<AdvocaseDatabase>,
  caseIds: readonly number[],
  options: { readonly now: Date; readonly timeZone: string; readonly batchSize?: number },
): Promise<{ recomputed: number }> {
  const { now, timeZone } = options;
  const batchSize = options.batchSize ?? 50;
  for (let start = 0; start < caseIds.length; start += batchSize) {
    const batch = caseIds.slice(start, start + batchSize);
    await inTransaction(db, async (trx) => {
      for (const caseId of batch)
        await recomputeCaseDeadlines(trx, deadlineSystemActor, caseId, { now, timeZone });
    });
    await new Promise((resolve) => setImmediate(resolve));
  }
  return { recomputed: caseIds.length };
}

/**
 * A closed case's deadlines (shared/domain/case-lifecycle.ts): met ones stay met and ones that
 * passed while it was open keep their word (Outcomes counts a miss as a miss); the rest are no
 * longer tracked, unless the user kept them when closing, and then only until their date passes.
 */
function untrackDeadlinesOfClosedCase(
  deadlines: readonly DerivedDeadline[],
  closing: { stage: CaseStage; closed_on: string | null; closing_deadlines: ClosingDeadlineChoice | null },
  adjustments: ReadonlyMap<string, DeadlineAdjustmentRow>,
  asOf: string,
): DerivedDeadline[] {
  if (!isClosedStage(closing.stage)) return [...deadlines];
  const closedOn = closing.closed_on ?? asOf;
  return deadlines.map((deadline) => {
    const dueOn = effectiveDueOn(deadline, adjustments.get(deadline.key));
    if (deadline.status === 'met' || adjustments.get(deadline.key)?.done_at) return deadline;
    if (dueOn < closedOn) return deadline;
    const isKept = closing.closing_deadlines === 'keep' && dueOn >= asOf;
    return isKept ? deadline : { ...deadline, status: 'not-tracked' };
  });
}
