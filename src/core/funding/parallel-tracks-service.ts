import type { Kysely } from 'kysely';
import { formatCaseNumber } from '../../shared/domain/case-number';
import {
  fundingOptionTypeLabels,
  fundingStatusLabels,
  type FundingOptionType,
} from '../../shared/domain/funding-options';
import {
  parallelTrackRoutes,
  type ParallelTrackRoute,
  type TrackStatus,
} from '../../shared/domain/parallel-tracks';
import { timelineEventTypeLabels, type TimelineEventType } from '../../shared/domain/timeline-event-types';
import type {
  ParallelTrack,
  ParallelTracksBoard,
  SetTrackNoteInput,
  TrackItem,
} from '../../shared/schemas/parallel-tracks';
import { auditedInsert, auditedUpdate } from '../db/audited-writes';
import { inTransaction } from '../db/in-transaction';
import type { AdvocaseDatabase } from '../db/schema';
import type { FundingOptionRow, ParallelTrackNoteRow } from '../db/tables/funding-options';
import { civilDateInZone } from '../deadlines/date-arithmetic';
import { meaningOf } from '../deadlines/deadline-meaning';
import { userTimeZone } from '../deadlines/time-zone';
import { AppError } from '../errors';

/**
 * The parallel tracks board of one client: every route pursued at once, across the client's
 * cases, each with a status read from the records (timeline entries, deadlines, funding options)
 * unless the user set one, its last activity, and its next step with the date it is due.
 */

export type TrackEvent = {
  readonly caseId: number;
  readonly type: TimelineEventType;
  /** YYYY-MM-DD in the user's zone. */
  readonly on: string;
  readonly summary: string;
  readonly decision: 'approved' | 'partially_approved' | 'denied' | null;
  readonly level: number;
};

export type TrackDeadline = {
  readonly caseId: number;
  readonly rule: string;
  readonly dueOn: string;
  /** For a funding date, the option it belongs to. */
  readonly fundingOptionId: number | null;
};

export type TrackRecords = {
  readonly events: readonly TrackEvent[];
  readonly deadlines: readonly TrackDeadline[];
  readonly fundingOptions: readonly FundingOptionRow[];
  readonly notes: readonly ParallelTrackNoteRow[];
};

const fundingRoutes: Readonly<Partial<Record<FundingOptionType, ParallelTrackRoute>>> = {
  manufacturer_program: 'manufacturer_support',
  copay_foundation: 'copay_foundation',
  single_case_agreement: 'single_case_agreement',
  self_pay_superbill: 'self_pay_superbill',
};

function routeOfFundingType(type: FundingOptionType): ParallelTrackRoute {
  return fundingRoutes[type] ?? 'other_funding';
}

/**
 * Which route a computed deadline belongs to, by its rule's name (src/core/deadlines/rules.ts):
 * independent reviews (IRO, fair hearing, QIC and beyond), then plan-level appeals, then first
 * decisions on a request.
 */
function routeOfRule(rule: string): ParallelTrackRoute | null {
  if (/external_review|fair_hearing|alj|council|judicial|medicare_ab_reconsideration/.test(rule)) {
    return 'external_review';
  }
  if (/appeal|redetermination|ma_reconsideration|records_request|plan_documents/.test(rule)) {
    return 'internal_appeal';
  }
  if (/initial_decision|concurrent|_od|_pa_|reauthorization/.test(rule)) return 'prior_auth';
  return null;
}

const money = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' });

function eventItem(event: TrackEvent): TrackItem {
  return {
    caseId: event.caseId,
    caseNumber: formatCaseNumber(event.caseId),
    on: event.on,
    text: `${timelineEventTypeLabels[event.type]}: ${event.summary}`,
  };
}

function fundingItem(option: FundingOptionRow): TrackItem {
  const granted =
    option.status === 'granted' && option.amount_granted_cents !== null
      ? ` ${money.format(option.amount_granted_cents / 100)}`
      : '';
  return {
    caseId: option.case_id,
    caseNumber: formatCaseNumber(option.case_id),
    on: option.decided_on ?? option.applied_on ?? option.updated_at.slice(0, 10),
    text: `${fundingOptionTypeLabels[option.option_type]}: ${option.program_name} \u2014 ${fundingStatusLabels[option.status]}${granted}`,
  };
}

function decisionStatus(decision: TrackEvent['decision']): TrackStatus {
  return decision === 'denied' ? 'lost' : 'won';
}

function latest<T extends { readonly on: string }>(items: readonly T[]): T | undefined {
  return items.reduce<T | undefined>(
    (found, item) => (!found || item.on >= found.on ? item : found),
    undefined,
  );
}

