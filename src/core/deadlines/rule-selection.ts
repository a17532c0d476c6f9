import type { DeadlineContext, TimedEvent } from './deadline-context';
import type { RuleRequest } from './deadline-entry';
import { isRuleInForce, type DeadlineRule } from './rules';

/** The appeal level of an appeal event, or undefined after recording that the scenario lacks it. */
export function appealLevelOf(trigger: TimedEvent, context: DeadlineContext): number | undefined {
  if (trigger.event.level === undefined) {
    context.reportMissingFact(
      `${trigger.label}.level: which appeal level this is (1 for the first appeal, 2 for the next).`,
    );
  }
  return trigger.event.level;
}

/** For each kind of request, the rules that replaced one another over time (CMS-0057-F changed clocks on 2026-01-01). */
export type ClaimTypeRules = {
  readonly expedited: readonly DeadlineRule[];
  readonly standard: readonly DeadlineRule[];
  readonly payment: readonly DeadlineRule[];
};

/**
 * Picks the payer's clock by claim type, for the Medicare Advantage and Medicaid families, where a
 * request is either expedited or standard. A concurrent (ongoing-care) request may be either, so
 * the expedited clock is the safe date and the standard one the outer limit.
 */
export function chooseByClaimType(
  trigger: TimedEvent,
  rules: ClaimTypeRules,
  context: DeadlineContext,
  whatFor: string,
): Pick<RuleRequest, 'rule' | 'alternative'> | undefined {
  const { claimType } = context;
  if (claimType === undefined) {
    context.reportMissingFact(
      `claimType: urgent, pre-service, post-service or concurrent, needed for the ${whatFor} deadline.`,
    );
    return undefined;
  }
  const inForce = (candidates: readonly DeadlineRule[]) =>
    candidates.find((rule) => isRuleInForce(rule, trigger.date));
  const chosen = inForce(
    {
      urgent: rules.expedited,
      'pre-service': rules.standard,
      'post-service': rules.payment,
      concurrent: rules.expedited,
    }[claimType],
  );
  if (!chosen) {
    context.reportMissingFact(
      `${trigger.label}: no federal ${whatFor} rule for a ${claimType} claim on ${trigger.date} is loaded; use the plan's or state's own time frame.`,
    );
    return undefined;
  }
  const standard = inForce(rules.standard);
  if (claimType === 'concurrent' && standard) {
    return {
      rule: chosen,
      alternative: { rule: standard, condition: 'the request is handled as standard, not expedited' },
    };
  }
  return { rule: chosen };
}
