const usLongDate = new Intl.DateTimeFormat('en-US', {
  year: 'numeric',
  month: 'long',
  day: 'numeric',
  timeZone: 'UTC',
});

/**
 * A calendar date (YYYY-MM-DD, or the date part of an ISO date-time) as US letters, payers' notices
 * and our own documents write it: "March 30, 2026". Anything that is not a date is returned as
 * given, so a slip in stored data shows as itself rather than as a wrong date.
 */
export function formatLongDate(isoDate: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(isoDate);
  if (!match) return isoDate;
  const [, year, month, day] = match.map(Number) as [number, number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  // 2026-02-30 would roll over to March 2: not a date either.
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return isoDate;
  return usLongDate.format(date);
}