/** Status from the timeline for the three routes the payer decides. */
function payerRouteStatus(route: ParallelTrackRoute, events: readonly TrackEvent[]): TrackStatus {
  const decisions = events.filter((event) => event.type === 'payer_decision');
  const externalRequest = latest(events.filter((event) => event.type === 'external_review_requested'));
  if (route === 'prior_auth') {
    const firstDecision = latest(decisions.filter((event) => event.level === 0));
    if (firstDecision) return decisionStatus(firstDecision.decision);
    return events.some((event) => event.type === 'prior_auth_submitted') ? 'waiting' : 'not_started';
  }
  if (route === 'internal_appeal') {
    const filed = latest(events.filter((event) => event.type === 'appeal_filed'));
    if (!filed) return 'not_started';
    const answer = latest(
      decisions.filter(
        (event) =>
          event.level >= 1 && event.on >= filed.on && (!externalRequest || event.on <= externalRequest.on),
      ),
    );
    return answer ? decisionStatus(answer.decision) : 'waiting';
  }
  if (route === 'external_review') {
    if (!externalRequest) return 'not_started';
    const answer = latest(decisions.filter((event) => event.on >= externalRequest.on));
    return answer ? decisionStatus(answer.decision) : 'waiting';
  }
  return events.some((event) => event.type === 'regulator_complaint') ? 'in_progress' : 'not_started';
}

function fundingRouteStatus(options: readonly FundingOptionRow[]): TrackStatus {
  if (options.length === 0) return 'not_started';
  if (options.some((option) => option.status === 'granted')) return 'won';
  if (options.some((option) => option.status === 'applied' || option.status === 'pending')) return 'waiting';
  if (options.some((option) => option.status === 'considering')) return 'in_progress';
  return 'lost';
}

const eventRoutes: Readonly<Partial<Record<TimelineEventType, ParallelTrackRoute>>> = {
  prior_auth_submitted: 'prior_auth',
  appeal_filed: 'internal_appeal',
  external_review_requested: 'external_review',
  regulator_complaint: 'regulator_complaint',
};

function routeOfEvent(event: TrackEvent): ParallelTrackRoute | null {
  if (event.type === 'payer_decision') return event.level === 0 ? 'prior_auth' : 'internal_appeal';
  return eventRoutes[event.type] ?? null;
}

/** Every route with its status, activity and next step. Pure: the records and today come in. */
export function deriveParallelTracks(records: TrackRecords, today: string): ParallelTrack[] {
  const optionsById = new Map(records.fundingOptions.map((option) => [option.id, option]));
  return parallelTrackRoutes.map((route) => {
    const events = records.events.filter((event) =>
      event.type === 'payer_decision' ? route !== 'regulator_complaint' : routeOfEvent(event) === route,
    );
    const ownEvents = records.events.filter((event) => routeOfEvent(event) === route);
    const options = records.fundingOptions.filter(
      (option) => routeOfFundingType(option.option_type) === route,
    );
    const isPayerRoute =
      route === 'prior_auth' ||
      route === 'internal_appeal' ||
      route === 'external_review' ||
      route === 'regulator_complaint';
    const derivedStatus = isPayerRoute ? payerRouteStatus(route, events) : fundingRouteStatus(options);
    const note = records.notes.find((candidate) => candidate.route === route);
    const deadlines = records.deadlines.filter((deadline) => {
      if (deadline.fundingOptionId === null) return routeOfRule(deadline.rule) === route;
      const option = optionsById.get(deadline.fundingOptionId);
      return option !== undefined && routeOfFundingType(option.option_type) === route;
    });
    const nextCandidates = [
      // An option's next step is listed from the option itself, in the user's words.
      ...deadlines
        .filter((deadline) => deadline.rule !== 'funding_next_step')
        .map((deadline) => ({
          text: `${formatCaseNumber(deadline.caseId)}: ${meaningOf(deadline.rule)}`,
          dueOn: deadline.dueOn,
        })),
      ...options
        .filter((option) => option.next_step !== null)
        .map((option) => ({
          text: `${option.program_name}: ${option.next_step}`,
          dueOn: option.next_step_on,
        })),
    ].sort((left, right) => (left.dueOn ?? '9999-12-31').localeCompare(right.dueOn ?? '9999-12-31'));
    const next = note?.next_step
      ? { text: note.next_step, dueOn: note.next_step_on }
      : (nextCandidates[0] ?? null);
    const items = [
      ...ownEvents.map(eventItem),
      ...(route === 'internal_appeal' || route === 'external_review'
        ? events.filter((event) => event.type === 'payer_decision' && event.level >= 1).map(eventItem)
        : []),
      ...options.map(fundingItem),
    ]
      .filter(
        (item, index, all) =>
          all.findIndex((other) => other.text === item.text && other.on === item.on) === index,
      )
      .sort((left, right) => (right.on ?? '').localeCompare(left.on ?? ''));
    const activityDates = [
      ...ownEvents.map((event) => event.on),
      ...options.map((option) => option.updated_at.slice(0, 10)),
      ...(note ? [note.updated_at.slice(0, 10)] : []),
    ].filter((day) => day <= today);
    return {
      route,
      status: note?.status ?? derivedStatus,
      isStatusFromUser: note?.status != null,
      lastActivityOn: activityDates.sort().at(-1) ?? null,
      nextStep: next?.text ?? null,
      nextStepDueOn: next?.dueOn ?? null,
      note: note?.note ?? null,
      items,
    };
  });
}

