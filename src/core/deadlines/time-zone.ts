import { isKnownTimeZone } from './date-arithmetic';

/**
 * The user's time zone: the computer's, as the platform reports it. Deadlines are placed on this
 * calendar ("due 2026-09-30" means that day where the advocate works). `ADVOCASE_TIME_ZONE`
 * overrides it, for tests and for an advocate who works in another zone than the computer's.
 */
export function userTimeZone(): string {
  const configured = process.env.ADVOCASE_TIME_ZONE;
  if (configured && isKnownTimeZone(configured)) return configured;
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}
