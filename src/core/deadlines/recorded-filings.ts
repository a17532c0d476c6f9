import type { DerivedDeadline } from './case-deadline-rows';
import type { CaseTimelineEvent } from './case-scenario';
import { civilDateInZone, type CivilDate } from './date-arithmetic';
import { noteAnsweredBy } from './deadline-entry';

/**
 * Filing deadlines answered from the timeline where the engine's scenario has no event for them:
 * - the window to ask for external review: the engine's scenarios know no "external review
 *   requested" (group-and-individual-deadlines.ts);
 * - the window to file an appeal, when the "Appeal filed" entry does not say when the payer
 *   received it: the engine only reads an appeal once received, because receipt starts the
 *   payer's decision clock (case-scenario.ts). The claimant's part is done when the appeal is
 *   filed, so the filing, not the receipt, answers the claimant's deadline.
 * The case's lifecycle moves on with these entries (shared/domain/case-lifecycle.ts), and so does
 * the deadline: met when filed by its date, answered late otherwise.
 */
type AnsweringFiling =
  { readonly type: 'external_review_requested' } | { readonly type: 'appeal_filed'; readonly level: number };

/** Each claimant filing rule, and the filing that answers it (the level the engine waits for). */
const rulesAnsweredByTimeline: Readonly<Record<string, AnsweringFiling>> = {
  federal_external_review_request: { type: 'external_review_requested' },
  erisa_internal_appeal_filing: { type: 'appeal_filed', level: 1 },
  medicare_ab_redetermination_request: { type: 'appeal_filed', level: 1 },
  medicare_ab_reconsideration_request: { type: 'appeal_filed', level: 2 },
  medicare_alj_request: { type: 'appeal_filed', level: 3 },
  medicare_council_request: { type: 'appeal_filed', level: 4 },
  medicare_judicial_review_filing: { type: 'appeal_filed', level: 5 },
  ma_reconsideration_request: { type: 'appeal_filed', level: 1 },
  medicaid_ffs_fair_hearing_request: { type: 'appeal_filed', level: 1 },
  medicaid_mco_appeal_request: { type: 'appeal_filed', level: 1 },
  medicaid_mco_state_fair_hearing_request: { type: 'appeal_filed', level: 2 },
};

export type RecordedFiling = AnsweringFiling & { readonly occurredAt: string };

/** The appeals on a case's timeline (their stored details: shared/schemas/events.ts), by level. */
export function appealFilingsOf(events: readonly CaseTimelineEvent[]): RecordedFiling[] {
  return events.flatMap((event) => {
    const level = event.details.level;
    return event.type === 'appeal_filed' && typeof level === 'number' && Number.isInteger(level)
      ? [{ type: 'appeal_filed' as const, level, occurredAt: event.occurredAt }]
      : [];
  });
}

function describeFiling(filing: RecordedFiling, filedOn: CivilDate): string {
  return filing.type === 'appeal_filed'
    ? `the level-${filing.level} appeal filed ${filedOn}`
    : `the external review requested ${filedOn}`;
}

function answers(filing: RecordedFiling, wanted: AnsweringFiling): boolean {
  if (filing.type !== wanted.type) return false;
  return (
    filing.type === 'external_review_requested' ||
    (wanted.type === 'appeal_filed' && filing.level === wanted.level)
  );
}

export function answerFilingsRecordedOnTimeline(
  deadlines: readonly DerivedDeadline[],
  filings: readonly RecordedFiling[],
  /** When each deadline's starting event happened, by event id. */
  startedAt: ReadonlyMap<number, string>,
  timeZone: string,
): DerivedDeadline[] {
  const dayOf = (instant: string): CivilDate => civilDateInZone(Date.parse(instant), timeZone);
  return deadlines.map((deadline) => {
    const wanted = rulesAnsweredByTimeline[deadline.rule];
    if (!wanted || deadline.status === 'met' || deadline.answeredOn !== null) return deadline;
    const started = deadline.sourceEventId === null ? undefined : startedAt.get(deadline.sourceEventId);
    const filing = filings
      .filter((candidate) => answers(candidate, wanted))
      .filter((candidate) => started === undefined || candidate.occurredAt >= started)
      .sort((left, right) => (left.occurredAt < right.occurredAt ? -1 : 1))[0];
    if (!filing) return deadline;
    const answeredOn = dayOf(filing.occurredAt);
    const isOnTime = answeredOn <= deadline.dueOn;
    const note = noteAnsweredBy(deadline.note, { isOnTime, filing: describeFiling(filing, answeredOn) });
    return { ...deadline, status: isOnTime ? 'met' : 'missed', answeredOn, note };
  });
}
