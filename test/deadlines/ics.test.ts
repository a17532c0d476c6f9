import { describe, expect, it } from 'vitest';
import { escapeText, foldLine, writeCalendar } from '../../src/core/calendar/ics';
import { parseCalendar } from './parse-ics';

const now = new Date('2026-04-05T16:07:08.123Z');

describe('the .ics writer (RFC 5545)', () => {
  it('escapes backslash, semicolon, comma and line breaks (§3.3.11)', () => {
    expect(escapeText('a\\b;c,d\ne\r\nf')).toBe('a\\\\b\\;c\\,d\\ne\\nf');
  });

  it('folds at 75 octets, counting UTF-8 bytes and never splitting a character (§3.1)', () => {
    const folded = foldLine(`DESCRIPTION:${'é'.repeat(40)}`);
    const physical = folded.split('\r\n');
    // "DESCRIPTION:" is 12 octets, each é is 2: 12 + 31×2 = 74 fits, one more would be 76.
    expect(physical[0]).toBe(`DESCRIPTION:${'é'.repeat(31)}`);
    expect(physical[1]).toBe(` ${'é'.repeat(9)}`);
    for (const line of physical) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
    expect(foldLine('SHORT:line')).toBe('SHORT:line');
  });

  it('writes all-day dates, UTC moments, UID and DTSTAMP with CRLF endings, and reads back the same', () => {
    const description =
      'You must act: file the internal appeal.\nRule: 29 CFR 2560.503-1(h)(3)(i); counted from receipt, safe, possibly early. ' +
      'Backslash \\ stays.';
    const text = writeCalendar(
      [
        {
          uid: 'C-00001-erisa_internal_appeal_filing@event-12@advocase.local',
          date: '2026-09-09',
          summary: 'C-00001: deadline — erisa internal appeal filing',
          description,
          url: 'https://www.ecfr.gov/current/title-29/section-2560.503-1',
        },
        {
          uid: 'C-00002-erisa_urgent_initial_decision@event-3@advocase.local',
          at: '2026-03-09T16:00:00-04:00',
          summary: 'C-00002: payer decision due; urgent, 72 hours',
          description: 'Payer must act.',
        },
      ],
      now,
      'Advocase deadlines',
    );
    expect(text.endsWith('\r\n')).toBe(true);
    // Every line break is CRLF: no bare LF or CR.
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    for (const line of text.split('\r\n'))
      expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);

    const calendar = parseCalendar(text);
    expect(calendar.properties).toMatchObject({ VERSION: '2.0', PRODID: '-//Advocase//Deadlines//EN' });
    expect(calendar.events).toHaveLength(2);
    const [allDay, timed] = calendar.events;
    expect(allDay).toMatchObject({
      UID: 'C-00001-erisa_internal_appeal_filing@event-12@advocase.local',
      DTSTAMP: '20260405T160708Z',
      'DTSTART;VALUE=DATE': '20260909',
      'DTEND;VALUE=DATE': '20260910',
      SUMMARY: 'C-00001: deadline — erisa internal appeal filing',
      DESCRIPTION: description,
      URL: 'https://www.ecfr.gov/current/title-29/section-2560.503-1',
    });
    // 16:00 at UTC-4 is 20:00 UTC.
    expect(timed).toMatchObject({
      DTSTART: '20260309T200000Z',
      SUMMARY: 'C-00002: payer decision due; urgent, 72 hours',
    });
    expect(timed).not.toHaveProperty('DTEND');
  });

  it('crosses the year and a leap day in the all-day end date', () => {
    const calendar = parseCalendar(
      writeCalendar(
        [
          { uid: 'a@x', date: '2026-12-31', summary: 'A', description: '' },
          { uid: 'b@x', date: '2028-02-28', summary: 'B', description: '' },
        ],
        now,
        'x',
      ),
    );
    expect(calendar.events.map((event) => event['DTEND;VALUE=DATE'])).toEqual(['20270101', '20280229']);
  });
});
