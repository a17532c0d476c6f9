import {
  isAppealReceivedAtLevel,
  isDecisionAtLevel,
  isDecisionOnRequest,
  type DeadlineContext,
  type TimedEvent,
} from './deadline-context';
import type { RuleRequest } from './deadline-entry';
import { deadlineRules, type DeadlineRule } from './rules';
import { appealLevelOf, chooseByClaimType } from './rule-selection';

/**
 * Original Medicare (42 CFR 405 subpart I) and Medicare Advantage (42 CFR 422 subpart M). Appeal
 * levels follow the scenario vocabulary: Original Medicare 1 redetermination (MAC), 2 reconsideration
 * (QIC), 3 ALJ (OMHA), 4 Medicare Appeals Council, 5 federal court; Medicare Advantage 1 plan
 * reconsideration, 2 Part C IRE, then the same ALJ, Council and court levels.
 */

/** The appellant's next filing after a decision at this level (0 is the initial determination). */
const originalMedicareFilingAfterLevel: Readonly<Record<number, DeadlineRule>> = {
  0: deadlineRules.medicare_ab_redetermination_request,
  1: deadlineRules.medicare_ab_reconsideration_request,
  2: deadlineRules.medicare_alj_request,
  3: deadlineRules.medicare_council_request,
  4: deadlineRules.medicare_judicial_review_filing,
};

const originalMedicareDecisionAtLevel: Readonly<Record<number, DeadlineRule>> = {
  1: deadlineRules.medicare_ab_redetermination_decision,
  2: deadlineRules.medicare_ab_reconsideration_decision,
  3: deadlineRules.medicare_ab_alj_decision,
  4: deadlineRules.medicare_council_decision,
};

/** Level 1 goes to the IRE automatically (422.592), so the appellant's first filing after a decision follows the IRE. */
const medicareAdvantageFilingAfterLevel: Readonly<Record<number, DeadlineRule>> = {
  0: deadlineRules.ma_reconsideration_request,
  2: deadlineRules.medicare_alj_request,
  3: deadlineRules.medicare_council_request,
  4: deadlineRules.medicare_judicial_review_filing,
};

function filingAfter(
  trigger: TimedEvent,
  level: number,
  table: Readonly<Record<number, DeadlineRule>>,
): RuleRequest[] {
  const rule = table[level];
  return rule ? [{ rule, trigger, isSatisfiedBy: isAppealReceivedAtLevel(level + 1) }] : [];
}

function originalMedicareRequests(trigger: TimedEvent, context: DeadlineContext): RuleRequest[] {
  switch (trigger.type) {
    case 'denial-notice':
      return filingAfter(trigger, 0, originalMedicareFilingAfterLevel);
    case 'appeal-received': {
      const level = appealLevelOf(trigger, context);
      const rule = level === undefined ? undefined : originalMedicareDecisionAtLevel[level];
      return rule && level !== undefined ? [{ rule, trigger, isSatisfiedBy: isDecisionAtLevel(level) }] : [];
    }
    case 'appeal-decision-notice': {
      const level = appealLevelOf(trigger, context);
      return level === undefined ? [] : filingAfter(trigger, level, originalMedicareFilingAfterLevel);
    }
    // Initial Original Medicare claim decisions have no clock in the loaded rules (CMS-0057-F excludes FFS).
    case 'request-received':
    case 'approval':
      return [];
  }
}

function organizationDetermination(trigger: TimedEvent, context: DeadlineContext): RuleRequest[] {
  const chosen = chooseByClaimType(
    trigger,
    {
      expedited: [deadlineRules.ma_od_expedited],
      standard: [deadlineRules.ma_od_standard, deadlineRules.ma_od_standard_before_2026],
      payment: [deadlineRules.ma_payment_od],
    },
    context,
    'organization determination',
  );
  return chosen ? [{ ...chosen, trigger, isSatisfiedBy: isDecisionOnRequest }] : [];
}

function reconsiderationDecision(trigger: TimedEvent, context: DeadlineContext): RuleRequest[] {
  const chosen = chooseByClaimType(
    trigger,
    {
      expedited: [deadlineRules.ma_reconsideration_decision_expedited],
      standard: [deadlineRules.ma_reconsideration_decision_preservice],
      payment: [deadlineRules.ma_reconsideration_decision_payment],
    },
    context,
    'reconsideration decision',
  );
  return chosen ? [{ ...chosen, trigger, isSatisfiedBy: isDecisionAtLevel(1) }] : [];
}

function medicareAdvantageRequests(trigger: TimedEvent, context: DeadlineContext): RuleRequest[] {
  switch (trigger.type) {
    case 'request-received':
      return organizationDetermination(trigger, context);
    case 'denial-notice':
      return filingAfter(trigger, 0, medicareAdvantageFilingAfterLevel);
    case 'appeal-received': {
      // Only the plan's own reconsideration clock is loaded; IRE, ALJ and Council timing for Part C are not.
      const level = appealLevelOf(trigger, context);
      return level === 1 ? reconsiderationDecision(trigger, context) : [];
    }
    case 'appeal-decision-notice': {
      const level = appealLevelOf(trigger, context);
      return level === undefined ? [] : filingAfter(trigger, level, medicareAdvantageFilingAfterLevel);
    }
    case 'approval':
      return [];
  }
}

export function originalMedicareDeadlineRequests(context: DeadlineContext): RuleRequest[] {
  if (context.claimType === 'urgent') {
    context.reportMissingFact(
      'Expedited Original Medicare appeals (for example a hospital discharge reviewed by the QIO) are not in the loaded rules; the standard levels are shown.',
    );
  }
  return context.events.flatMap((trigger) => originalMedicareRequests(trigger, context));
}

export function medicareAdvantageDeadlineRequests(context: DeadlineContext): RuleRequest[] {
  return context.events.flatMap((trigger) => medicareAdvantageRequests(trigger, context));
}
