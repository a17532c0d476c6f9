import { describe, expect, it } from 'vitest';
import { dayOnlyInstant, dayOnlyOf } from './day-only-events';

describe('dayOnlyOf', () => {
  it('knows a decision placed at its notice date as that day alone', () => {
    const entry = {
      type: 'payer_decision',
      occurredAt: dayOnlyInstant('2026-11-02'),
      details: { noticeDate: '2026-11-02' },
    };
    expect(dayOnlyOf(entry)).toBe('2026-11-02');
  });

  it.each([
    [
      'a decision entered with its time',
      'payer_decision',
      '2026-11-02T15:30:00.000Z',
      { noticeDate: '2026-11-02' },
    ],
    [
      'a decision placed on another day',
      'payer_decision',
      '2026-11-05T12:00:00.000Z',
      { noticeDate: '2026-11-02' },
    ],
    ['a call at noon UTC', 'phone_call', '2026-11-02T12:00:00.000Z', {}],
  ])('keeps the time of %s', (_label, type, occurredAt, details) => {
    expect(dayOnlyOf({ type, occurredAt, details })).toBeNull();
  });
});
