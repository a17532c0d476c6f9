import type { ClaimType, PlanType } from '../../shared/domain/plan-types';
import type { TimelineEventType } from '../../shared/domain/timeline-event-types';
import { isRealCalendarDate } from '../../shared/schemas/fields';
import type { DeadlineScenario, ScenarioEvent } from './scenario-schema';

/**
 * Maps what Advocase records about a case (its coverage's plan type, its claim type, the client's
 * state, the user's time zone and its timeline) onto the deadline engine's fixed vocabulary
 * (docs/deadline-rules.md). Pure. Where a fact the engine needs is not recorded, it is listed as
 * "what to record to get this date"; nothing is guessed from a neighbouring field.
 */

/** A timeline event as stored: `details` is the JSON of src/shared/schemas/events.ts for its type. */
export type CaseTimelineEvent = {
  readonly id: number;
  readonly type: TimelineEventType;
  /** ISO 8601 in UTC. */
  readonly occurredAt: string;
  readonly details: Readonly<Record<string, unknown>>;
};

export type CaseDeadlineFacts = {
  /** Null when the case has no coverage linked. */
  readonly planType: PlanType | null;
  readonly claimType: ClaimType | null;
  readonly isUrgent: boolean;
  readonly clientState: string | null;
  readonly timeZone: string;
  readonly events: readonly CaseTimelineEvent[];
};

/** Where a scenario event came from, so engine output (`events[2]`) can point back at the timeline. */
export type ScenarioEventSource = {
  readonly eventId: number;
  /** "denial notice dated 2026-03-31", for missing-fact sentences. */
  readonly description: string;
};

/** An approval that ends on a date or after a number of sessions: re-authorization must start before. */
export type ApprovalRecord = {
  readonly eventId: number;
  readonly noticeDate: string;
  readonly approvedUntil: string | null;
  readonly approvedUnits: number | null;
};

export type CaseScenario = {
  /** Null when no rulebook can be chosen (no coverage linked); `missingFacts` says why. */
  readonly scenario: DeadlineScenario | null;
  /** Same order as `scenario.events`. */
  readonly sources: readonly ScenarioEventSource[];
  readonly missingFacts: readonly string[];
  /** Facts the mapping relied on that change the result, said once above the list. */
  readonly assumptions: readonly string[];
  readonly approvals: readonly ApprovalRecord[];
};

type MappedEvent = { readonly event: ScenarioEvent; readonly source: ScenarioEventSource };

/** The engine's event with every optional field present, as its schema's output has them. */
function scenarioEvent(event: Pick<ScenarioEvent, 'type' | 'date'> & Partial<ScenarioEvent>): ScenarioEvent {
  return {
    receivedDate: undefined,
    level: undefined,
    final: undefined,
    until: undefined,
    ...event,
  };
}

const isoDatePrefix = (value: string) => value.slice(0, 10);

function text(details: Readonly<Record<string, unknown>>, key: string): string | null {
  const value = details[key];
  return typeof value === 'string' && value !== '' ? value : null;
}

function wholeNumber(details: Readonly<Record<string, unknown>>, key: string): number | null {
  const value = details[key];
  return typeof value === 'number' && Number.isInteger(value) ? value : null;
}

function calendarDateOf(details: Readonly<Record<string, unknown>>, key: string): string | null {
  const value = text(details, key);
  return value !== null && isRealCalendarDate(value) ? value : null;
}

/** A documented delivery (fax confirmation, certified-mail receipt) is proof of the payer's receipt. */
function deliveredAt(details: Readonly<Record<string, unknown>>): string | null {
  const proof = details.deliveryProof;
  if (typeof proof !== 'object' || proof === null) return null;
  const value = (proof as Record<string, unknown>).deliveredAt;
  return typeof value === 'string' && value !== '' ? value : null;
}

function submittedOn(event: CaseTimelineEvent): string {
  return isoDatePrefix(event.occurredAt);
}

const levelName = (level: number) => (level === 0 ? 'initial decision' : `level-${level} appeal decision`);

