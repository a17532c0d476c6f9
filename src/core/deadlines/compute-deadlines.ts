import { civilDateInZone, type CivilDate } from './date-arithmetic';
import { timeEvents, type DeadlineContext } from './deadline-context';
import { buildDeadlineEntry, type DeadlineEntry, type RuleRequest } from './deadline-entry';
import { groupAndIndividualDeadlineRequests } from './group-and-individual-deadlines';
import {
  medicaidFeeForServiceDeadlineRequests,
  medicaidManagedCareDeadlineRequests,
} from './medicaid-deadlines';
import { medicareAdvantageDeadlineRequests, originalMedicareDeadlineRequests } from './medicare-deadlines';
import { isGroupOrIndividualPlan, isPlanType, planTypes, type PlanType } from './plan-types';
import type { DeadlineScenario } from './scenario-schema';

export type DeadlineReport = {
  /** The day statuses were judged at: the scenario's asOf, or today in its time zone. */
  readonly asOf: CivilDate;
  readonly deadlines: readonly DeadlineEntry[];
  /** Facts the scenario lacks that a rule needs; the engine lists them instead of guessing. */
  readonly missingFacts: readonly string[];
};

type RequestSelector = (context: DeadlineContext) => RuleRequest[];

function selectorFor(planType: PlanType): RequestSelector | undefined {
  if (isGroupOrIndividualPlan(planType)) return groupAndIndividualDeadlineRequests;
  switch (planType) {
    case 'medicare':
      return originalMedicareDeadlineRequests;
    case 'medicare-advantage':
      return medicareAdvantageDeadlineRequests;
    case 'medicaid':
      return medicaidFeeForServiceDeadlineRequests;
    case 'medicaid-managed-care':
      return medicaidManagedCareDeadlineRequests;
    // The deadlines reference leaves these out of scope (§1); never guess a deadline for them.
    case 'tricare':
    case 'va':
    case 'other':
      return undefined;
  }
}

/**
 * Every deadline the loaded rules give for one case. Pure: the only outside input is `now`, used
 * for the default asOf when the scenario has none.
 */
export function computeDeadlines(scenario: DeadlineScenario, now: Date = new Date()): DeadlineReport {
  const asOf = scenario.asOf ?? civilDateInZone(now.getTime(), scenario.timeZone);
  const missingFacts = new Set<string>();
  const report = (deadlines: readonly DeadlineEntry[]): DeadlineReport => ({
    asOf,
    deadlines,
    missingFacts: [...missingFacts],
  });

  if (!isPlanType(scenario.planType)) {
    missingFacts.add(
      `planType: "${scenario.planType}" is not a plan type these rules know (${planTypes.join(', ')}); no deadlines computed.`,
    );
    return report([]);
  }
  const selectRequests = selectorFor(scenario.planType);
  if (!selectRequests) {
    missingFacts.add(
      `planType: no deadline rules are loaded for "${scenario.planType}" coverage; use the dates on the notice and the plan's own rules.`,
    );
    return report([]);
  }
  if (scenario.events.length === 0) {
    missingFacts.add(
      'events: none given; add the request, denial, appeal or decision dates to compute deadlines.',
    );
  }
  const context: DeadlineContext = {
    planType: scenario.planType,
    claimType: scenario.claimType,
    timeZone: scenario.timeZone,
    asOf,
    events: timeEvents(scenario),
    reportMissingFact: (fact) => missingFacts.add(fact),
  };
  return report(selectRequests(context).map((request) => buildDeadlineEntry(request, context)));
}
