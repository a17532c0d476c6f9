import {
  addBusinessDays,
  addCalendarDays,
  addCalendarMonths,
  addHours,
  civilDateInZone,
  daysBetween,
  formatInstantInZone,
  isBusinessDay,
  rollForwardToBusinessDay,
  startOfDayInZone,
  type CivilDate,
} from './date-arithmetic';
import { happenedOnOrAfter, type DeadlineContext, type TimedEvent } from './deadline-context';
import type { Actor } from './plan-types';
import type { Confidence, DeadlineRule, Duration } from './rules';

export type DeadlineStatus = 'open' | 'met' | 'missed' | 'due-soon';

/** One line of the report, in the CLI's fixed vocabulary plus the citation text, confidence and trigger. */
export type DeadlineEntry = {
  readonly rule: string;
  /** YYYY-MM-DD, or for hour clocks an ISO date-time with the scenario time zone's offset. */
  readonly due: string;
  readonly actor: Actor;
  readonly citation: string;
  readonly status: DeadlineStatus;
  /**
   * The date of the event that answered it (the decision for a payer rule, the filing for a
   * claimant rule), even a late one; null while it is still outstanding. A missed deadline that
   * was answered late is history for the record, not something left to do.
   */
  readonly answeredOn: string | null;
  readonly note: string;
  readonly citationText: string;
  readonly confidence: Confidence;
  readonly triggeredBy: string;
};

/** A rule the selector chose for one event, and how to tell whether it was met. */
export type RuleRequest = {
  readonly rule: DeadlineRule;
  readonly trigger: TimedEvent;
  /** The later event that satisfies it: a decision for a payer rule, a filing for a claimant rule. */
  readonly isSatisfiedBy: (candidate: TimedEvent) => boolean;
  /**
   * A later deadline that applies instead if a fact the scenario lacks turns out the other way. The
   * rule above is the safe (earlier) one; this is described in the note as the outer limit.
   */
  readonly alternative?: { readonly rule: DeadlineRule; readonly condition: string };
  readonly notes?: readonly string[];
};

/** Days before the due date at which an open deadline becomes due-soon. */
const dueSoonDays = 7;

type Due = { readonly text: string; readonly date: CivilDate; readonly instant: number | undefined };

type ClockStart = {
  readonly date: CivilDate;
  readonly notes: readonly string[];
  /** A later start that also has support (a documented receipt, the 5-day presumption). */
  readonly laterStart?: { readonly date: CivilDate; readonly condition: string };
};

function clockStartFor(rule: DeadlineRule, trigger: TimedEvent, context: DeadlineContext): ClockStart {
  const receivedDate = trigger.event.receivedDate;
  switch (rule.clockStart) {
    case 'receipt-by-payer':
      return { date: trigger.date, notes: [] };
    case 'date-on-notice':
      return {
        date: trigger.date,
        notes: receivedDate
          ? ['Counted from the date on the notice, not the day it arrived, as the rule says.']
          : [],
      };
    case 'receipt-by-claimant':
      if (receivedDate)
        return { date: receivedDate, notes: [`Counted from the day the notice arrived (${receivedDate}).`] };
      context.reportMissingFact(
        `${trigger.label}.receivedDate: the day the notice arrived; the claimant's clock runs from receipt, so the date on the notice was used (safe, possibly early).`,
      );
      return {
        date: trigger.date,
        notes: [
          'Counted from the date on the notice because the day it arrived is not given; the true deadline runs from receipt and may be later.',
        ],
      };
    case 'presumed-receipt-5d': {
      const presumed = addCalendarDays(trigger.date, 5);
      if (receivedDate === undefined || receivedDate === presumed) {
        return {
          date: presumed,
          notes: [`Counted from presumed receipt: ${presumed}, 5 days after the date on the notice.`],
        };
      }
      if (receivedDate < presumed) {
        return {
          date: receivedDate,
          notes: [
            `Counted from the day the notice arrived (${receivedDate}), earlier than the presumed receipt (${presumed}).`,
          ],
          laterStart: { date: presumed, condition: 'the 5-day presumption of receipt is applied' },
        };
      }
      return {
        date: presumed,
        notes: [`Counted from presumed receipt: ${presumed}, 5 days after the date on the notice.`],
        laterStart: { date: receivedDate, condition: `you can show the notice arrived on ${receivedDate}` },
      };
    }
  }
}

