import { describe, expect, it } from 'vitest';
import { closingOutcomeNote } from './closing-outcome-check';

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