function mapEvent(event: CaseTimelineEvent, missingFacts: string[]): MappedEvent[] {
  const { details } = event;
  switch (event.type) {
    case 'prior_auth_submitted':
    case 'claim_submitted': {
      const what = event.type === 'prior_auth_submitted' ? 'prior authorization request' : 'claim';
      // Receipt, not sending, starts the payer's clock (29 CFR 2560.503-1(f)(3)); the submission
      // date is not a stand-in for it.
      const receivedAt = text(details, 'receivedByPayerAt') ?? deliveredAt(details);
      if (receivedAt === null) {
        missingFacts.push(
          `When the payer received the ${what} sent ${submittedOn(event)} (date and time, or a proof of delivery): the payer's decision deadline runs from receipt.`,
        );
        return [];
      }
      return [
        {
          event: scenarioEvent({ type: 'request-received', date: receivedAt }),
          source: {
            eventId: event.id,
            description: `${what} received by the payer ${isoDatePrefix(receivedAt)}`,
          },
        },
      ];
    }
    case 'payer_decision': {
      const decision = text(details, 'decision');
      const level = wholeNumber(details, 'level') ?? 0;
      const noticeDate = calendarDateOf(details, 'noticeDate');
      if (noticeDate === null) {
        missingFacts.push(`The date printed on the ${levelName(level)} recorded ${submittedOn(event)}.`);
        return [];
      }
      const receivedDate = calendarDateOf(details, 'receivedOn') ?? undefined;
      const approvedUntil = calendarDateOf(details, 'approvedUntil') ?? undefined;
      const mapped: MappedEvent[] = [];
      const isAdverse = decision === 'denied' || decision === 'partially_approved';
      if (isAdverse && level === 0) {
        mapped.push({
          event: scenarioEvent({ type: 'denial-notice', date: noticeDate, receivedDate }),
          source: { eventId: event.id, description: `denial notice dated ${noticeDate}` },
        });
      } else if (isAdverse) {
        // The stored `isFinal` defaults to false, so false cannot tell "not final" from "not said".
        // Treating it as unknown keeps the external review window visible with a note (the safe side).
        const isFinal = details.isFinal === true ? true : undefined;
        mapped.push({
          event: scenarioEvent({
            type: 'appeal-decision-notice',
            date: noticeDate,
            receivedDate,
            level,
            final: isFinal,
          }),
          source: { eventId: event.id, description: `level-${level} appeal decision dated ${noticeDate}` },
        });
      }
      if (decision === 'approved' || decision === 'partially_approved') {
        mapped.push({
          event: scenarioEvent({ type: 'approval', date: noticeDate, until: approvedUntil }),
          source: { eventId: event.id, description: `approval dated ${noticeDate}` },
        });
      }
      return mapped;
    }
    case 'appeal_filed': {
      const level = wholeNumber(details, 'level');
      if (level === null) {
        missingFacts.push(`The level of the appeal filed ${submittedOn(event)}.`);
        return [];
      }
      const receivedOn = calendarDateOf(details, 'receivedByPayerOn') ?? deliveredAt(details);
      if (receivedOn === null) {
        missingFacts.push(
          `When the payer received the level-${level} appeal filed ${submittedOn(event)} ("Received by the payer on", or a proof of delivery): the payer's decision deadline runs from receipt, so it cannot be computed until then (the filing itself already answers the deadline to file).`,
        );
        return [];
      }
      return [
        {
          event: scenarioEvent({ type: 'appeal-received', date: receivedOn, level }),
          source: {
            eventId: event.id,
            description: `level-${level} appeal received by the payer ${isoDatePrefix(receivedOn)}`,
          },
        },
      ];
    }
    default:
      return [];
  }
}

function approvalsOf(events: readonly CaseTimelineEvent[]): ApprovalRecord[] {
  return events.flatMap((event) => {
    const decision = text(event.details, 'decision');
    if (event.type !== 'payer_decision' || (decision !== 'approved' && decision !== 'partially_approved'))
      return [];
    const noticeDate = calendarDateOf(event.details, 'noticeDate');
    if (noticeDate === null) return [];
    return [
      {
        eventId: event.id,
        noticeDate,
        approvedUntil: calendarDateOf(event.details, 'approvedUntil'),
        approvedUnits: wholeNumber(event.details, 'approvedUnits'),
      },
    ];
  });
}

