import { describe, expect, it } from 'vitest';
import {
  describeCounts,
  notificationsDue,
  planNotifications,
  summarizeReminders,
} from '../../src/core/reminders/schedule';

const newYork = 'America/New_York';
// Tuesday 2026-03-03, 10:00 in New York (EST, UTC-5).
const now = new Date('2026-03-03T15:00:00.000Z');

describe('reminder counts (no names, ever)', () => {
  it('counts every deadline within each lead time, each once, and says so', () => {
    const summary = summarizeReminders(
      [
        { dueOn: '2026-03-03', isOverdue: false },
        { dueOn: '2026-03-03', isOverdue: false },
        // Tomorrow and the day after: within 2 days.
        { dueOn: '2026-03-04', isOverdue: false },
        { dueOn: '2026-03-05', isOverdue: false },
        // 3 to 7 days ahead: within 7 days, after the 2-day window.
        { dueOn: '2026-03-07', isOverdue: false },
        { dueOn: '2026-03-10', isOverdue: false },
        // 8 days ahead: beyond every lead time.
        { dueOn: '2026-03-11', isOverdue: false },
        { dueOn: '2026-02-27', isOverdue: true },
      ],
      [7, 2, 0],
      now,
      newYork,
    );
    expect(summary).toEqual({
      asOf: '2026-03-03',
      overdue: 1,
      dueToday: 2,
      upcoming: [
        { daysAhead: 2, count: 2 },
        { daysAhead: 7, count: 2 },
      ],
      message:
        '2 deadlines or follow-ups due today; 2 due in the next 2 days; 2 due in 3 to 7 days; 1 overdue.',
    });
  });

  it('words a one-day window as tomorrow and a later one-day window by its day', () => {
    const deadlines = [
      { dueOn: '2026-03-04', isOverdue: false },
      { dueOn: '2026-03-05', isOverdue: false },
    ];
    expect(summarizeReminders(deadlines, [1, 2], now, newYork).message).toBe(
      '1 deadline or follow-up due tomorrow; 1 due in 2 days.',
    );
    expect(summarizeReminders(deadlines, [7], now, newYork).message).toBe(
      '2 deadlines or follow-ups due in the next 7 days.',
    );
  });

  it('says nothing when nothing is due, and uses the singular for one', () => {
    expect(describeCounts([{ daysAhead: 0, count: 0 }], 0)).toBe('');
    expect(describeCounts([{ daysAhead: 1, count: 1 }], 0)).toBe('1 deadline or follow-up due tomorrow.');
    expect(describeCounts([], 3)).toBe('3 deadlines or follow-ups overdue.');
  });
});

describe('planning desktop notifications', () => {
  it('plans 9:00 local on each lead day still to come, grouped per moment, across a DST change', () => {
    const plan = planNotifications(
      [
        // 2026-03-12: lead 7 → 03-05, lead 2 → 03-10 (after the 03-08 switch to EDT), lead 0 → 03-12.
        { dueOn: '2026-03-12', isOverdue: false },
        // 2026-03-05: lead 7 → 02-26 (past, skipped), lead 2 → 03-03 09:00 (past: it is 10:00), lead 0 → 03-05.
        { dueOn: '2026-03-05', isOverdue: false },
        { dueOn: '2026-03-20', isOverdue: true },
      ],
      [7, 2, 0],
      now,
      newYork,
    );
    expect(
      plan.map((notification) => [new Date(notification.fireAt).toISOString(), notification.message]),
    ).toEqual([
      // 9:00 EST = 14:00 UTC; one moment, two deadlines at different lead times.
      ['2026-03-05T14:00:00.000Z', '1 deadline or follow-up due today; 1 due in 7 days.'],
      // 9:00 EDT = 13:00 UTC.
      ['2026-03-10T13:00:00.000Z', '1 deadline or follow-up due in 2 days.'],
      ['2026-03-12T13:00:00.000Z', '1 deadline or follow-up due today.'],
    ]);
  });

  it('fires each planned notification once, in the tick whose window holds it', () => {
    const plan = [
      { fireAt: 1_000, message: 'a' },
      { fireAt: 2_000, message: 'b' },
    ];
    expect(notificationsDue(plan, 0, 999)).toEqual([]);
    expect(notificationsDue(plan, 999, 1_000).map((notification) => notification.message)).toEqual(['a']);
    expect(notificationsDue(plan, 1_000, 5_000).map((notification) => notification.message)).toEqual(['b']);
  });
});
