import { statusByDate, type DerivedDeadline } from '../deadlines/case-deadline-rows';
import type { CivilDate } from '../deadlines/date-arithmetic';
import type { FundingOptionRow } from '../db/tables/funding-options';
import { fundingOptionTypeLabels, type FundingDateRule } from '../../shared/domain/funding-options';

/**
 * A funding option's own dates as rows of `case_deadlines`, so they share the agenda, the
 * reminders and the caseload's "next deadline" with the legal deadlines. They are the user's
 * dates (a program's application window, when its answer is expected, when a grant renews), not
 * legal deadlines: no rule, no citation, and the screens say so.
 */

export const fundingDeadlineRules = {
  funding_apply_by: 'Apply for a funding option before the date you recorded on the Funding tab.',
  funding_answer_expected:
    'A funding program\u2019s answer is expected (your date on the Funding tab): follow up if it has not come.',
  funding_renewal:
    'A granted funding option renews (your date on the Funding tab): renew or re-apply before it lapses.',
  funding_next_step: 'Your next step on a funding option is due (your date on the Funding tab).',
} as const satisfies Record<FundingDateRule, string>;

export const fundingDateCitation = 'Your date on the Funding tab \u2014 not a legal deadline';

export type FundingDateFacts = Pick<
  FundingOptionRow,
  | 'id'
  | 'option_type'
  | 'program_name'
  | 'status'
  | 'apply_by'
  | 'applied_on'
  | 'response_expected_on'
  | 'decided_on'
  | 'renewal_on'
  | 'next_step'
  | 'next_step_on'
>;

function fundingDeadline(
  option: FundingDateFacts,
  rule: FundingDateRule,
  dueOn: CivilDate,
  answeredOn: CivilDate | null,
  isSettled: boolean,
  asOf: CivilDate,
): DerivedDeadline {
  return {
    key: `${rule}@funding:${option.id}`,
    kind: 'funding',
    rule,
    sourceEventId: null,
    computedDue: dueOn,
    dueOn,
    dueAt: null,
    actor: rule === 'funding_answer_expected' ? 'payer' : 'claimant',
    answeredOn,
    status: statusByDate(dueOn, asOf, isSettled),
    citationUrl: '',
    citationText: fundingDateCitation,
    note:
      rule === 'funding_next_step' && option.next_step
        ? `${fundingOptionTypeLabels[option.option_type]}: ${option.program_name}. Next step: ${option.next_step}`
        : `${fundingOptionTypeLabels[option.option_type]}: ${option.program_name}.`,
    confidence: 'unverified',
  };
}

/** The dated steps of a case's funding options that are still live. Pure. */
export function deriveFundingDeadlines(
  options: readonly FundingDateFacts[],
  asOf: CivilDate,
): DerivedDeadline[] {
  return options.flatMap((option) => {
    if (option.status === 'withdrawn') return [];
    const deadlines: DerivedDeadline[] = [];
    if (option.apply_by) {
      const hasApplied = option.applied_on !== null || option.status !== 'considering';
      deadlines.push(
        fundingDeadline(option, 'funding_apply_by', option.apply_by, option.applied_on, hasApplied, asOf),
      );
    }
    if (option.response_expected_on) {
      const isDecided =
        option.decided_on !== null || option.status === 'granted' || option.status === 'denied';
      deadlines.push(
        fundingDeadline(
          option,
          'funding_answer_expected',
          option.response_expected_on,
          option.decided_on,
          isDecided,
          asOf,
        ),
      );
    }
    // The user's own next step ("call the foundation back"): theirs to do whatever the status.
    if (option.next_step_on) {
      deadlines.push(fundingDeadline(option, 'funding_next_step', option.next_step_on, null, false, asOf));
    }
    // Only a grant renews; a later renewal date is entered when it has been renewed.
    if (option.renewal_on && option.status === 'granted') {
      deadlines.push(fundingDeadline(option, 'funding_renewal', option.renewal_on, null, false, asOf));
    }
    return deadlines;
  });
}
