import { describe, expect, it } from 'vitest';
import {
  civilDateReaderInZone,
  addBusinessDays,
  addCalendarDays,
  addCalendarMonths,
  addHours,
  civilDateInZone,
  dayOfWeek,
  daysBetween,
  formatInstantInZone,
  isBusinessDay,
  isFederalHoliday,
  isKnownTimeZone,
  parseOffsetDateTime,
  rollForwardToBusinessDay,
  startOfDayInZone,
  utcOffsetMinutes,
} from './date-arithmetic';

// Calendar anchors used in the working below, each derived by hand:
// 2024-01-01 was a Monday; 2024 has 366 days → 2025-01-01 Wednesday; 365 → 2026-01-01 Thursday;
// 2027-01-01 Friday; 2028-01-01 Saturday. 2026: Feb 1 Sun, Mar 1 Sun, May 1 Fri, Jun 1 Mon,
// Jul 1 Wed, Sep 1 Tue, Oct 1 Thu, Nov 1 Sun, Dec 1 Tue. US daylight saving 2026 starts Sun Mar 8.

describe('addCalendarDays', () => {
  it.each([
    // Mar 2 + 15: March has 31 days, 2 + 15 = 17
    ['2026-03-02', 15, '2026-03-17'],
    // Jan 20 + 30: 11 days to Jan 31, 19 more → Feb 19
    ['2026-01-20', 30, '2026-02-19'],
    // leap year: Feb 14 2028 + 15 = Feb 29 (2028 is divisible by 4, not by 100)
    ['2028-02-14', 15, '2028-02-29'],
    // non-leap: Feb 14 2027 + 15 → Feb has 28 days, so day 29 is Mar 1
    ['2027-02-14', 15, '2027-03-01'],
    // year end: Dec 20 + 11 = Dec 31, 4 more → Jan 4
    ['2026-12-20', 15, '2027-01-04'],
    // 180 days from Apr 3: Apr 27 + May 31 + Jun 30 + Jul 31 + Aug 31 = 150, + 30 → Sep 30
    ['2026-04-03', 180, '2026-09-30'],
    // Jan 31 2028 + 30: Feb 29 is day 29, Mar 1 is day 30
    ['2028-01-31', 30, '2028-03-01'],
  ])('%s + %i days = %s', (start, days, expected) => {
    expect(addCalendarDays(start, days)).toBe(expected);
  });

  it.each([
    // February 2026 has 28 days; February 2028 has 29
    ['2026-02-01', '2026-03-01', 28],
    ['2028-02-01', '2028-03-01', 29],
    ['2026-03-17', '2026-03-02', -15],
  ])('daysBetween(%s, %s) = %i', (from, to, expected) => {
    expect(daysBetween(from, to)).toBe(expected);
  });
});

describe('addCalendarMonths (45 CFR 147.136(d)(2)(i) 4-month rule)', () => {
  it.each([
    // same day number exists 4 months later
    ['2026-05-10', '2026-09-10', false],
    // the regulation's own example: Oct 30 → no Feb 30 → 1st of the 5th month, Mar 1
    ['2025-10-30', '2026-03-01', true],
    ['2025-10-31', '2026-03-01', true],
    // leap year: Feb 29 2028 exists
    ['2027-10-29', '2028-02-29', false],
    ['2027-10-30', '2028-03-01', true],
    // across the year: Sep 15 + 4 → Jan 15
    ['2026-09-15', '2027-01-15', false],
    // May 31 + 4 → Sep 31 does not exist → Oct 1
    ['2026-05-31', '2026-10-01', true],
  ])('%s + 4 months = %s (moved to the 1st: %s)', (start, expected, moved) => {
    expect(addCalendarMonths(start, 4)).toEqual({ date: expected, movedToFirstOfNextMonth: moved });
  });
});

