import { isRealCalendarDate } from '../../shared/schemas/fields';

/**
 * Date arithmetic for legal deadlines. Dates are civil dates written YYYY-MM-DD (no time, no zone);
 * instants are milliseconds since the epoch. Time zones go through `Intl` only, so the rules for
 * daylight saving come from the platform's time zone database, not from this file.
 */

/** A civil date written YYYY-MM-DD. Callers validate the text before it reaches these functions. */
export type CivilDate = string;

const millisecondsPerDay = 86_400_000;
const millisecondsPerHour = 3_600_000;

type DateParts = { readonly year: number; readonly month: number; readonly day: number };

function partsOf(date: CivilDate): DateParts {
  const [year, month, day] = date.split('-').map(Number);
  if (year === undefined || month === undefined || day === undefined) {
    throw new RangeError(`Not a date written YYYY-MM-DD: "${date}"`);
  }
  return { year, month, day };
}

function formatParts({ year, month, day }: DateParts): CivilDate {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Days since 1970-01-01 for a civil date; the proleptic Gregorian calendar, as Date.UTC counts it. */
function dayNumber(date: CivilDate): number {
  const { year, month, day } = partsOf(date);
  return Date.UTC(year, month - 1, day) / millisecondsPerDay;
}

function fromDayNumber(days: number): CivilDate {
  const utc = new Date(days * millisecondsPerDay);
  return formatParts({ year: utc.getUTCFullYear(), month: utc.getUTCMonth() + 1, day: utc.getUTCDate() });
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function addCalendarDays(date: CivilDate, days: number): CivilDate {
  return fromDayNumber(dayNumber(date) + days);
}

/** Whole days from `from` to `to`; negative when `to` is earlier. */
export function daysBetween(from: CivilDate, to: CivilDate): number {
  return dayNumber(to) - dayNumber(from);
}

/** 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(date: CivilDate): number {
  return new Date(dayNumber(date) * millisecondsPerDay).getUTCDay();
}

export type MonthAddition = {
  readonly date: CivilDate;
  /** True when the day number does not exist in the target month and the date moved to the 1st of the next. */
  readonly movedToFirstOfNextMonth: boolean;
};

/**
 * Calendar-month arithmetic as 45 CFR 147.136(d)(2)(i) words it for the 4-month external review
 * window: the same day number `months` later; where that day does not exist, the 1st day of the
 * following month (received Oct 30 → due Mar 1, because there is no Feb 30).
 */
export function addCalendarMonths(date: CivilDate, months: number): MonthAddition {
  const { year, month, day } = partsOf(date);
  const monthIndex = month - 1 + months;
  const targetYear = year + Math.floor(monthIndex / 12);
  const targetMonth = (((monthIndex % 12) + 12) % 12) + 1;
  if (day <= daysInMonth(targetYear, targetMonth)) {
    return {
      date: formatParts({ year: targetYear, month: targetMonth, day }),
      movedToFirstOfNextMonth: false,
    };
  }
  const targetMonthFirst = formatParts({ year: targetYear, month: targetMonth, day: 1 });
  return {
    date: addCalendarDays(targetMonthFirst, daysInMonth(targetYear, targetMonth)),
    movedToFirstOfNextMonth: true,
  };
}

function nthWeekdayOfMonth(year: number, month: number, weekday: number, nth: number): CivilDate {
  const first = formatParts({ year, month, day: 1 });
  const offset = (weekday - dayOfWeek(first) + 7) % 7;
  return addCalendarDays(first, offset + 7 * (nth - 1));
}

function lastWeekdayOfMonth(year: number, month: number, weekday: number): CivilDate {
  const last = formatParts({ year, month, day: daysInMonth(year, month) });
  return addCalendarDays(last, -((dayOfWeek(last) - weekday + 7) % 7));
}

/**
 * A fixed-date holiday falling on Saturday is observed on the Friday before, on Sunday the Monday
 * after (5 U.S.C. 6103(b); Executive Order 11582).
 */
function observedDate(date: CivilDate): CivilDate {
  const weekday = dayOfWeek(date);
  if (weekday === 6) return addCalendarDays(date, -1);
  if (weekday === 0) return addCalendarDays(date, 1);
  return date;
}

const monday = 1;
const thursday = 4;

/**
 * Legal public holidays under 5 U.S.C. 6103(a) for one year, both the day itself and the day it is
 * observed on. Juneteenth is a holiday from 2021 (Pub. L. 117-17).
 */
export function federalHolidays(year: number): ReadonlySet<CivilDate> {
  const fixed = [
    formatParts({ year, month: 1, day: 1 }),
    ...(year >= 2021 ? [formatParts({ year, month: 6, day: 19 })] : []),
    formatParts({ year, month: 7, day: 4 }),
    formatParts({ year, month: 11, day: 11 }),
    formatParts({ year, month: 12, day: 25 }),
  ];
  const floating = [
    nthWeekdayOfMonth(year, 1, monday, 3),
    nthWeekdayOfMonth(year, 2, monday, 3),
    lastWeekdayOfMonth(year, 5, monday),
    nthWeekdayOfMonth(year, 9, monday, 1),
    nthWeekdayOfMonth(year, 10, monday, 2),
    nthWeekdayOfMonth(year, 11, thursday, 4),
  ];
  return new Set([...fixed, ...fixed.map(observedDate), ...floating]);
}

export function isFederalHoliday(date: CivilDate): boolean {
  const { year } = partsOf(date);
  // New Year's Day falling on a Saturday is observed on December 31 of the year before.
  return federalHolidays(year).has(date) || federalHolidays(year + 1).has(date);
}

export function isBusinessDay(date: CivilDate): boolean {
  const weekday = dayOfWeek(date);
  return weekday !== 0 && weekday !== 6 && !isFederalHoliday(date);
}

/** The date itself when it is a business day, otherwise the next one. */
export function rollForwardToBusinessDay(date: CivilDate): CivilDate {
  let candidate = date;
  while (!isBusinessDay(candidate)) candidate = addCalendarDays(candidate, 1);
  return candidate;
}

/** `days` business days after `date`, skipping Saturdays, Sundays and federal holidays. */
export function addBusinessDays(date: CivilDate, days: number): CivilDate {
  let candidate = date;
  for (let counted = 0; counted < days;) {
    candidate = addCalendarDays(candidate, 1);
    if (isBusinessDay(candidate)) counted += 1;
  }
  return candidate;
}

export function addHours(instant: number, hours: number): number {
  return instant + hours * millisecondsPerHour;
}

type WallClock = DateParts & { readonly hour: number; readonly minute: number; readonly second: number };

const wallClockFormatters = new Map<string, Intl.DateTimeFormat>();

function wallClockFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = wallClockFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    wallClockFormatters.set(timeZone, formatter);
  }
  return formatter;
}