async function loadTrackRecords(
  db: Kysely<AdvocaseDatabase>,
  clientId: number,
  timeZone: string,
): Promise<TrackRecords> {
  const caseIds = (
    await db
      .selectFrom('cases')
      .select('id')
      .where('client_id', '=', clientId)
      .where('deleted_at', 'is', null)
      .execute()
  ).map((row) => row.id);
  const notes = await db
    .selectFrom('parallel_track_notes')
    .selectAll()
    .where('client_id', '=', clientId)
    .execute();
  if (caseIds.length === 0) return { events: [], deadlines: [], fundingOptions: [], notes };
  const [eventRows, deadlineRows, fundingOptions] = await Promise.all([
    db
      .selectFrom('events')
      .select(['case_id', 'type', 'occurred_at', 'summary', 'details'])
      .where('case_id', 'in', caseIds)
      .where('deleted_at', 'is', null)
      .where('type', 'in', [
        'prior_auth_submitted',
        'payer_decision',
        'appeal_filed',
        'external_review_requested',
        'regulator_complaint',
      ])
      .execute(),
    db
      .selectFrom('case_deadlines')
      .leftJoin('deadline_adjustments', (join) =>
        join
          .onRef('deadline_adjustments.case_id', '=', 'case_deadlines.case_id')
          .onRef('deadline_adjustments.deadline_key', '=', 'case_deadlines.deadline_key'),
      )
      .select([
        'case_deadlines.case_id',
        'case_deadlines.rule',
        'case_deadlines.deadline_key',
        'case_deadlines.due_on',
        'case_deadlines.kind',
      ])
      .where('case_deadlines.case_id', 'in', caseIds)
      .where('case_deadlines.status', '<>', 'met')
      .where('case_deadlines.answered_on', 'is', null)
      .where('deadline_adjustments.done_at', 'is', null)
      .execute(),
    db
      .selectFrom('funding_options')
      .selectAll()
      .where('case_id', 'in', caseIds)
      .where('deleted_at', 'is', null)
      .execute(),
  ]);
  return {
    events: eventRows.map((row) => {
      const details = JSON.parse(row.details) as { decision?: TrackEvent['decision']; level?: number };
      return {
        caseId: row.case_id,
        type: row.type,
        on: civilDateInZone(Date.parse(row.occurred_at), timeZone),
        summary: row.summary,
        decision: details.decision ?? null,
        level: details.level ?? 0,
      };
    }),
    deadlines: deadlineRows.map((row) => ({
      caseId: row.case_id,
      rule: row.rule,
      dueOn: row.due_on,
      fundingOptionId:
        row.kind === 'funding' ? Number(/@funding:(\d+)$/.exec(row.deadline_key)?.[1] ?? 0) : null,
    })),
    fundingOptions,
    notes,
  };
}

export async function getParallelTracks(
  db: Kysely<AdvocaseDatabase>,
  clientId: number,
  now: Date = new Date(),
): Promise<ParallelTracksBoard> {
  const client = await db
    .selectFrom('clients')
    .select(['id', 'full_name'])
    .where('id', '=', clientId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (!client) {
    throw new AppError(
      'NOT_FOUND',
      `There is no client with id ${clientId}. They may have been deleted.`,
      'clientId',
    );
  }
  const timeZone = userTimeZone();
  const records = await loadTrackRecords(db, clientId, timeZone);
  return {
    clientId,
    clientName: client.full_name,
    tracks: deriveParallelTracks(records, civilDateInZone(now.getTime(), timeZone)),
  };
}

/** The user's status, note and next step on one route; audited, so Undo takes it back. */
export function setParallelTrackNote(
  db: Kysely<AdvocaseDatabase>,
  actor: string,
  input: SetTrackNoteInput,
): Promise<ParallelTracksBoard> {
  return inTransaction(db, async (trx) => {
    const changes = {
      status: input.status,
      note: input.note,
      next_step: input.nextStep,
      next_step_on: input.nextStepOn,
    };
    const existing = await trx
      .selectFrom('parallel_track_notes')
      .select('id')
      .where('client_id', '=', input.clientId)
      .where('route', '=', input.route)
      .executeTakeFirst();
    if (existing) {
      await auditedUpdate(
        trx,
        actor,
        'parallel_track_notes',
        existing.id,
        changes,
        'That track note was not found.',
      );
    } else {
      const client = await trx
        .selectFrom('clients')
        .select('id')
        .where('id', '=', input.clientId)
        .where('deleted_at', 'is', null)
        .executeTakeFirst();
      if (!client) {
        throw new AppError('NOT_FOUND', `There is no client with id ${input.clientId}.`, 'clientId');
      }
      const now = new Date().toISOString();
      await auditedInsert(trx, actor, 'parallel_track_notes', {
        client_id: input.clientId,
        route: input.route,
        ...changes,
        created_at: now,
        updated_at: now,
      });
    }
    return getParallelTracks(trx, input.clientId);
  });
}