describe('weekdays, federal holidays and business days', () => {
  it('knows the weekday', () => {
    // 2026-01-01 Thursday (anchor above) = 4; 2028-01-01 Saturday = 6
    expect(dayOfWeek('2026-01-01')).toBe(4);
    expect(dayOfWeek('2028-01-01')).toBe(6);
  });

  it.each([
    // MLK Day, 3rd Monday of Jan 2026: Mondays Jan 5, 12, 19
    ['2026-01-19', true],
    // Washington's Birthday, 3rd Monday of Feb 2026: Feb 1 Sun → Mondays 2, 9, 16
    ['2026-02-16', true],
    // Memorial Day, last Monday of May 2026: May 1 Fri → Mondays 4, 11, 18, 25
    ['2026-05-25', true],
    // Juneteenth 2026: Jun 1 Mon + 18 days → Friday, observed on the day
    ['2026-06-19', true],
    // Independence Day 2026: Jul 1 Wed → Jul 4 Saturday, observed Friday Jul 3
    ['2026-07-03', true],
    // Labor Day: Sep 1 Tue → first Monday Sep 7
    ['2026-09-07', true],
    // Columbus Day: Oct 1 Thu → Mondays 5, 12
    ['2026-10-12', true],
    // Thanksgiving: Nov 1 Sun → Thursdays 5, 12, 19, 26
    ['2026-11-26', true],
    // the day after Thanksgiving is not a legal public holiday
    ['2026-11-27', false],
    // New Year's Day 2028 is a Saturday, observed Friday Dec 31 2027
    ['2027-12-31', true],
    // Juneteenth only from 2021 (Pub. L. 117-17): Jun 19 2020 was an ordinary Friday
    ['2020-06-19', false],
  ])('isFederalHoliday(%s) = %s', (date, expected) => {
    expect(isFederalHoliday(date)).toBe(expected);
  });

  it.each([
    // Saturday Jul 4 → Sun 5 → Monday Jul 6
    ['2026-07-04', '2026-07-06'],
    // Friday Jul 3 is the observed holiday → Sat, Sun → Monday Jul 6
    ['2026-07-03', '2026-07-06'],
    // Saturday Sep 5 → Sunday 6 → Labor Day Monday 7 → Tuesday Sep 8
    ['2026-09-05', '2026-09-08'],
    // Thursday Sep 10 is a business day already
    ['2026-09-10', '2026-09-10'],
    // Thanksgiving Thursday → Friday Nov 27
    ['2026-11-26', '2026-11-27'],
  ])('rollForwardToBusinessDay(%s) = %s', (date, expected) => {
    expect(rollForwardToBusinessDay(date)).toBe(expected);
  });

  it.each([
    // Thu Jul 2 + 5: Jul 3 holiday, 4-5 weekend, then Mon 6 (1), 7 (2), 8 (3), 9 (4), Fri 10 (5)
    ['2026-07-02', 5, '2026-07-10'],
    // Thu Dec 24 + 1: Fri Dec 25 holiday, 26-27 weekend → Monday Dec 28
    ['2026-12-24', 1, '2026-12-28'],
  ])('addBusinessDays(%s, %i) = %s', (date, days, expected) => {
    expect(addBusinessDays(date, days)).toBe(expected);
  });

  it('treats weekends as non-business days', () => {
    // Mar 1 2026 is a Sunday, Mar 2 a Monday
    expect(isBusinessDay('2026-03-01')).toBe(false);
    expect(isBusinessDay('2026-03-02')).toBe(true);
  });
});

