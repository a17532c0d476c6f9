import { describe, expect, it } from 'vitest';
import { readDenialNotice } from '../../src/core/denials/read-denial-notice';
import {
  denialNoticeFindingsSchema,
  type DenialNoticeFieldName,
  type DenialNoticeFindings,
} from '../../src/shared/schemas/denial-notice';
import { expectedNotices, type ExpectedFields } from './denial-notice-expectations';
import { readFixture } from './denial-notice-fixtures';

/** The found value of each field, or null, to compare with what the notice says. */
function valuesOf(findings: DenialNoticeFindings): ExpectedFields {
  return {
    payer: findings.payer?.value ?? null,
    noticeDate: findings.noticeDate?.value ?? null,
    memberId: findings.memberId?.value ?? null,
    referenceNumber: findings.referenceNumber?.value ?? null,
    service: findings.service?.value ?? null,
    datesOfService: findings.datesOfService?.value ?? null,
    requestingProvider: findings.requestingProvider?.value ?? null,
    reasonStartsWith: findings.reasonText?.value ?? null,
    reasonCategory: findings.reasonCategory?.value ?? null,
    policyCited: findings.policyCited?.value ?? null,
    denialCode: findings.denialCode?.value ?? null,
    appealWindow: findings.appealWindow?.value ?? null,
    appealAddress: findings.appealAddress?.value ?? null,
    appealFax: findings.appealFax?.value ?? null,
    appealPhone: findings.appealPhone?.value ?? null,
    expeditedOffered: findings.expeditedOffered?.value ?? null,
    planTypeHints: findings.planTypeHints.map((hint) => hint.planType),
  };
}

const fieldNames = Object.keys(denialNoticeFindingsSchema.shape).filter(
  (name): name is DenialNoticeFieldName => name !== 'planTypeHints',
);

describe('readDenialNotice', () => {
  it.each(expectedNotices)('reads every field of $file', ({ file, fields }) => {
    const text = readFixture(file);
    const findings = readDenialNotice(text);

    expect(denialNoticeFindingsSchema.parse(findings)).toEqual(findings);
    const values = valuesOf(findings);
    const { reasonStartsWith, ...rest } = fields;
    expect({ ...values, reasonStartsWith: null }).toEqual({ ...rest, reasonStartsWith: null });
    if (reasonStartsWith === null) expect(values.reasonStartsWith).toBeNull();
    else expect(values.reasonStartsWith?.startsWith(reasonStartsWith)).toBe(true);
  });

  it.each(expectedNotices)('points every value of $file at the words it came from', ({ file }) => {
    const text = readFixture(file);
    const findings = readDenialNotice(text);
    for (const name of fieldNames) {
      const field = findings[name];
      if (field === null) continue;
      expect(field.source.text, name).toBe(text.slice(field.source.start, field.source.end));
      expect(field.source.text.trim().length, name).toBeGreaterThan(0);
      expect(field.confidence, name).toBeGreaterThan(0);
    }
    for (const hint of findings.planTypeHints) {
      expect(hint.source.text).toBe(text.slice(hint.source.start, hint.source.end));
    }
  });

  it('highlights the words as printed, OCR errors and all, and is less sure of repaired ones', () => {
    const clean = readDenialNotice(readFixture('erisa-employer-clean.txt'));
    const scanned = readDenialNotice(readFixture('erisa-employer-scanned.txt'));
    expect(scanned.policyCited?.source.text).toBe('C1inical Policy Bu11etin O938');
    expect(scanned.appealFax?.source.text).toBe('(859) 455-865O');
    expect(scanned.appealWindow?.source.text).toBe('l80 days from the date you receive');
    expect(scanned.policyCited!.confidence).toBeLessThan(clean.policyCited!.confidence);
  });

  it('reads a two-column page in reading order: the left column, then the right', () => {
    const text = readFixture('two-column-layout.txt');
    const findings = readDenialNotice(text);
    // The address sits in the right column, its lines interleaved with the left column's in the text.
    const address = findings.appealAddress!.source;
    expect(address.text).toContain('Billed: $410.00');
    expect(findings.appealAddress!.value).not.toContain('Billed');
  });

  it('finds nothing in a text that is not a notice, rather than guessing', () => {
    const findings = readDenialNotice('Shopping list\n\neggs, milk, 2 lemons\n');
    expect(valuesOf(findings)).toEqual({
      payer: null,
      noticeDate: null,
      memberId: null,
      referenceNumber: null,
      service: null,
      datesOfService: null,
      requestingProvider: null,
      reasonStartsWith: null,
      reasonCategory: null,
      policyCited: null,
      denialCode: null,
      appealWindow: null,
      appealAddress: null,
      appealFax: null,
      appealPhone: null,
      expeditedOffered: null,
      planTypeHints: [],
    });
  });

  it.each([
    ['Date: 2026-03-03', '2026-03-03'],
    ['Date: March 3rd, 2026', '2026-03-03'],
    ['Date: Mar. 3, 2026', '2026-03-03'],
    ['Date: 3 March 2026', '2026-03-03'],
    ['Date: 3/3/26', '2026-03-03'],
    ['Date: O3/O3/2O26', '2026-03-03'],
    ['Date: Ju1y 4, 2026', '2026-07-04'],
  ])('reads the notice date written %j', (line, expected) => {
    expect(readDenialNotice(`Some Health Plan\n${line}\n`).noticeDate?.value).toBe(expected);
  });

  it('does not take an impossible date', () => {
    expect(readDenialNotice('Date: 02/30/2026\n').noticeDate).toBeNull();
  });

  it.each([
    [
      'You have sixty (60) days from the date of this notice to appeal.',
      { amount: 60, unit: 'days', from: 'notice-date' },
    ],
    [
      'You may appeal within 6 months of receiving this letter.',
      { amount: 6, unit: 'months', from: 'receipt' },
    ],
    ['You may appeal within 180 days.', { amount: 180, unit: 'days', from: 'unknown' }],
  ])('reads the appeal window in %j', (sentence, expected) => {
    expect(readDenialNotice(sentence).appealWindow?.value).toEqual(expected);
  });

  it('does not take the external review or continued-benefits window for the appeal window', () => {
    const text =
      'You may ask for an external review within 4 months of receiving our final decision on your appeal. ' +
      'To keep your services during the appeal, appeal within 10 days of the date of this notice.';
    expect(readDenialNotice(text).appealWindow).toBeNull();
  });

  it('takes the kind of reason from the notice when its reason paragraph does not name it', () => {
    // A TMS denial whose "Reason" names the criteria unmet and whose next paragraph names the kind.
    const text = [
      'Reason for the decision:',
      'The records do not show that the member tried four antidepressants at an adequate dose.',
      '',
      'This decision was made under our medical necessity criteria for transcranial magnetic stimulation.',
    ].join('\n');
    expect(readDenialNotice(text).reasonCategory?.value).toBe('not-medically-necessary');
  });

  it('leaves the kind of reason unsaid, not "Other", when the notice gives none', () => {
    const text = ['Reason for the decision:', 'The request was reviewed by our clinical staff.'].join('\n');
    const findings = readDenialNotice(text);
    expect(findings.reasonText).not.toBeNull();
    expect(findings.reasonCategory).toBeNull();
  });
});
