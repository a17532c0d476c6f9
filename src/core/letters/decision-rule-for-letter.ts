import { isGroupOrIndividualPlan } from '../deadlines/plan-types';
import { deadlineRules, isRuleInForce, type DeadlineRule, type RuleId } from '../deadlines/rules';
import type { LetterContext } from './letter-context';
import { isUrgentRequest } from './letter-phrases';

/**
 * The rule that will set the payer's decision deadline once it receives what this letter asks:
 * the initial decision for a prior-authorization request, the appeal decision for every other
 * letter. The engine dates it only after the request arrives, but the letter should already say
 * how long the payer has. Chosen from the engine's own rule table (rules.ts), never written here.
 * Null where the plan type has no rule loaded (TRICARE, VA, other) or is not recorded.
 */
export function decisionRuleForLetter(context: LetterContext): DeadlineRule | null {
  const planType = context.coverage.planType;
  if (!planType) return null;
  const isUrgent = isUrgentRequest(context);
  const isPostService = context.claimType === 'post-service';
  const isInitialRequest = context.letterKind === 'prior_authorization';
  // Individual policies have one appeal level (45 CFR 147.136(b)(3)(ii)); group plans up to two.
  const isLaterLevel = context.appealsFiled.length > 0 && planType !== 'individual';
  let candidates: readonly RuleId[] = [];
  if (isGroupOrIndividualPlan(planType)) {
    if (isInitialRequest) {
      candidates = [isUrgent ? 'erisa_urgent_initial_decision' : 'erisa_preservice_initial_decision'];
    } else if (isUrgent) {
      candidates = ['erisa_appeal_decision_urgent'];
    } else if (isPostService) {
      candidates = [
        isLaterLevel
          ? 'erisa_appeal_decision_postservice_two_level'
          : 'erisa_appeal_decision_postservice_one_level',
      ];
    } else {
      candidates = [
        isLaterLevel
          ? 'erisa_appeal_decision_preservice_two_level'
          : 'erisa_appeal_decision_preservice_one_level',
      ];
    }
  } else if (planType === 'medicare-advantage') {
    if (isInitialRequest)
      candidates = isUrgent ? ['ma_od_expedited'] : ['ma_od_standard', 'ma_od_standard_before_2026'];
    else if (isUrgent) candidates = ['ma_reconsideration_decision_expedited'];
    else
      candidates = [
        isPostService ? 'ma_reconsideration_decision_payment' : 'ma_reconsideration_decision_preservice',
      ];
  } else if (planType === 'medicare') {
    candidates = isInitialRequest ? [] : ['medicare_ab_redetermination_decision'];
  } else if (planType === 'medicaid') {
    candidates = isInitialRequest ? [isUrgent ? 'medicaid_pa_expedited' : 'medicaid_pa_standard'] : [];
  } else if (planType === 'medicaid-managed-care') {
    if (isInitialRequest)
      candidates = isUrgent
        ? ['medicaid_mco_pa_expedited']
        : ['medicaid_mco_pa_standard', 'medicaid_mco_pa_standard_before_2026'];
    else
      candidates = [
        isUrgent ? 'medicaid_mco_appeal_decision_expedited' : 'medicaid_mco_appeal_decision_standard',
      ];
  }
  // CMS-0057-F changed some clocks on 2026-01-01: the rule in force on the letter's date applies.
  return (
    candidates
      .map((id) => deadlineRules[id] as DeadlineRule)
      .find((rule) => isRuleInForce(rule, context.today)) ?? null
  );
}
