import type { DerivedDeadline } from './case-deadline-rows';
import { civilDateInZone, type CivilDate } from './date-arithmetic';

/**
 * Filings the deadline engine has no event for, answered from the timeline: the engine's
 * scenarios know no "external review requested" (group-and-individual-deadlines.ts), so the
 * window to ask for one would stay open after the advocate recorded the request. The case's
 * lifecycle moves on with that entry (shared/domain/case-lifecycle.ts), and so does this deadline:
 * met when filed by its date, answered late otherwise.
 */
const rulesAnsweredByTimeline: Readonly<Record<string, 'external_review_requested'>> = {
  federal_external_review_request: 'external_review_requested',
};

export type RecordedFiling = {
  readonly type: 'external_review_requested';
  readonly occurredAt: string;
};

export function answerFilingsRecordedOnTimeline(
  deadlines: readonly DerivedDeadline[],
  filings: readonly RecordedFiling[],
  /** When each deadline's starting event happened, by event id. */
  startedAt: ReadonlyMap<number, string>,
  timeZone: string,
): DerivedDeadline[] {
  const dayOf = (instant: string): CivilDate => civilDateInZone(Date.parse(instant), timeZone);
  return deadlines.map((deadline) => {
    const filingType = rulesAnsweredByTimeline[deadline.rule];
    if (!filingType || deadline.status === 'met' || deadline.answeredOn !== null) return deadline;
    const started = deadline.sourceEventId === null ? undefined : startedAt.get(deadline.sourceEventId);
    const filing = filings
      .filter((candidate) => candidate.type === filingType)
      .filter((candidate) => started === undefined || candidate.occurredAt >= started)
      .sort((left, right) => (left.occurredAt < right.occurredAt ? -1 : 1))[0];
    if (!filing) return deadline;
    const answeredOn = dayOf(filing.occurredAt);
    return answeredOn <= deadline.dueOn
      ? { ...deadline, status: 'met', answeredOn }
      : { ...deadline, status: 'missed', answeredOn };
  });
}
