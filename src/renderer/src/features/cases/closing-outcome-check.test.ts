import { describe, expect, it } from 'vitest';
import { appealStillOpenNote, closingOutcomeNote, splitByClosingChoice } from './closing-outcome-check';

const denial = {
  decision: 'denied',
  noticeDate: '2026-12-03',
  occurredAt: '2026-12-05T15:00:00.000Z',
} as const;
const approval = {
  decision: 'approved',
  noticeDate: '2026-12-20',
  occurredAt: '2026-12-21T15:00:00.000Z',
} as const;

describe('closing as approved, beside the timeline', () => {
  it('notes a last decision that is a denial, with its date as people read it', () => {
    expect(closingOutcomeNote('approved', denial)).toMatch(
      /^The last payer decision on the timeline is a denial \(Dec 3, 2026\)\. Add the approval to the timeline/,
    );
    expect(closingOutcomeNote('partially_approved', denial)).not.toBeNull();
  });

  it('notes a case with no decision at all', () => {
    expect(closingOutcomeNote('approved', null)).toMatch(
      /^No payer decision is on this case's timeline yet\./,
    );
  });

  it('says nothing when the timeline agrees, or the outcome is not an approval', () => {
    expect(closingOutcomeNote('approved', approval)).toBeNull();
    expect(closingOutcomeNote('denied_final', denial)).toBeNull();
    expect(closingOutcomeNote('', null)).toBeNull();
  });
});

describe('closing as denied (final) while an appeal can still be filed', () => {
  const appeal = {
    source: 'deadline',
    actor: 'claimant',
    bucket: 'later',
    dueOn: '2027-06-02',
    title: 'The claimant has at least 180 days after receiving a denial to file an internal appeal.',
    citation: {
      text: '29 CFR 2560.503-1(h)(3)(i)',
      url: 'https://www.ecfr.gov/current/title-29/section-2560.503-1',
    },
  } as const;

  it('says the appeal is still open, until when and by which rule', () => {
    expect(appealStillOpenNote('denied_final', [appeal])).toBe(
      'An appeal can still be filed until Jun 2, 2027 (29 CFR 2560.503-1(h)(3)(i)). "Denied (final)" is for a denial no appeal is left against: keep the case open to appeal, or close it knowing the appeal is given up.',
    );
  });

  it("says nothing for another outcome, a date already passed, the payer's own deadline or a task", () => {
    expect(appealStillOpenNote('self_pay', [appeal])).toBeNull();
    expect(appealStillOpenNote('denied_final', [{ ...appeal, bucket: 'overdue' }])).toBeNull();
    expect(appealStillOpenNote('denied_final', [{ ...appeal, actor: 'payer' }])).toBeNull();
    expect(appealStillOpenNote('denied_final', [{ ...appeal, source: 'task', citation: null }])).toBeNull();
    expect(appealStillOpenNote('denied_final', [])).toBeNull();
  });
});

describe('what closing does with open work not closed out', () => {
  it('offers to keep on the Agenda only the dates still ahead: a passed one is never tracked once closed', () => {
    const overduePromise = { id: 'task:1', bucket: 'overdue' } as const;
    const appeal = { id: 'deadline:1:appeal', bucket: 'later' } as const;
    expect(splitByClosingChoice([overduePromise, appeal])).toEqual({
      passed: [overduePromise],
      ahead: [appeal],
    });
    expect(splitByClosingChoice([overduePromise]).ahead).toEqual([]);
  });
});