function addDuration(start: CivilDate, duration: Duration): { date: CivilDate; notes: string[] } {
  switch (duration.unit) {
    case 'calendar-days':
      return { date: addCalendarDays(start, duration.amount), notes: [] };
    case 'business-days':
      return { date: addBusinessDays(start, duration.amount), notes: [] };
    case 'months': {
      const { date, movedToFirstOfNextMonth } = addCalendarMonths(start, duration.amount);
      const notes = movedToFirstOfNextMonth
        ? [
            `That month has no day ${start.slice(8)}, so the rule as quoted moves the deadline to the 1st of the next month (quotation not re-read against eCFR); filing by the last day of the month before avoids any doubt.`,
          ]
        : [];
      return { date, notes };
    }
    case 'hours':
      throw new RangeError('Hour clocks run from an instant, not a date.');
  }
}

function computeHourDue(
  duration: Duration,
  trigger: TimedEvent,
  context: DeadlineContext,
): { due: Due; notes: string[] } {
  const notes: string[] = [];
  let start = trigger.instant;
  if (start === undefined) {
    // Never round an hour clock to whole days: count from the earliest moment the day allows and say so.
    start = startOfDayInZone(trigger.date, context.timeZone);
    context.reportMissingFact(
      `${trigger.label}.date: the time of receipt with its UTC offset (for example ${trigger.date}T09:30:00-05:00), needed for the ${duration.amount}-hour clock.`,
    );
    notes.push(
      `Time of receipt not given: counted from the start of ${trigger.date} (${context.timeZone}), the earliest it could be; if it arrived later that day the deadline is that much later.`,
    );
  }
  const instant = addHours(start, duration.amount);
  const due: Due = {
    text: formatInstantInZone(instant, context.timeZone),
    date: civilDateInZone(instant, context.timeZone),
    instant,
  };
  return { due, notes };
}

function computeDue(
  rule: DeadlineRule,
  trigger: TimedEvent,
  context: DeadlineContext,
): { due: Due; notes: string[] } {
  if (rule.duration.unit === 'hours') return computeHourDue(rule.duration, trigger, context);
  const start = clockStartFor(rule, trigger, context);
  const added = addDuration(start.date, rule.duration);
  const notes = [...start.notes, ...added.notes];
  if (rule.rollsForwardOffNonBusinessDays && !isBusinessDay(added.date)) {
    notes.push(
      `${added.date} is a weekend day or federal holiday; the rule as quoted moves the deadline to the next business day, ${rollForwardToBusinessDay(added.date)} (outer limit; the roll-forward comes from a third-party quotation and is not verified).`,
    );
  }
  if (rule.outerLimit) {
    notes.push(
      `Outer limit: ${addDuration(start.date, rule.outerLimit.duration).date} (${rule.outerLimit.reason}).`,
    );
  }
  if (start.laterStart) {
    notes.push(
      `If ${start.laterStart.condition}, the limit may be ${addDuration(start.laterStart.date, rule.duration).date}.`,
    );
  }
  return { due: { text: added.date, date: added.date, instant: undefined }, notes };
}

/** The earliest later event that satisfies the rule; events after asOf have not happened yet as of that day. */
function firstSatisfyingEvent(request: RuleRequest, context: DeadlineContext): TimedEvent | undefined {
  return context.events
    .filter((candidate) => candidate !== request.trigger && request.isSatisfiedBy(candidate))
    .filter((candidate) => happenedOnOrAfter(candidate, request.trigger) && candidate.date <= context.asOf)
    .sort((left, right) => (left.date < right.date ? -1 : left.date > right.date ? 1 : 0))[0];
}

