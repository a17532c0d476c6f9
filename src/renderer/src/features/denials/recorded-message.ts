import type { RecordedDenialNotice } from '@shared/schemas/case-denial-notice';
import type { CaseDeadline, CaseDeadlines } from '@shared/schemas/deadlines';
import { formatCalendarDate } from '../../lib/format-date';

/**
 * The confirmation after a notice is recorded, saying only what happened: the appeal deadline is
 * pointed to only when the denial started one; otherwise what is missing for it and where to add it.
 */
export function recordedMessage(
  recorded: Pick<RecordedDenialNotice, 'eventId' | 'noticeDate' | 'noticeCheck'>,
  caseDeadlines: Pick<CaseDeadlines, 'missingFacts'> & {
    readonly deadlines: readonly Pick<CaseDeadline, 'sourceEventId' | 'actor'>[];
  },
  /** What recording did to the case's coverage: created it, linked one the client has, or nothing. */
  coverage: { readonly created: true } | { readonly existing: string } | null,
): string {
  const defects =
    recorded.noticeCheck.elements.filter((element) => element.status === 'missing').length +
    recorded.noticeCheck.findings.length;
  const hasAppealDeadline = caseDeadlines.deadlines.some(
    (deadline) => deadline.sourceEventId === recorded.eventId && deadline.actor === 'claimant',
  );
  const parts = [
    `Denial of ${formatCalendarDate(recorded.noticeDate)} recorded`,
    ...(coverage === null
      ? []
      : 'created' in coverage
        ? ["the case's coverage was created from the notice"]
        : [`the case now uses ${coverage.existing}`]),
    hasAppealDeadline
      ? 'the appeal deadline is on the Deadlines tab'
      : `no appeal deadline could be computed yet (${
          caseDeadlines.missingFacts[0] ?? "check the case's coverage and claim type"
        }; add it on the case and the deadline appears)`,
    ...(defects > 0 ? [`the notice has ${defects} problem${defects === 1 ? '' : 's'}`] : []),
  ];
  return `${parts.join('; ')}.`;
}
