import { computeDeadlines } from '../deadlines/compute-deadlines';
import type { PlanType } from '../deadlines/plan-types';
import { deadlineRules, type DeadlineRule } from '../deadlines/rules';

/** Any date serves: the rule chosen for a denial notice does not depend on the day (only clocks for requests changed in 2026). */
const someNoticeDate = '2026-06-01';

/**
 * The rule the deadline engine applies to the claimant after a denial notice of this plan type:
 * the window to file the first appeal (29 CFR 2560.503-1(h)(3)(i), 42 CFR 422.582(b), 42 CFR
 * 438.402(c)(2)(ii)…), asked of the engine itself so the notice check and the case's deadlines
 * never disagree. A pre-service claim, so the continued-benefits windows (concurrent care only)
 * are not in the answer. Undefined where the engine has no rule (TRICARE, VA, other).
 */
export function appealFilingRule(planType: PlanType): DeadlineRule | undefined {
  const report = computeDeadlines({
    planType,
    claimType: 'pre-service',
    state: undefined,
    timeZone: 'UTC',
    asOf: someNoticeDate,
    events: [
      {
        type: 'denial-notice',
        date: someNoticeDate,
        receivedDate: undefined,
        level: undefined,
        final: undefined,
        until: undefined,
      },
    ],
  });
  const filing = report.deadlines.find((deadline) => deadline.actor === 'claimant');
  return filing ? (deadlineRules as Readonly<Record<string, DeadlineRule>>)[filing.rule] : undefined;
}
