import { describe, expect, it } from 'vitest';
import { formatDue, whoActsLabel } from './deadline-words';

describe('who acts on a deadline', () => {
  it('names the side that must act, and a funding date in its own words', () => {
    expect(whoActsLabel({ actor: 'payer', rule: 'erisa_urgent_decision' })).toBe('Payer must act');
    expect(whoActsLabel({ actor: 'claimant', rule: null })).toBe('Client / advocate must act');
    expect(whoActsLabel({ actor: 'advocate', rule: null })).toBe('Your follow-up');
    expect(whoActsLabel({ actor: 'payer', rule: 'funding_answer_expected' })).toBe(
      'Program\u2019s answer expected',
    );
    expect(whoActsLabel({ actor: 'claimant', rule: 'funding_apply_by' })).toBe('Your follow-up');
  });
});

describe('when a deadline is due', () => {
  it('shows a date-only deadline on its own calendar day, whatever the time zone', () => {
    const shown = formatDue('2026-09-09', null);
    expect(shown).toBe(
      new Intl.DateTimeFormat(undefined, { year: 'numeric', month: 'short', day: 'numeric' }).format(
        new Date(2026, 8, 9),
      ),
    );
  });

  it('shows an hour rule with its time in the time zone asked for, named', () => {
    const shown = formatDue('2026-03-09', '2026-03-09T20:00:00.000Z', 'America/New_York');
    expect(shown).toBe(
      new Intl.DateTimeFormat(undefined, {
        year: 'numeric',
        month: 'short',
        day: 'numeric',
        hour: 'numeric',
        minute: '2-digit',
        timeZoneName: 'short',
        timeZone: 'America/New_York',
      }).format(new Date('2026-03-09T20:00:00.000Z')),
    );
    expect(shown).toMatch(/EDT|GMT-4/);
  });

  it('falls back to the day when the time cannot be read, and to the text when the day cannot', () => {
    expect(formatDue('2026-09-09', 'not a time')).toBe(formatDue('2026-09-09', null));
    expect(formatDue('someday', null)).toBe('someday');
  });
});
