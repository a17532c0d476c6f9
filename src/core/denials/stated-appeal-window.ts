import type { AppealWindow, NoticeFinding } from '../../shared/schemas/denial-notice';
import { addCalendarDays, addCalendarMonths, type CivilDate } from '../deadlines/date-arithmetic';
import type { DeadlineRule, Duration } from '../deadlines/rules';

/** The law's window to appeal, as the deadline engine computed it for the case from the denial. */
export type LegalAppealWindow = {
  readonly rule: Pick<DeadlineRule, 'duration' | 'citation'>;
  /** YYYY-MM-DD: the engine's date, before any override. */
  readonly dueOn: CivilDate;
};

function describeDuration({ amount, unit }: Duration | AppealWindow): string {
  const unitWord = unit === 'calendar-days' ? 'days' : unit === 'business-days' ? 'business days' : unit;
  return `${amount} ${amount === 1 ? unitWord.replace(/s$/, '') : unitWord}`;
}

/**
 * The last day the notice's own words allow. When the notice does not say what the window counts
 * from, it is read as counting from receipt, the later start: the notice is called short only if
 * even the reading kindest to it is shorter than the law's.
 */
export function statedAppealDueOn(
  window: AppealWindow,
  noticeDate: CivilDate,
  receivedOn: CivilDate,
): CivilDate {
  const start = window.from === 'notice-date' ? noticeDate : receivedOn;
  return window.unit === 'days'
    ? addCalendarDays(start, window.amount)
    : addCalendarMonths(start, window.amount).date;
}

/**
 * The case keeps the law's window as its deadline; a notice that states a shorter one is a defect
 * the appeal can argue (docs/domain/denial-and-appeal-content.md §1, element 4: the plan's review
 * procedures "and their time limits"). Null when the notice's window is not shorter.
 */
export function shortStatedWindowFinding(
  stated: AppealWindow,
  noticeDate: CivilDate,
  receivedOn: CivilDate,
  legal: LegalAppealWindow,
): NoticeFinding | null {
  if (statedAppealDueOn(stated, noticeDate, receivedOn) >= legal.dueOn) return null;
  return {
    id: 'appeal-window-too-short',
    message: `The notice gives ${describeDuration(stated)} to appeal; the law gives ${describeDuration(legal.rule.duration)}. The appeal deadline on this case is the law's.`,
    citation: legal.rule.citation,
  };
}
