import { formatCents } from '../../shared/domain/money';
import { costScenarioLabels, type CostScenario } from '../../shared/schemas/cost-estimates';
import type {
  CandidatePlanFields,
  PlannedCourse,
  PlanYearCost,
  TreatingProvider,
} from '../../shared/schemas/plan-comparison';
import { estimateTreatmentCost } from './estimate-treatment-cost';

const monthsInYear = 12;

/** Which way of paying the treatment applies under a plan, and why, from what the user recorded. */
function scenarioUnderPlan(
  plan: CandidatePlanFields,
  treatingProviders: readonly TreatingProvider[],
): { scenario: CostScenario; reasons: string[] } {
  if (plan.isTreatmentExcluded) {
    return {
      scenario: 'self_pay',
      reasons: ['The plan excludes this treatment: counted at the self-pay price.'],
    };
  }
  const statusOf = (provider: TreatingProvider) =>
    plan.providerNetworks.find((answer) => answer.providerId === provider.id)?.status ?? 'unknown';
  const outOfNetwork = treatingProviders.filter((provider) => statusOf(provider) === 'out_of_network');
  const unverified = treatingProviders.filter((provider) => statusOf(provider) === 'unknown');
  const reasons: string[] = [];
  if (unverified.length > 0) {
    reasons.push(
      `Network status not yet verified for ${unverified.map((provider) => provider.name).join(', ')}.`,
    );
  }
  if (outOfNetwork.length > 0) {
    return {
      scenario: 'out_of_network',
      reasons: [
        `${outOfNetwork.map((provider) => provider.name).join(', ')} ${outOfNetwork.length === 1 ? 'is' : 'are'} out of network under this plan: counted as out of network with superbill.`,
        ...reasons,
      ],
    };
  }
  return { scenario: 'in_network', reasons };
}

/**
 * A candidate plan's expected cost for a whole plan year: twelve months of premium plus the
 * client's share of the planned course under that plan, starting the year with nothing met.
 */
export function estimatePlanYearCost(
  plan: CandidatePlanFields,
  plannedCourse: PlannedCourse,
  treatingProviders: readonly TreatingProvider[],
): PlanYearCost {
  const { scenario, reasons } = scenarioUnderPlan(plan, treatingProviders);
  const estimate = estimateTreatmentCost({
    ...plannedCourse,
    inNetwork: {
      deductibleCents: plan.deductibleCents,
      deductibleMetCents: 0,
      coinsurancePercent: plan.coinsurancePercent,
      copayCents: plan.copayCents,
      outOfPocketMaxCents: plan.outOfPocketMaxCents,
      outOfPocketMetCents: 0,
    },
    hasOutOfNetworkBenefit: plan.hasOutOfNetworkBenefit,
    outOfNetwork: {
      deductibleCents: plan.outOfNetworkDeductibleCents,
      deductibleMetCents: 0,
      coinsurancePercent: plan.outOfNetworkCoinsurancePercent,
      copayCents: null,
      outOfPocketMaxCents: plan.outOfNetworkOutOfPocketMaxCents,
      outOfPocketMetCents: 0,
    },
    copayCountsTowardDeductible: false,
  });
  const treatment = estimate.scenarios.find((each) => each.scenario === scenario)!;
  const premiumYearCents = plan.premiumMonthlyCents === null ? null : plan.premiumMonthlyCents * monthsInYear;
  const treatmentCents = treatment.clientPaysCents;
  const working = [
    premiumYearCents === null
      ? 'Monthly premium not entered.'
      : `Premiums: 12 × ${formatCents(plan.premiumMonthlyCents)} = ${formatCents(premiumYearCents)}.`,
    `Treatment (${costScenarioLabels[scenario]}): ${treatmentCents === null ? 'not estimated' : formatCents(treatmentCents)}.`,
    ...treatment.working,
  ];
  const totalCents =
    premiumYearCents === null || treatmentCents === null ? null : premiumYearCents + treatmentCents;
  if (totalCents !== null) {
    working.push(
      `Expected yearly cost: ${formatCents(premiumYearCents)} + ${formatCents(treatmentCents)} = ${formatCents(totalCents)}.`,
    );
  }
  return {
    premiumYearCents,
    treatmentCents,
    totalCents,
    scenario,
    reasons: [
      ...reasons,
      ...(premiumYearCents === null ? ['Enter the monthly premium to see the yearly cost.'] : []),
      ...(treatment.isEstimated ? [] : treatment.notes),
    ],
    working,
  };
}
