import type { Kysely } from 'kysely';
import {
  isClosedStage,
  stageAfterEvent,
  stageMovingEventTypes,
  type ClosingDeadlineChoice,
} from '../../shared/domain/case-lifecycle';
import type { CaseStage } from '../../shared/domain/case-stages';
import type { TimelineEventType } from '../../shared/domain/timeline-event-types';
import type { StageSuggestion } from '../../shared/schemas/cases';
import { localToday } from '../../shared/schemas/fields';
import { auditedUpdate } from '../db/audited-writes';
import type { AdvocaseDatabase } from '../db/schema';
import type { CaseRow, CaseUpdate } from '../db/tables/cases';
import { AppError } from '../errors';

type StageStep = { eventId: number; stage: CaseStage; type: TimelineEventType; occurredAt: string };

/** The timeline's latest step that sets a stage (by when it happened), or null when none does. */
export function latestStageStep(db: Kysely<AdvocaseDatabase>, caseId: number): Promise<StageStep | null> {
  return firstStageStep(db, caseId, 'occurred_at');
}

/** The step that sets a stage recorded last (whatever its date), or null when none does. */
function lastRecordedStageStep(db: Kysely<AdvocaseDatabase>, caseId: number): Promise<StageStep | null> {
  return firstStageStep(db, caseId, 'recorded');
}

async function firstStageStep(
  db: Kysely<AdvocaseDatabase>,
  caseId: number,
  order: 'occurred_at' | 'recorded',
): Promise<StageStep | null> {
  let query = db
    .selectFrom('events')
    .select(['id', 'type', 'occurred_at', 'details'])
    .where('case_id', '=', caseId)
    .where('deleted_at', 'is', null)
    .where('type', 'in', stageMovingEventTypes);
  if (order === 'occurred_at') query = query.orderBy('occurred_at', 'desc');
  const events = await query.orderBy('id', 'desc').execute();
  for (const event of events) {
    const stage = stageAfterEvent({
      type: event.type,
      details: JSON.parse(event.details) as Record<string, unknown>,
    });
    if (stage) return { eventId: event.id, stage, type: event.type, occurredAt: event.occurred_at };
  }
  return null;
}

/**
 * After a step is recorded: a case whose stage follows the timeline moves to the stage of its
 * latest step (an audited change of its own, so Undo takes it back first). A stage set by hand,
 * or a closed case, is left alone: the case page asks instead (stageSuggestionOf).
 */
export async function followTimelineStage(
  db: Kysely<AdvocaseDatabase>,
  actor: string,
  caseId: number,
): Promise<void> {
  const row = await db
    .selectFrom('cases')
    .select(['stage', 'stage_source'])
    .where('id', '=', caseId)
    .executeTakeFirstOrThrow();
  if (row.stage_source !== 'timeline' || isClosedStage(row.stage)) return;
  const step = await latestStageStep(db, caseId);
  if (!step || step.stage === row.stage) return;
  await auditedUpdate(db, actor, 'cases', caseId, { stage: step.stage }, 'That case was not found.');
}

/**
 * What the case page offers when a step recorded after the user chose the stage (or closed the
 * case) points elsewhere: the step already on the timeline then was considered (stageChangeFor).
 */
export async function stageSuggestionOf(
  db: Kysely<AdvocaseDatabase>,
  row: Pick<CaseRow, 'id' | 'stage' | 'stage_source' | 'stage_kept_against_event_id'>,
): Promise<StageSuggestion | null> {
  const latest = await latestStageStep(db, row.id);
  if (row.stage_source === 'timeline' && !isClosedStage(row.stage))
    return olderStepSuggestion(db, row, latest);
  const step = latest;
  if (!step || step.stage === row.stage || step.eventId === row.stage_kept_against_event_id) return null;
  return {
    stage: step.stage,
    reason: isClosedStage(row.stage) ? 'closed' : 'hand',
    eventId: step.eventId,
    eventType: step.type,
    occurredAt: step.occurredAt,
    laterStep: null,
  };
}