const expeditedTypes: readonly TimelineEventType[] = ['prior_auth_submitted', 'appeal_filed'];

/**
 * The engine takes one claim type per case. An urgent case (or an expedited request) whose claim
 * type is unset or pre-service is an urgent care claim: 2560.503-1(m)(1) lets the treating
 * physician make that call, and the urgent clocks are the earlier, safe ones.
 */
function effectiveClaimType(facts: CaseDeadlineFacts, assumptions: string[]): ClaimType | undefined {
  const hasExpeditedRequest = facts.events.some(
    (event) => expeditedTypes.includes(event.type) && event.details.isExpedited === true,
  );
  const isUrgent = facts.isUrgent || hasExpeditedRequest;
  if (isUrgent && (facts.claimType === null || facts.claimType === 'pre-service')) {
    assumptions.push(
      facts.isUrgent
        ? 'Timed as an urgent claim because the case is marked urgent.'
        : 'Timed as an urgent claim because a request on the timeline was sent as expedited.',
    );
    return 'urgent';
  }
  return facts.claimType ?? undefined;
}

/** Orders by the day on the calendar, then by id, so the engine reads the timeline as it happened. */
function byDate(left: MappedEvent, right: MappedEvent): number {
  const [a, b] = [left.event.date, right.event.date];
  if (a !== b) return a < b ? -1 : 1;
  return left.source.eventId - right.source.eventId;
}

export function mapCaseToScenario(facts: CaseDeadlineFacts): CaseScenario {
  const missingFacts: string[] = [];
  const assumptions: string[] = [];
  const approvals = approvalsOf(facts.events);
  if (facts.planType === null) {
    missingFacts.push(
      "The case's coverage and its plan type (Coverage tab): the plan type decides which rules set the deadlines.",
    );
    return { scenario: null, sources: [], missingFacts, assumptions, approvals };
  }
  const mapped = facts.events.flatMap((event) => mapEvent(event, missingFacts)).sort(byDate);
  const claimType = effectiveClaimType(facts, assumptions);
  const scenario: DeadlineScenario = {
    planType: facts.planType,
    claimType,
    state: facts.clientState ?? undefined,
    timeZone: facts.timeZone,
    asOf: undefined,
    events: mapped.map(({ event }) => event),
  };
  return { scenario, sources: mapped.map(({ source }) => source), missingFacts, assumptions, approvals };
}

/**
 * Engine messages name events by their place in the scenario (`events[2].receivedDate: …`) and
 * fields by the CLI's words; this names the timeline entry instead.
 */
export function describeEngineFact(fact: string, sources: readonly ScenarioEventSource[]): string {
  return fact
    .replace(/^claimType: /, 'Claim type (case details): ')
    .replace(/^planType: /, 'Plan type: ')
    .replace(/^events: none given; /, 'Timeline: no request, decision or appeal recorded yet; ')
    .replace(/events\[(\d+)\](\.\w+)?/g, (whole, index: string, field: string | undefined) => {
      const source = sources[Number(index)];
      if (!source) return whole;
      const fieldWords: Readonly<Record<string, string>> = {
        '.receivedDate': ', the day it arrived',
        '.level': ', its appeal level',
        '.final': ', whether it is final',
        '.date': '',
      };
      return `The ${source.description}${field ? (fieldWords[field] ?? '') : ''}`;
    });
}

/**
 * The engine's notes name the event that settled a deadline by its scenario type and place
 * ("Met: denial-notice on 2026-11-24 (events[1])."); on the case they name the timeline entry
 * instead ("Met: the denial notice dated 2026-11-24."), so no internal text reaches a person.
 * The CLI keeps the engine's own words.
 */
export function describeEngineNote(note: string, sources: readonly ScenarioEventSource[]): string {
  return note.replace(
    /[a-z-]+ (?:on|is dated) \d{4}-\d{2}-\d{2} \(events\[(\d+)\]\)/g,
    (whole, index: string) => {
      const source = sources[Number(index)];
      return source ? `the ${source.description}` : whole;
    },
  );
}
