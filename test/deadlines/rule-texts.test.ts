import { describe, expect, it } from 'vitest';
import { deadlineRules, type DeadlineRule } from '../../src/core/deadlines/rules';

/**
 * What a rule says reaches the advocate as written: the deadline card, the Agenda, the letters'
 * placeholders. The research's own grading ("unverified", "recalled", a file of the project) is
 * for us; the advocate is told what to do about it instead.
 */
describe('the words each deadline rule shows', () => {
  const rules: readonly DeadlineRule[] = Object.values(deadlineRules);
  for (const rule of rules) {
    it(rule.id, () => {
      for (const text of [
        rule.meaning,
        rule.caveat ?? '',
        rule.whenPayerLate ?? '',
        rule.outerLimit?.reason ?? '',
      ]) {
        expect(text).not.toMatch(/\bunverified\b|\brecalled\b|docs\/|\.md\b/i);
      }
    });
  }
});
