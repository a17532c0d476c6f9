const dateFormatter = new Intl.DateTimeFormat(undefined, { year: 'numeric', month: 'short', day: 'numeric' });
const dateTimeFormatter = new Intl.DateTimeFormat(undefined, {
  year: 'numeric',
  month: 'short',
  day: 'numeric',
  hour: 'numeric',
  minute: '2-digit',
});

/** A stored YYYY-MM-DD shown in the user's locale; it is a calendar date, so no time zone shifts it. */
export function formatCalendarDate(isoDate: string | null): string {
  if (!isoDate) return '—';
  const [year, month, day] = isoDate.split('-').map(Number);
  if (!year || !month || !day) return isoDate;
  return dateFormatter.format(new Date(year, month - 1, day));
}

/** A stored UTC instant shown in the user's locale and time zone. */
export function formatInstant(isoInstant: string | null): string {
  if (!isoInstant) return '—';
  const date = new Date(isoInstant);
  return Number.isNaN(date.getTime()) ? isoInstant : dateTimeFormatter.format(date);
}

const timeFormatter = new Intl.DateTimeFormat(undefined, { hour: 'numeric', minute: '2-digit' });

/**
 * When something happened, as briefly as a person says it: "at 14:02" today, "on Dec 6, 2026,
 * 14:02" another day, in the user's locale and time zone.
 */
export function formatMomentBriefly(isoInstant: string, now: Date = new Date()): string {
  const date = new Date(isoInstant);
  if (Number.isNaN(date.getTime())) return '';
  return date.toDateString() === now.toDateString()
    ? `at ${timeFormatter.format(date)}`
    : `on ${dateTimeFormatter.format(date)}`;
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

/** The value a `datetime-local` input shows for an instant, in the user's time zone. */
export function toDateTimeInputValue(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/**
 * A `datetime-local` value read as the user's local time, written with its UTC offset
 * (2026-03-02T09:30-05:00), which is what the contract stores as an instant. Empty stays empty.
 */
export function fromDateTimeInputValue(value: string): string {
  if (!value) return '';
  const local = new Date(value);
  if (Number.isNaN(local.getTime())) return value;
  const offsetMinutes = -local.getTimezoneOffset();
  const sign = offsetMinutes >= 0 ? '+' : '-';
  const absolute = Math.abs(offsetMinutes);
  return `${value}${sign}${pad(Math.floor(absolute / 60))}:${pad(absolute % 60)}`;
}

/** The zone this computer's browser shows dates in. */
export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/**
 * A time zone as a person names it, "Eastern Time (New York)" rather than "America/New_York",
 * or nothing when it is the zone the user is in anyway: the zone is named only where it matters,
 * so a user in Chicago never reads "(UTC)".
 */
export function zoneNoteFor(timeZone: string, userZone: string = browserTimeZone()): string | null {
  if (timeZone === userZone) return null;
  const generic = new Intl.DateTimeFormat(undefined, { timeZone, timeZoneName: 'longGeneric' })
    .formatToParts(new Date())
    .find((part) => part.type === 'timeZoneName')?.value;
  const city = timeZone.split('/').at(-1)?.replace(/_/g, ' ');
  if (!generic) return city ?? timeZone;
  return city && !generic.includes(city) && timeZone.includes('/') ? `${generic} (${city})` : generic;
}
