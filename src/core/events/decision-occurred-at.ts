import { dayOnlyInstant } from '../../shared/domain/day-only-events';
import { civilDateInZone } from '../deadlines/date-arithmetic';
import { userTimeZone } from '../deadlines/time-zone';

/**
 * Where a payer decision sits on the timeline: on the date printed on its notice, the payer's
 * decision date, which the deadline engine counts from (case-scenario.ts) and Outcomes counts by
 * (docs/outcomes-definitions.md). One typed in on that day, where the advocate works, keeps the
 * time it was given; one typed in on another day (the form's "now", weeks after the notice) is
 * known by the notice's day alone, never later than now. Otherwise a denial dated 10 February and
 * recorded on 3 March sat after everything done in between and was counted in March.
 */
export function decisionOccurredAt(
  noticeDate: string,
  given: string,
  now = new Date(),
  timeZone = userTimeZone(),
): string {
  const placed =
    civilDateInZone(Date.parse(given), timeZone) === noticeDate ? given : dayOnlyInstant(noticeDate);
  return Date.parse(placed) <= now.getTime() ? placed : now.toISOString();
}
