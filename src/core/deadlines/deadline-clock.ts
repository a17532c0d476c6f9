import { civilDateInZone } from './date-arithmetic';
import { userTimeZone } from './time-zone';

/** The clock and the calendar a call works on; tests pass fixed ones. */
export type Clock = { readonly now?: Date; readonly timeZone?: string };

export function resolveClock(clock: Clock): { now: Date; timeZone: string; today: string } {
  const now = clock.now ?? new Date();
  const timeZone = clock.timeZone ?? userTimeZone();
  return { now, timeZone, today: civilDateInZone(now.getTime(), timeZone) };
}
