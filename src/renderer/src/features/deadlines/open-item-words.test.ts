import { describe, expect, it } from 'vitest';
import { countOpenItems, countOverdueFollowUps, originOfOpenItem } from './open-item-words';

const deadline = { source: 'deadline', promisedOnCallAt: null } as const;
const promise = { source: 'task', promisedOnCallAt: '2026-12-07T15:00:00.000Z' } as const;
const toDo = { source: 'task', promisedOnCallAt: null } as const;

describe('the words for a case’s open work', () => {
  it('counts each kind, in the same order on every screen', () => {
    expect(countOpenItems([])).toBe('');
    expect(countOpenItems([promise])).toBe('1 promise from a call');
    expect(countOpenItems([promise, deadline])).toBe('1 deadline and 1 promise from a call');
    expect(countOpenItems([toDo, deadline, deadline, promise, promise])).toBe(
      '2 deadlines, 2 promises from calls and 1 dated to-do',
    );
  });

  it('says a task’s date is the advocate’s own, never a legal deadline', () => {
    expect(originOfOpenItem(deadline)).toBeNull();
    expect(originOfOpenItem(promise)).toMatch(
      /^Promised on the call of .*2026 — your follow-up, not a legal deadline$/,
    );
    expect(originOfOpenItem(toDo)).toBe('Your own date — not a legal deadline');
  });

  it('counts the follow-ups past their date, never a missed deadline among them', () => {
    expect(countOverdueFollowUps([{ ...promise, status: 'due-soon' }])).toBe('');
    expect(
      countOverdueFollowUps([
        { ...promise, status: 'missed' },
        { ...deadline, status: 'missed' },
      ]),
    ).toBe('1 overdue follow-up');
    expect(
      countOverdueFollowUps([
        { ...promise, status: 'missed' },
        { ...toDo, status: 'missed' },
      ]),
    ).toBe('2 overdue follow-ups');
  });
});
