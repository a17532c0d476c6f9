/**
 * A minimal iCalendar (RFC 5545) writer for deadlines: one VEVENT per deadline, all-day for date
 * rules and a UTC moment for hour rules, in the subset Outlook, Google Calendar and Apple Calendar
 * all import. Pure; the caller decides what text goes in (case numbers, not client names, unless
 * the user opts in).
 */

export type CalendarEntry = {
  /** Globally unique and stable, so importing the file again updates instead of duplicating. */
  readonly uid: string;
  readonly summary: string;
  readonly description: string;
  /** A citation link; written as the event's URL. */
  readonly url?: string;
} & ({ readonly date: string; readonly at?: undefined } | { readonly at: string; readonly date?: undefined });

const productId = '-//Advocase//Deadlines//EN';

/** RFC 5545 §3.3.11: backslash, semicolon and comma are escaped, a line break becomes \n. */
export function escapeText(text: string): string {
  return text
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

const encoder = new TextEncoder();

/**
 * RFC 5545 §3.1: lines longer than 75 octets are folded with CRLF and one space. Folding counts
 * octets of UTF-8, and never splits a character (a split multi-byte sequence is not valid text).
 */
export function foldLine(line: string): string {
  const pieces: string[] = [];
  let current = '';
  let currentOctets = 0;
  // The first line may hold 75 octets; a continuation line's leading space takes one of its 75.
  let limit = 75;
  for (const character of line) {
    const octets = encoder.encode(character).length;
    if (currentOctets + octets > limit) {
      pieces.push(current);
      current = '';
      currentOctets = 0;
      limit = 74;
    }
    current += character;
    currentOctets += octets;
  }
  pieces.push(current);
  return pieces.join('\r\n ');
}

/** 2026-09-30 → 20260930 (a DATE value, §3.3.4). */
function dateValue(date: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new RangeError(`Not a date written YYYY-MM-DD: "${date}"`);
  return date.replace(/-/g, '');
}

/** An instant as a UTC DATE-TIME (§3.3.5, form #2): 20260305T150000Z. */
function utcDateTimeValue(instant: Date): string {
  if (Number.isNaN(instant.getTime())) throw new RangeError('Not a valid moment.');
  return instant
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

function nextDay(date: string): string {
  const next = new Date(`${date}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return next.toISOString().slice(0, 10);
}

function eventLines(entry: CalendarEntry, stamp: string): string[] {
  const lines = ['BEGIN:VEVENT', `UID:${escapeText(entry.uid)}`, `DTSTAMP:${stamp}`];
  if (entry.date !== undefined) {
    // An all-day event: DTEND is the (exclusive) next day, which every client reads the same way.
    lines.push(
      `DTSTART;VALUE=DATE:${dateValue(entry.date)}`,
      `DTEND;VALUE=DATE:${dateValue(nextDay(entry.date))}`,
    );
    lines.push('TRANSP:TRANSPARENT');
  } else {
    // A deadline is a moment: with no DTEND the event ends when it starts (§3.6.1).
    lines.push(`DTSTART:${utcDateTimeValue(new Date(entry.at))}`);
  }
  lines.push(`SUMMARY:${escapeText(entry.summary)}`, `DESCRIPTION:${escapeText(entry.description)}`);
  if (entry.url) lines.push(`URL:${entry.url}`);
  lines.push('END:VEVENT');
  return lines;
}

export function writeCalendar(entries: readonly CalendarEntry[], now: Date, calendarName: string): string {
  const stamp = utcDateTimeValue(now);
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:${productId}`,
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(calendarName)}`,
    ...entries.flatMap((entry) => eventLines(entry, stamp)),
    'END:VCALENDAR',
  ];
  // Every line, the last included, ends in CRLF (§3.1).
  return lines.map(foldLine).join('\r\n') + '\r\n';
}