/**
 * A stage following the timeline stays with the latest step by date, so a step recorded last but
 * dated before it (a request logged with today's date, then an older notice read) leaves the stage
 * where it was: the case page says why and offers the move (docs/case-lifecycle.md).
 */
async function olderStepSuggestion(
  db: Kysely<AdvocaseDatabase>,
  row: Pick<CaseRow, 'id' | 'stage' | 'stage_kept_against_event_id'>,
  latest: StageStep | null,
): Promise<StageSuggestion | null> {
  const recorded = await lastRecordedStageStep(db, row.id);
  if (!recorded || !latest || recorded.eventId === latest.eventId) return null;
  if (recorded.stage === row.stage || recorded.eventId === row.stage_kept_against_event_id) return null;
  return {
    stage: recorded.stage,
    reason: 'older',
    eventId: recorded.eventId,
    eventType: recorded.type,
    occurredAt: recorded.occurredAt,
    laterStep: { eventId: latest.eventId, eventType: latest.type, occurredAt: latest.occurredAt },
  };
}

/**
 * The columns a change of stage writes, one rule for every way a stage is changed (the case page,
 * bulk changes, closing): entering a closed stage closes the case (its closing date, and its
 * deadlines untracked unless the user chose to keep them); leaving one reopens it.
 */
export function stageChangeColumns(
  current: Pick<CaseRow, 'stage' | 'closed_on'>,
  stage: CaseStage,
  options: {
    readonly source: 'timeline' | 'hand';
    readonly closedOn?: string | null | undefined;
    readonly closingDeadlines?: ClosingDeadlineChoice | undefined;
    /** The timeline's latest step when the user chose this stage: only a newer one is asked about. */
    readonly latestStepEventId?: number | null | undefined;
  },
): CaseUpdate {
  const columns: CaseUpdate = {
    stage,
    stage_source: options.source,
    stage_kept_against_event_id: options.source === 'hand' ? (options.latestStepEventId ?? null) : null,
  };
  if (isClosedStage(stage)) {
    columns.closed_on = options.closedOn ?? current.closed_on ?? localToday();
    if (!isClosedStage(current.stage) || options.closingDeadlines)
      columns.closing_deadlines = options.closingDeadlines ?? 'untrack';
  } else if (isClosedStage(current.stage)) {
    columns.closed_on = null;
    columns.closing_deadlines = null;
  }
  return columns;
}

/** stageChangeColumns with the timeline's latest step read from the case, for a stage chosen by hand. */
export async function stageChangeFor(
  db: Kysely<AdvocaseDatabase>,
  current: Pick<CaseRow, 'id' | 'stage' | 'closed_on'>,
  stage: CaseStage,
  options: Omit<Parameters<typeof stageChangeColumns>[2], 'latestStepEventId'>,
): Promise<CaseUpdate> {
  const latest = options.source === 'hand' ? await latestStageStep(db, current.id) : null;
  return stageChangeColumns(current, stage, { ...options, latestStepEventId: latest?.eventId ?? null });
}

/** A closing date without the closed stage (or the reverse) would make the caseload and Outcomes disagree. */
export function assertClosingDateFitsStage(stage: CaseStage, closedOn: string | null | undefined): void {
  if (closedOn === undefined) return;
  if (closedOn !== null && !isClosedStage(stage)) {
    throw new AppError(
      'INVALID_INPUT',
      'Only a closed case has a closing date. Use "Close case…" on the case page: it asks for the outcome and what to do with the open deadlines.',
      'closedOn',
    );
  }
  if (closedOn === null && isClosedStage(stage)) {
    throw new AppError(
      'INVALID_INPUT',
      'A closed case needs its closing date. To reopen the case, choose its new stage instead.',
      'closedOn',
    );
  }
}

/** The user declines the timeline's stage: keep the current one and stop asking about that step. */
export async function keepStageAgainst(
  db: Kysely<AdvocaseDatabase>,
  actor: string,
  caseId: number,
  eventId: number,
): Promise<void> {
  await auditedUpdate(
    db,
    actor,
    'cases',
    caseId,
    { stage_kept_against_event_id: eventId },
    `There is no case with id ${caseId}.`,
  );
}