function wallClockAt(instant: number, timeZone: string): WallClock {
  const fields = new Map(
    wallClockFormatter(timeZone)
      .formatToParts(instant)
      .map((part) => [part.type, part.value]),
  );
  const field = (name: Intl.DateTimeFormatPartTypes) => Number(fields.get(name));
  return {
    year: field('year'),
    month: field('month'),
    day: field('day'),
    hour: field('hour'),
    minute: field('minute'),
    second: field('second'),
  };
}

/** True when `Intl` knows the IANA time zone name (America/New_York, UTC, …). */
export function isKnownTimeZone(timeZone: string): boolean {
  try {
    wallClockFormatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** Minutes the zone's clock is ahead of UTC at that instant (New York in winter: -300). */
export function utcOffsetMinutes(instant: number, timeZone: string): number {
  const wall = wallClockAt(instant, timeZone);
  const wallAsUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
  const wholeSecondInstant = Math.floor(instant / 1000) * 1000;
  return Math.round((wallAsUtc - wholeSecondInstant) / 60_000);
}

/** The calendar date on a wall calendar in that time zone at that instant. */
export function civilDateInZone(instant: number, timeZone: string): CivilDate {
  return formatParts(wallClockAt(instant, timeZone));
}

/**
 * `civilDateInZone` for many instants in one zone, without asking `Intl` for each: the zone's
 * offset is read once at each UTC midnight met, and an instant whose UTC day starts and ends on
 * the same offset has its date from that offset (a UTC day holds at most one change of offset in
 * any zone's rules); an instant on a day the offset changes is asked of `Intl` as before. Turning
 * a year's events into local days one `Intl` call each was a third of Outcomes' time in Node.
 */
export function civilDateReaderInZone(timeZone: string): (instant: number) => CivilDate {
  const offsetAtUtcMidnight = new Map<number, number>();
  const offsetAt = (utcDay: number) => {
    let offset = offsetAtUtcMidnight.get(utcDay);
    if (offset === undefined) {
      const midnight = utcDay * millisecondsPerDay;
      const wall = wallClockAt(midnight, timeZone);
      offset = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second) - midnight;
      offsetAtUtcMidnight.set(utcDay, offset);
    }
    return offset;
  };
  // Each local day written once: formatting it again for every instant was most of the reading.
  const written = new Map<number, CivilDate>();
  return (instant) => {
    if (!Number.isFinite(instant)) return civilDateInZone(instant, timeZone);
    const utcDay = Math.floor(instant / millisecondsPerDay);
    const offset = offsetAt(utcDay);
    if (offset !== offsetAt(utcDay + 1)) return civilDateInZone(instant, timeZone);
    const localDay = Math.floor((instant + offset) / millisecondsPerDay);
    let date = written.get(localDay);
    if (date === undefined) {
      date = fromDayNumber(localDay);
      written.set(localDay, date);
    }
    return date;
  };
}

/**
 * The first instant of a civil date in a time zone. Two passes, because the offset at local
 * midnight can differ from the offset a day earlier when daylight saving starts or ends.
 */
export function startOfDayInZone(date: CivilDate, timeZone: string): number {
  const midnightAsUtc = dayNumber(date) * millisecondsPerDay;
  const firstGuess = midnightAsUtc - utcOffsetMinutes(midnightAsUtc, timeZone) * 60_000;
  const corrected = midnightAsUtc - utcOffsetMinutes(firstGuess, timeZone) * 60_000;
  return civilDateInZone(corrected, timeZone) === date ? corrected : firstGuess;
}

function formatOffset(offsetMinutes: number): string {
  const sign = offsetMinutes < 0 ? '-' : '+';
  const absolute = Math.abs(offsetMinutes);
  return `${sign}${String(Math.floor(absolute / 60)).padStart(2, '0')}:${String(absolute % 60).padStart(2, '0')}`;
}

/** ISO 8601 with the zone's offset at that instant, to the second: 2026-03-12T14:30:00-04:00. */
export function formatInstantInZone(instant: number, timeZone: string): string {
  const wall = wallClockAt(instant, timeZone);
  const time = [wall.hour, wall.minute, wall.second].map((part) => String(part).padStart(2, '0')).join(':');
  return `${formatParts(wall)}T${time}${formatOffset(utcOffsetMinutes(instant, timeZone))}`;
}

const dateTimePattern =
  /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3})\d*)?)?(Z|([+-])(\d{2}):(\d{2}))$/;

