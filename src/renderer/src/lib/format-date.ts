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