const noFilingRecordedNote =
  'The deadline has passed with no filing recorded; check the notice and plan document for any later date or exception.';
const filedLateNote = (filing: string) =>
  `Filed late: ${filing}, after the deadline; check the notice and plan document for any later date or exception.`;
const dueInDaysNote = (daysLeft: number) => `Due in ${daysLeft} day${daysLeft === 1 ? '' : 's'}.`;

/**
 * A claimant deadline's note once a filing the engine could not see answers it (recorded-filings.ts):
 * its "no filing recorded" or "due in N days" opening gives way to what answered it, the rest stays.
 */
export function noteAnsweredBy(
  note: string,
  answer: { readonly isOnTime: boolean; readonly filing: string },
): string {
  const opening = answer.isOnTime ? `Met: ${answer.filing}.` : filedLateNote(answer.filing);
  const rest = note.startsWith(noFilingRecordedNote)
    ? note.slice(noFilingRecordedNote.length).trimStart()
    : note.replace(/^Due in \d+ days?\. ?/, '');
  return rest === '' ? opening : `${opening} ${rest}`;
}

function judgeStatus(
  request: RuleRequest,
  due: Due,
  context: DeadlineContext,
): { status: DeadlineStatus; note: string } {
  const { rule } = request;
  const satisfying = firstSatisfyingEvent(request, context);
  if (satisfying) {
    const isOnTime =
      due.instant !== undefined && satisfying.instant !== undefined
        ? satisfying.instant <= due.instant
        : satisfying.date <= due.date;
    if (isOnTime)
      return { status: 'met', note: `Met: ${satisfying.type} on ${satisfying.date} (${satisfying.label}).` };
    return rule.actor === 'payer'
      ? {
          status: 'missed',
          note: `Payer was late: ${satisfying.type} is dated ${satisfying.date} (${satisfying.label}), after the deadline.`,
        }
      : {
          status: 'missed',
          note: filedLateNote(`${satisfying.type} on ${satisfying.date} (${satisfying.label})`),
        };
  }
  if (context.asOf > due.date) {
    return rule.actor === 'payer'
      ? {
          status: 'missed',
          note: rule.whenPayerLate ?? 'Payer is late: no decision is recorded by the deadline.',
        }
      : {
          status: 'missed',
          note: noFilingRecordedNote,
        };
  }
  const daysLeft = daysBetween(context.asOf, due.date);
  if (daysLeft <= dueSoonDays) return { status: 'due-soon', note: dueInDaysNote(daysLeft) };
  return { status: 'open', note: '' };
}

const confidenceWarnings: Readonly<Record<Confidence, string | undefined>> = {
  verified: undefined,
  corroborated: undefined,
  unverified: "Unverified in the project's sources: confirm this rule before relying on it.",
};

export function buildDeadlineEntry(request: RuleRequest, context: DeadlineContext): DeadlineEntry {
  const { rule, trigger, alternative } = request;
  const { due, notes } = computeDue(rule, trigger, context);
  const { status, note: statusNote } = judgeStatus(request, due, context);
  const answeredOn = firstSatisfyingEvent(request, context)?.date ?? null;
  const alternativeNotes = alternative
    ? [
        `If ${alternative.condition}: ${computeDue(alternative.rule, trigger, context).due.text} (${alternative.rule.citation}).`,
      ]
    : [];
  const note = [
    statusNote,
    ...notes,
    ...alternativeNotes,
    ...(request.notes ?? []),
    rule.caveat,
    confidenceWarnings[rule.confidence],
  ]
    .filter((part): part is string => Boolean(part))
    .join(' ');
  return {
    rule: rule.id,
    due: due.text,
    actor: rule.actor,
    citation: rule.citationUrl,
    status,
    answeredOn,
    note,
    citationText: rule.citation,
    confidence: rule.confidence,
    triggeredBy: trigger.label,
  };
}
