import {
  isAppealReceivedAtLevel,
  isDecisionAtLevel,
  isDecisionOnRequest,
  type DeadlineContext,
  type TimedEvent,
} from './deadline-context';
import type { RuleRequest } from './deadline-entry';
import { deadlineRules } from './rules';
import { appealLevelOf, chooseByClaimType } from './rule-selection';

/**
 * Medicaid fee-for-service (42 CFR 431 subpart E; level 1 is the state fair hearing) and Medicaid
 * managed care (42 CFR 438 subpart F; level 1 is the plan appeal, level 2 the state fair hearing).
 */

/**
 * Keeping services during an appeal (431.231(c), 438.420(a)) only concerns services already
 * approved that a notice reduces or stops: the concurrent claim type.
 */
function continuationOfBenefits(
  trigger: TimedEvent,
  context: DeadlineContext,
  rule: RuleRequest['rule'],
): RuleRequest[] {
  return context.claimType === 'concurrent'
    ? [{ rule, trigger, isSatisfiedBy: isAppealReceivedAtLevel(1) }]
    : [];
}

function feeForServiceRequests(trigger: TimedEvent, context: DeadlineContext): RuleRequest[] {
  switch (trigger.type) {
    case 'request-received': {
      const chosen = chooseByClaimType(
        trigger,
        {
          expedited: [deadlineRules.medicaid_pa_expedited],
          standard: [deadlineRules.medicaid_pa_standard],
          payment: [],
        },
        context,
        'prior-authorization decision',
      );
      return chosen ? [{ ...chosen, trigger, isSatisfiedBy: isDecisionOnRequest }] : [];
    }
    case 'denial-notice':
      return [
        {
          rule: deadlineRules.medicaid_ffs_fair_hearing_request,
          trigger,
          isSatisfiedBy: isAppealReceivedAtLevel(1),
        },
        ...continuationOfBenefits(trigger, context, deadlineRules.medicaid_ffs_continue_benefits),
      ];
    case 'appeal-received': {
      const level = appealLevelOf(trigger, context);
      return level === 1
        ? [
            {
              rule: deadlineRules.medicaid_fair_hearing_final_action,
              trigger,
              isSatisfiedBy: isDecisionAtLevel(1),
            },
          ]
        : [];
    }
    // After the fair hearing, review is by state law, which the loaded rules do not cover.
    case 'appeal-decision-notice':
    case 'approval':
      return [];
  }
}

function managedCareRequests(trigger: TimedEvent, context: DeadlineContext): RuleRequest[] {
  switch (trigger.type) {
    case 'request-received': {
      const chosen = chooseByClaimType(
        trigger,
        {
          expedited: [deadlineRules.medicaid_mco_pa_expedited],
          standard: [
            deadlineRules.medicaid_mco_pa_standard,
            deadlineRules.medicaid_mco_pa_standard_before_2026,
          ],
          payment: [],
        },
        context,
        'authorization decision',
      );
      return chosen ? [{ ...chosen, trigger, isSatisfiedBy: isDecisionOnRequest }] : [];
    }
    case 'denial-notice':
      return [
        {
          rule: deadlineRules.medicaid_mco_appeal_request,
          trigger,
          isSatisfiedBy: isAppealReceivedAtLevel(1),
        },
        ...continuationOfBenefits(trigger, context, deadlineRules.medicaid_mco_continue_benefits),
      ];
    case 'appeal-received': {
      // The state's own hearing clock after a plan appeal (431.244(f)) is not computed here.
      if (appealLevelOf(trigger, context) !== 1) return [];
      const chosen = chooseByClaimType(
        trigger,
        {
          expedited: [deadlineRules.medicaid_mco_appeal_decision_expedited],
          standard: [deadlineRules.medicaid_mco_appeal_decision_standard],
          payment: [deadlineRules.medicaid_mco_appeal_decision_standard],
        },
        context,
        'plan appeal decision',
      );
      return chosen ? [{ ...chosen, trigger, isSatisfiedBy: isDecisionAtLevel(1) }] : [];
    }
    case 'appeal-decision-notice':
      return appealLevelOf(trigger, context) === 1
        ? [
            {
              rule: deadlineRules.medicaid_mco_state_fair_hearing_request,
              trigger,
              isSatisfiedBy: isAppealReceivedAtLevel(2),
            },
          ]
        : [];
    case 'approval':
      return [];
  }
}

export function medicaidFeeForServiceDeadlineRequests(context: DeadlineContext): RuleRequest[] {
  return context.events.flatMap((trigger) => feeForServiceRequests(trigger, context));
}

export function medicaidManagedCareDeadlineRequests(context: DeadlineContext): RuleRequest[] {
  return context.events.flatMap((trigger) => managedCareRequests(trigger, context));
}
