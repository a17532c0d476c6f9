import { describe, expect, it } from 'vitest';
import { intakeToDecisionDetail } from './outcome-format';

describe('intakeToDecisionDetail', () => {
  it('says plainly which cases the median leaves out, and why', () => {
    expect(intakeToDecisionDetail({ casesDecidedOnlyBeforeIntake: 0 })).toBe(
      'median, to the first payer decision after intake',
    );
    expect(intakeToDecisionDetail({ casesDecidedOnlyBeforeIntake: 1 })).toBe(
      'median, to the first payer decision after intake; 1 case left out: the payer decided before it was opened here',
    );
    expect(intakeToDecisionDetail({ casesDecidedOnlyBeforeIntake: 3 })).toContain(
      '3 cases left out: the payer decided before they were opened here',
    );
  });
});
