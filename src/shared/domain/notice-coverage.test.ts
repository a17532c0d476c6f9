import { describe, expect, it } from 'vitest';
import { coverageChangesFromNotice, coverageTheNoticeNames, type CoverageOnFile } from './notice-coverage';

const aetna: CoverageOnFile = {
  id: 4,
  payer: 'Aetna',
  memberId: 'W123-456 789',
  planType: 'employer-fully-insured',
  appealsAddress: 'P.O. Box 14463\nLexington, KY 40512',
  payerFax: '(859) 455-8650',
  payerPhone: null,
};
const notice = {
  payer: 'AETNA',
  memberId: 'w123456789',
  planType: null,
  appealsAddress: 'P.O. Box 14463, Lexington, KY 40512',
  payerFax: '8594558650',
  payerPhone: '18886323862',
};

describe('the coverage a denial notice names', () => {
  it('is the client’s coverage with the same payer and member ID, written another way', () => {
    expect(coverageTheNoticeNames([aetna], notice)).toBe(aetna);
    expect(coverageTheNoticeNames([aetna], { payer: 'Aetna', memberId: 'W123–456–789' })).toBe(aetna);
    expect(coverageTheNoticeNames([aetna], { payer: 'Cigna', memberId: 'W123456789' })).toBeNull();
    expect(coverageTheNoticeNames([aetna], { payer: 'Aetna', memberId: null })).toBeNull();
  });

  it('fills what the coverage lacks and reports only real differences', () => {
    expect(coverageChangesFromNotice(aetna, notice)).toEqual({
      fills: { payerPhone: '18886323862' },
      conflicts: [],
    });
    expect(coverageChangesFromNotice(aetna, { ...notice, payerFax: '(859) 455-0000' }).conflicts).toEqual([
      { field: 'payerFax', onCoverage: '(859) 455-8650', onNotice: '(859) 455-0000' },
    ]);
  });
});