export type ParsedDateTime = { readonly instant: number; readonly localDate: CivilDate };

/**
 * Reads an ISO 8601 date-time that carries its own offset (Z or ±HH:MM). Returns null for text
 * that is not one, or that names a time that cannot exist (25:00, February 30).
 */
export function parseOffsetDateTime(text: string): ParsedDateTime | null {
  const match = dateTimePattern.exec(text);
  if (!match) return null;
  const [
    ,
    localDate = '',
    hourText,
    minuteText,
    secondText,
    fractionText,
    zone,
    sign,
    offsetHourText,
    offsetMinuteText,
  ] = match;
  const [hour, minute, second] = [Number(hourText), Number(minuteText), Number(secondText ?? 0)];
  const [offsetHours, offsetMinutes] = [Number(offsetHourText ?? 0), Number(offsetMinuteText ?? 0)];
  if (
    !isRealCalendarDate(localDate) ||
    hour > 23 ||
    minute > 59 ||
    second > 59 ||
    offsetHours > 23 ||
    offsetMinutes > 59
  ) {
    return null;
  }
  const { year, month, day } = partsOf(localDate);
  const milliseconds = Number((fractionText ?? '0').padEnd(3, '0'));
  const offset = zone === 'Z' ? 0 : (sign === '-' ? -1 : 1) * (offsetHours * 60 + offsetMinutes);
  const instant = Date.UTC(year, month - 1, day, hour, minute, second, milliseconds) - offset * 60_000;
  return { instant, localDate };
}
