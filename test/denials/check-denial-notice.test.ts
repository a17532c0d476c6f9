import { describe, expect, it } from 'vitest';
import { checkDenialNotice } from '../../src/core/denials/check-denial-notice';
import { readDenialNotice } from '../../src/core/denials/read-denial-notice';
import { deadlineRules } from '../../src/core/deadlines/rules';
import { noticeCheckSchema, type NoticeCheck } from '../../src/shared/schemas/denial-notice';
import { planTypes, type PlanType } from '../../src/shared/domain/plan-types';
import { expectedNotices } from './denial-notice-expectations';
import { readFixture } from './denial-notice-fixtures';

function check(text: string, planType: PlanType): NoticeCheck {
  return checkDenialNotice(text, readDenialNotice(text), planType);
}

function statuses(result: NoticeCheck) {
  return Object.fromEntries(result.elements.map((element) => [element.id, element.status]));
}

/** Spaces and line breaks do not matter when a quote is compared with the notice. */
function words(text: string): string {
  return text.replace(/\s+/g, ' ').replace(/ ([,.])/g, '$1');
}

describe('checkDenialNotice', () => {
  it.each(expectedNotices)(
    'checks each element of $file under the rule for $planType',
    ({ file, planType, elements, findings }) => {
      const result = check(readFixture(file), planType);

      expect(noticeCheckSchema.parse(result)).toEqual(result);
      expect(result.planType).toBe(planType);
      expect(statuses(result)).toEqual(elements);
      expect(result.findings.map((finding) => finding.id)).toEqual(findings);
    },
  );

  it.each(expectedNotices.filter(({ file }) => !file.includes('scanned') && !file.includes('column')))(
    'quotes the words of $file that show each present element',
    ({ file, planType }) => {
      const text = words(readFixture(file).replace(/-\n\s*/g, ''));
      for (const element of check(readFixture(file), planType).elements) {
        if (element.status !== 'present') {
          expect(element.quote, element.id).toBeNull();
          continue;
        }
        // A quote joins two places of the notice with "; " or " … ", each of them the notice's words.
        for (const part of element.quote!.split(/; | … /)) expect(text, element.id).toContain(part);
      }
    },
  );

  it('cites each element under its rule', () => {
    const erisa = check(readFixture('complete-notice.txt'), 'employer-self-funded');
    const citation = (id: string) => erisa.elements.find((element) => element.id === id)?.citation;
    expect(citation('specific-reason')).toBe('29 CFR 2560.503-1(g)(1)(i)');
    expect(citation('plan-provision')).toBe('29 CFR 2560.503-1(g)(1)(ii)');
    expect(citation('information-needed')).toBe('29 CFR 2560.503-1(g)(1)(iii)');
    expect(citation('internal-criterion')).toBe('29 CFR 2560.503-1(g)(1)(v)(A)');
    expect(citation('clinical-judgment')).toBe('29 CFR 2560.503-1(g)(1)(v)(B)');
    expect(citation('external-review')).toContain(
      '29 CFR 2590.715-2719(b)(2)(ii)(E); 45 CFR 147.136(b)(2)–(3)',
    );

    const medicareAdvantage = check(readFixture('medicare-advantage-clean.txt'), 'medicare-advantage');
    expect(medicareAdvantage.elements.find((element) => element.id === 'appeal-procedures')?.citation).toBe(
      '42 CFR 422.568(e)',
    );
    const medicaid = check(readFixture('medicaid-managed-care-clean.txt'), 'medicaid-managed-care');
    expect(medicaid.elements.find((element) => element.id === 'internal-criterion')?.citation).toBe(
      '42 CFR 438.404(b)(2)',
    );
  });

  it('asks the right to sue of ERISA plans only', () => {
    const text = readFixture('complete-notice.txt');
    for (const planType of ['governmental-group', 'individual'] as const) {
      expect(statuses(check(text, planType))['right-to-sue']).toBe('not-applicable');
    }
    expect(statuses(check(text, 'employer-fully-insured'))['right-to-sue']).toBe('present');
  });

  it('finds a notice that gives 60 days where the law gives 180, and says what to do', () => {
    const [finding] = check(readFixture('short-appeal-window.txt'), 'employer-self-funded').findings;
    expect(finding?.id).toBe('appeal-window-too-short');
    expect(finding?.citation).toBe(deadlineRules.erisa_internal_appeal_filing.citation);
    expect(finding?.message).toContain('The notice gives 60 days, counted from the date on the notice.');
    expect(finding?.message).toContain('at least 180 days');
  });

  it('says the Medicare Advantage window is disputed between sources when a notice gives less than 60 days', () => {
    const text = readFixture('medicare-advantage-clean.txt').replace('within 65 days', 'within 30 days');
    const [finding] = check(text, 'medicare-advantage').findings;
    expect(finding?.id).toBe('appeal-window-too-short');
    expect(finding?.citation).toBe('42 CFR 422.582(b)');
    expect(finding?.message).toContain('Sources conflict');
    expect(finding?.message).toContain('not a settled defect');
    // The advocate reads this beside the notice: plain words, never a file of the project.
    expect(finding?.message).toContain('This rule has not yet been checked against its source');
    expect(finding?.message).not.toMatch(/docs\/|\.md\b|project's/);
  });

  it('finds 180 days counted from the letter, where the law counts from receipt, a window that ends early', () => {
    const text = readFixture('erisa-employer-clean.txt').replace(
      '180 days from the date you receive this letter',
      '180 days from the date of this letter',
    );
    const [finding] = check(text, 'employer-self-funded').findings;
    expect(finding?.id).toBe('appeal-window-too-short');
    expect(finding?.message).toContain('can end a few days early');
  });

  it('takes a window given in months as at least as long as the days it can cover', () => {
    const text = readFixture('erisa-employer-clean.txt').replace('180 days from', '6 months from');
    expect(check(text, 'employer-self-funded').findings).toEqual([]);
  });

  it('names what a medical-necessity notice failed to offer, with both rules', () => {
    const finding = check(readFixture('missing-elements.txt'), 'employer-self-funded').findings.find(
      (candidate) => candidate.id === 'criteria-not-offered',
    );
    expect(finding?.citation).toBe('29 CFR 2560.503-1(g)(1)(v)(A); 29 CFR 2560.503-1(g)(1)(v)(B)');
    expect(finding?.message).toContain('medical-necessity denial');
  });

  it('claims nothing where the research holds no notice rule for the plan type', () => {
    const text = readFixture('missing-elements.txt');
    for (const planType of ['medicare', 'tricare', 'va', 'other'] as const) {
      const result = check(text, planType);
      expect(new Set(result.elements.map((element) => element.status))).toEqual(new Set(['not-applicable']));
      expect(result.findings).toEqual([]);
      // Shown beside each element in the denial reader: plain words, never a file of the project.
      for (const element of result.elements) expect(element.citation).not.toMatch(/docs\/|\.md\b/);
    }
  });

  it('lists every element, once, for every plan type', () => {
    const text = readFixture('complete-notice.txt');
    for (const planType of planTypes) {
      expect(check(text, planType).elements).toHaveLength(13);
    }
  });
});
