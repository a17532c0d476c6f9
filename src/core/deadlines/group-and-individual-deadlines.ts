import { addCalendarDays, addHours, startOfDayInZone } from './date-arithmetic';
import {
  isAppealReceivedAtLevel,
  isDecisionAtLevel,
  isDecisionOnRequest,
  nothingInTheEventListSatisfies,
  type DeadlineContext,
  type TimedEvent,
} from './deadline-context';
import type { RuleRequest } from './deadline-entry';
import { deadlineRules } from './rules';
import { appealLevelOf } from './rule-selection';

/**
 * Deadlines for employer group plans (29 CFR 2560.503-1, plus 2590.715-2719 when non-grandfathered),
 * non-federal governmental plans and individual coverage (45 CFR 147.136, which applies 2560.503-1).
 */

type AppealStructure = 'one-level' | 'two-level' | 'unknown';

/**
 * Individual coverage has one internal appeal level (147.136(b)(3)(ii)); a group plan may have two
 * (2560.503-1(c)(2)). The events show two levels when there is a level-2 appeal or a level-1
 * decision marked not final, and one level when the level-1 decision is final.
 */
function appealStructureOf(context: DeadlineContext): AppealStructure {
  if (context.planType === 'individual') return 'one-level';
  const appealEvents = context.events.filter(
    (event) => event.type === 'appeal-received' || event.type === 'appeal-decision-notice',
  );
  if (appealEvents.some((event) => (event.event.level ?? 0) >= 2)) return 'two-level';
  const levelOneDecisions = appealEvents.filter(
    (event) => event.type === 'appeal-decision-notice' && event.event.level === 1,
  );
  if (levelOneDecisions.some((event) => event.event.final === false)) return 'two-level';
  if (levelOneDecisions.some((event) => event.event.final === true)) return 'one-level';
  return 'unknown';
}

function maximumInternalLevels(context: DeadlineContext): number {
  return context.planType === 'individual' ? 1 : 2;
}

const hoursBeforeCourseEnds = 24;

/**
 * 2560.503-1(f)(2)(ii)(B): a request to extend an urgent course gets a 24-hour decision when it
 * reached the plan at least 24 hours before the course ends; otherwise the 72-hour urgent clock.
 * The approved course ends at the end of the approval's `until` day.
 */
function concurrentInitialDecision(trigger: TimedEvent, context: DeadlineContext): RuleRequest {
  const extensionRule = deadlineRules.erisa_concurrent_urgent_extension_decision;
  const urgentRule = deadlineRules.erisa_urgent_initial_decision;
  const base = { trigger, isSatisfiedBy: isDecisionOnRequest };
  const approvedCourse = context.events
    .filter(
      (event) => event.type === 'approval' && event.event.until !== undefined && event.date <= trigger.date,
    )
    .at(-1);
  const until = approvedCourse?.event.until;
  if (until === undefined) {
    context.reportMissingFact(
      `${trigger.label}: an approval event with "until" (the last day of the approved course), to tell whether the 24-hour concurrent-care rule applies.`,
    );
    return {
      ...base,
      rule: extensionRule,
      alternative: {
        rule: urgentRule,
        condition: 'the request reached the plan less than 24 hours before the approved course ended',
      },
    };
  }
  const courseEnds = startOfDayInZone(addCalendarDays(until, 1), context.timeZone);
  const earliestReceipt = trigger.instant ?? startOfDayInZone(trigger.date, context.timeZone);
  const latestReceipt =
    trigger.instant ?? startOfDayInZone(addCalendarDays(trigger.date, 1), context.timeZone);
  if (addHours(latestReceipt, hoursBeforeCourseEnds) <= courseEnds) return { ...base, rule: extensionRule };
  if (addHours(earliestReceipt, hoursBeforeCourseEnds) > courseEnds) {
    return {
      ...base,
      rule: urgentRule,
      notes: [
        `The request came less than 24 hours before the approved course ended (${until}), so the 72-hour urgent clock applies.`,
      ],
    };
  }
  return {
    ...base,
    rule: extensionRule,
    alternative: {
      rule: urgentRule,
      condition: 'the request reached the plan less than 24 hours before the course ended',
    },
  };
}

function initialDecision(trigger: TimedEvent, context: DeadlineContext): RuleRequest | undefined {
  const base = { trigger, isSatisfiedBy: isDecisionOnRequest };
  switch (context.claimType) {
    case undefined:
      context.reportMissingFact(
        "claimType: urgent, pre-service, post-service or concurrent, needed for the plan's decision deadline.",
      );
      return undefined;
    case 'urgent':
      return { ...base, rule: deadlineRules.erisa_urgent_initial_decision };
    case 'pre-service':
      return { ...base, rule: deadlineRules.erisa_preservice_initial_decision };
    case 'post-service':
      return { ...base, rule: deadlineRules.erisa_postservice_initial_decision };
    case 'concurrent':
      return concurrentInitialDecision(trigger, context);
  }
}