describe('time zones and hour clocks', () => {
  it.each([
    // 23:30 in Los Angeles (-07:00 in daylight time) = 06:30Z Apr 1 = 02:30 in New York (EDT, -04:00)
    ['2026-03-31T23:30:00-07:00', 'America/New_York', '2026-04-01'],
    ['2026-03-31T23:30:00-07:00', 'America/Los_Angeles', '2026-03-31'],
    // 03:00Z Mar 2 = 22:00 Mar 1 in New York (EST, -05:00)
    ['2026-03-02T03:00:00Z', 'America/New_York', '2026-03-01'],
  ])('%s falls on the calendar date of %s as %s', (text, timeZone, expected) => {
    const parsed = parseOffsetDateTime(text);
    expect(parsed).not.toBeNull();
    expect(civilDateInZone(parsed?.instant ?? Number.NaN, timeZone)).toBe(expected);
  });

  it.each([
    // daylight saving starts at 02:00 on Mar 8, so midnight that day is still EST (-05:00) = 05:00Z
    ['2026-03-08', 'America/New_York', '2026-03-08T05:00:00.000Z'],
    // the next midnight is EDT (-04:00) = 04:00Z
    ['2026-03-09', 'America/New_York', '2026-03-09T04:00:00.000Z'],
    // Chicago in winter is -06:00
    ['2026-03-02', 'America/Chicago', '2026-03-02T06:00:00.000Z'],
    // Kolkata is +05:30 all year: midnight there is 18:30Z the day before
    ['2026-03-02', 'Asia/Kolkata', '2026-03-01T18:30:00.000Z'],
  ])('the start of %s in %s is %s', (date, timeZone, expected) => {
    expect(new Date(startOfDayInZone(date, timeZone)).toISOString()).toBe(expected);
  });

  it('counts 72 hours across the change to daylight saving time by the clock on the wall', () => {
    // 10:00 EST Mar 6 = 15:00Z; + 72 h = 15:00Z Mar 9, which is 11:00 EDT
    const start = parseOffsetDateTime('2026-03-06T10:00:00-05:00');
    expect(formatInstantInZone(addHours(start?.instant ?? Number.NaN, 72), 'America/New_York')).toBe(
      '2026-03-09T11:00:00-04:00',
    );
  });

  it.each([
    // New York: -05:00 in January, -04:00 in July; Kolkata +05:30
    [Date.UTC(2026, 0, 15), 'America/New_York', -300],
    [Date.UTC(2026, 6, 15), 'America/New_York', -240],
    [Date.UTC(2026, 0, 15), 'Asia/Kolkata', 330],
  ])('utcOffsetMinutes(%i, %s) = %i', (instant, timeZone, expected) => {
    expect(utcOffsetMinutes(instant, timeZone)).toBe(expected);
  });

  it('formats UTC itself with a +00:00 offset', () => {
    expect(formatInstantInZone(Date.UTC(2026, 0, 1), 'UTC')).toBe('2026-01-01T00:00:00+00:00');
  });

  it.each([
    // 09:30 at -05:00 is 14:30Z; minutes-only form allowed
    ['2026-03-02T09:30-05:00', Date.UTC(2026, 2, 2, 14, 30)],
    // half a second
    ['2026-03-02T09:30:00.5Z', Date.UTC(2026, 2, 2, 9, 30, 0, 500)],
  ])('parseOffsetDateTime(%s) reads the instant', (text, expected) => {
    expect(parseOffsetDateTime(text)?.instant).toBe(expected);
  });

  it.each([
    'not a date',
    // February 30 does not exist
    '2026-02-30T10:00:00Z',
    // there is no hour 24
    '2026-03-02T24:00:00Z',
    // an offset is required: without it the instant is ambiguous
    '2026-03-02T09:30:00',
  ])('parseOffsetDateTime(%s) refuses it', (text) => {
    expect(parseOffsetDateTime(text)).toBeNull();
  });

  it('recognizes IANA time zone names', () => {
    expect(isKnownTimeZone('America/New_York')).toBe(true);
    expect(isKnownTimeZone('Mars/Olympus_Mons')).toBe(false);
  });
});

describe('civilDateReaderInZone', () => {
  it('reads every instant’s local date as Intl does, across daylight saving changes in zones with odd offsets', () => {
    const zones = [
      'America/New_York',
      'Europe/Berlin',
      'Pacific/Auckland',
      'Australia/Lord_Howe', // a half-hour change
      'Asia/Kathmandu', // +05:45
      'America/St_Johns', // -03:30, changing at 02:00 local
      'Pacific/Apia', // skipped 30 December 2011 entirely
      'UTC',
    ];
    const differences: string[] = [];
    for (const zone of zones) {
      const read = civilDateReaderInZone(zone);
      for (const [from, to] of [
        [Date.UTC(2011, 11, 20), Date.UTC(2012, 0, 10)],
        [Date.UTC(2026, 0, 1), Date.UTC(2027, 0, 1)],
      ] as const) {
        // Every 21 minutes and 37 seconds: across the hours and minutes of each day.
        for (let instant = from; instant < to; instant += 1_297_000) {
          const expected = civilDateInZone(instant, zone);
          if (read(instant) !== expected) differences.push(`${zone} ${new Date(instant).toISOString()}`);
        }
      }
      expect(read(Date.UTC(2026, 2, 8, 6, 59, 59, 999))).toBe(
        civilDateInZone(Date.UTC(2026, 2, 8, 6, 59, 59, 999), zone),
      );
    }
    expect(differences).toEqual([]);
  });
});
