import { describe, expect, it } from 'vitest';
import { decisionLevelAwaited, stageAfterEvent } from './case-lifecycle';

describe('decisionLevelAwaited', () => {
  it('is the review the stage is waiting on, and the initial request before any appeal', () => {
    expect(decisionLevelAwaited('prior_auth_submitted')).toBe(0);
    expect(decisionLevelAwaited('denied')).toBe(0);
    expect(decisionLevelAwaited('internal_appeal_1')).toBe(1);
    expect(decisionLevelAwaited('internal_appeal_2')).toBe(2);
    expect(decisionLevelAwaited('external_review')).toBe(3);
  });

  it('agrees with the stage an appeal moves the case to', () => {
    for (const level of [1, 2]) {
      const stage = stageAfterEvent({ type: 'appeal_filed', details: { level } });
      expect(decisionLevelAwaited(stage!)).toBe(level);
    }
    const review = stageAfterEvent({ type: 'external_review_requested', details: {} });
    expect(decisionLevelAwaited(review!)).toBe(3);
  });
});