/** 2560.503-1(i)(2)(i): 72 hours for urgent appeals, in all, so a level-2 clock starts at the level-1 appeal. */
function urgentAppealDecision(trigger: TimedEvent, level: number, context: DeadlineContext): RuleRequest {
  const firstAppeal = context.events.find(isAppealReceivedAtLevel(1));
  if (level > 1 && !firstAppeal) {
    context.reportMissingFact(
      `${trigger.label}: the level-1 appeal's receipt, since 72 hours for an urgent appeal covers both levels.`,
    );
  }
  return {
    rule: deadlineRules.erisa_appeal_decision_urgent,
    trigger: level > 1 && firstAppeal ? firstAppeal : trigger,
    isSatisfiedBy: isDecisionAtLevel(level),
  };
}

function appealDecision(
  trigger: TimedEvent,
  level: number,
  context: DeadlineContext,
): RuleRequest | undefined {
  const base = { trigger, isSatisfiedBy: isDecisionAtLevel(level) };
  const structure = appealStructureOf(context);
  const byStructure = (oneLevel: RuleRequest['rule'], twoLevel: RuleRequest['rule']): RuleRequest => {
    if (structure === 'one-level') return { ...base, rule: oneLevel };
    if (structure === 'two-level') return { ...base, rule: twoLevel };
    context.reportMissingFact(
      'How many internal appeal levels the plan has (one or two); the plan document or the denial letter says.',
    );
    return {
      ...base,
      rule: twoLevel,
      alternative: { rule: oneLevel, condition: 'the plan has only one appeal level' },
    };
  };
  switch (context.claimType) {
    case undefined:
      context.reportMissingFact(
        "claimType: urgent, pre-service, post-service or concurrent, needed for the plan's appeal decision deadline.",
      );
      return undefined;
    case 'urgent':
      return urgentAppealDecision(trigger, level, context);
    case 'concurrent':
      return {
        ...urgentAppealDecision(trigger, level, context),
        notes: [
          'Ongoing care is timed as urgent here (the safe choice); if the course is not urgent care, the pre-service appeal clock applies instead.',
        ],
      };
    case 'pre-service':
      return byStructure(
        deadlineRules.erisa_appeal_decision_preservice_one_level,
        deadlineRules.erisa_appeal_decision_preservice_two_level,
      );
    case 'post-service':
      return byStructure(
        deadlineRules.erisa_appeal_decision_postservice_one_level,
        deadlineRules.erisa_appeal_decision_postservice_two_level,
      );
  }
}

function afterAppealDecision(
  trigger: TimedEvent,
  level: number,
  context: DeadlineContext,
): RuleRequest | undefined {
  // Individual coverage allows one internal level only (147.136(b)(3)(ii)), so its level-1 decision is final.
  const isFinal = context.planType === 'individual' ? true : trigger.event.final;
  if (isFinal === false) {
    context.reportMissingFact(
      `${trigger.label}: the window to file the level-${level + 1} appeal is set by the plan document (no federal number is loaded); take it from the decision notice.`,
    );
    return undefined;
  }
  const notes: string[] = [];
  if (isFinal === undefined) {
    context.reportMissingFact(
      `${trigger.label}.final: whether this decision ends the plan's internal appeals.`,
    );
    notes.push(
      'Shown in case this decision ends the internal appeals; if another internal level follows, this window starts after that decision.',
    );
  }
  return {
    rule: deadlineRules.federal_external_review_request,
    trigger,
    // Filing for external review is not one of the scenario's event types.
    isSatisfiedBy: nothingInTheEventListSatisfies,
    notes,
  };
}

function requestsForEvent(trigger: TimedEvent, context: DeadlineContext): RuleRequest | undefined {
  switch (trigger.type) {
    case 'request-received':
      return initialDecision(trigger, context);
    case 'denial-notice':
      return {
        rule: deadlineRules.erisa_internal_appeal_filing,
        trigger,
        isSatisfiedBy: isAppealReceivedAtLevel(1),
      };
    case 'appeal-received': {
      const level = appealLevelOf(trigger, context);
      if (level === undefined) return undefined;
      if (level > maximumInternalLevels(context)) {
        context.reportMissingFact(
          `${trigger.label}: level ${level} is beyond the plan's internal appeal levels (at most ${maximumInternalLevels(context)} for ${context.planType}); external review timing is not computed from this event.`,
        );
        return undefined;
      }
      return appealDecision(trigger, level, context);
    }
    case 'appeal-decision-notice': {
      const level = appealLevelOf(trigger, context);
      return level === undefined ? undefined : afterAppealDecision(trigger, level, context);
    }
    case 'approval':
      return undefined;
  }
}

export function groupAndIndividualDeadlineRequests(context: DeadlineContext): RuleRequest[] {
  return context.events.flatMap((trigger) => requestsForEvent(trigger, context) ?? []);
}
