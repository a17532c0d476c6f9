import { civilDateInZone, parseOffsetDateTime, type CivilDate } from './date-arithmetic';
import type { ClaimType, EventType, PlanType } from './plan-types';
import type { DeadlineScenario, ScenarioEvent } from './scenario-schema';

/** A scenario event with its place on the calendar worked out once. */
export type TimedEvent = {
  /** How the CLI input names it, for notes and missing facts: `events[2]`. */
  readonly label: string;
  readonly type: EventType;
  readonly event: ScenarioEvent;
  /** The calendar date in the scenario's time zone. */
  readonly date: CivilDate;
  /** The exact moment, only when the input gave a date-time with an offset. */
  readonly instant: number | undefined;
};

/** What every rule selector reads, plus the one place missing facts are collected. */
export type DeadlineContext = {
  readonly planType: PlanType;
  readonly claimType: ClaimType | undefined;
  readonly timeZone: string;
  readonly asOf: CivilDate;
  readonly events: readonly TimedEvent[];
  reportMissingFact(fact: string): void;
};

export function timeEvents(scenario: DeadlineScenario): TimedEvent[] {
  return scenario.events.map((event, index) => {
    const dateTime = parseOffsetDateTime(event.date);
    return {
      label: `events[${index}]`,
      type: event.type,
      event,
      // A date-time is placed on the scenario's calendar: 23:30 in Los Angeles is already tomorrow in New York.
      date: dateTime ? civilDateInZone(dateTime.instant, scenario.timeZone) : event.date,
      instant: dateTime?.instant,
    };
  });
}

/** True when `candidate` happened no earlier than `reference`, to the minute when both times are known. */
export function happenedOnOrAfter(candidate: TimedEvent, reference: TimedEvent): boolean {
  if (candidate.instant !== undefined && reference.instant !== undefined)
    return candidate.instant >= reference.instant;
  return candidate.date >= reference.date;
}

export function isDecisionOnRequest(candidate: TimedEvent): boolean {
  return candidate.type === 'denial-notice' || candidate.type === 'approval';
}

export function isAppealReceivedAtLevel(level: number) {
  return (candidate: TimedEvent): boolean =>
    candidate.type === 'appeal-received' && candidate.event.level === level;
}

/** A decision at that appeal level; an approval also ends the wait, since the payer then covers the care. */
export function isDecisionAtLevel(level: number) {
  return (candidate: TimedEvent): boolean =>
    (candidate.type === 'appeal-decision-notice' && candidate.event.level === level) ||
    candidate.type === 'approval';
}

export const nothingInTheEventListSatisfies = (): boolean => false;
