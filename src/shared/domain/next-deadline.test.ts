import { describe, expect, it } from 'vitest';
import { pickNextDeadline, type DatedOpenWork } from './next-deadline';
import { isPayerLate, shownStatusOf } from './payer-late';

const appeal: DatedOpenWork = { source: 'deadline', actor: 'claimant', status: 'open', dueOn: '2027-04-07' };
const overduePromise: DatedOpenWork = {
  source: 'task',
  actor: 'advocate',
  status: 'missed',
  dueOn: '2026-11-08',
};
const upcomingPromise: DatedOpenWork = {
  source: 'task',
  actor: 'advocate',
  status: 'due-soon',
  dueOn: '2026-12-12',
};
const payerDecisionLate: DatedOpenWork = {
  source: 'deadline',
  actor: 'payer',
  status: 'missed',
  dueOn: '2026-11-20',
};
const payerDecisionAhead: DatedOpenWork = {
  source: 'deadline',
  actor: 'payer',
  status: 'open',
  dueOn: '2026-12-20',
};
const appealMissed: DatedOpenWork = {
  source: 'deadline',
  actor: 'claimant',
  status: 'missed',
  dueOn: '2026-11-01',
};

describe('pickNextDeadline', () => {
  it.each([
    ['a promise a month overdue never hides the appeal deadline', [overduePromise, appeal], appeal],
    ['nor does a follow-up due sooner: it is not a legal deadline', [upcomingPromise, appeal], appeal],
    ['a date the payer already missed is not the next date to act by', [payerDecisionLate, appeal], appeal],
    [
      "the payer's own date still ahead is a deadline of the case",
      [appeal, payerDecisionAhead],
      payerDecisionAhead,
    ],
    [
      'an appeal deadline the advocate missed stays first: it is the most urgent',
      [appeal, appealMissed],
      appealMissed,
    ],
    [
      'with no deadline at all, the next follow-up still ahead',
      [overduePromise, upcomingPromise],
      upcomingPromise,
    ],
    [
      'an overdue follow-up alone is flagged as overdue, not shown as the next deadline',
      [overduePromise],
      null,
    ],
    ['a late payer alone leaves no next deadline', [payerDecisionLate], null],
    ['nothing open, nothing next', [], null],
  ] as const)('%s', (_name, items, expected) => {
    expect(pickNextDeadline(items)).toBe(expected);
  });
});

describe('isPayerLate', () => {
  it('is a missed date of the payer only, never the advocate’s or a follow-up', () => {
    expect(isPayerLate(payerDecisionLate)).toBe(true);
    expect(isPayerLate(payerDecisionAhead)).toBe(false);
    expect(isPayerLate(appealMissed)).toBe(false);
    expect(isPayerLate(overduePromise)).toBe(false);
  });
  it('is shown as its own status, not the advocate’s "missed"', () => {
    expect(shownStatusOf(payerDecisionLate)).toBe('payer-late');
    expect(shownStatusOf(appealMissed)).toBe('missed');
    expect(shownStatusOf(payerDecisionAhead)).toBe('open');
  });
});
