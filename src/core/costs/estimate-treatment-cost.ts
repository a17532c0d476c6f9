import { formatCents } from '../../shared/domain/money';
import type {
  CostEstimateInputs,
  CostSharing,
  ScenarioEstimate,
  TreatmentCostEstimate,
  TreatmentCourse,
} from '../../shared/schemas/cost-estimates';

/** What the client owes toward one session, before and after the out-of-pocket cap. */
type SessionShare = {
  readonly copayCents: number;
  readonly deductibleCents: number;
  readonly coinsuranceCents: number;
  /** What was left of the out-of-pocket maximum before this session; null when there is no maximum. */
  readonly outOfPocketLeftCents: number | null;
  readonly clientCents: number;
};

/** Deductible and out-of-pocket left to meet, carried from one session to the next. */
type PlanYearState = { deductibleLeftCents: number; outOfPocketLeftCents: number | null };

export function countSessions(course: TreatmentCourse): number {
  return course.inductionSessions + course.maintenanceSessionsPerMonth * course.maintenanceMonths;
}

function startOfYear(sharing: CostSharing): PlanYearState {
  return {
    deductibleLeftCents: Math.max(0, (sharing.deductibleCents ?? 0) - (sharing.deductibleMetCents ?? 0)),
    outOfPocketLeftCents:
      sharing.outOfPocketMaxCents === null
        ? null
        : Math.max(0, sharing.outOfPocketMaxCents - (sharing.outOfPocketMetCents ?? 0)),
  };
}

/**
 * One session's cost sharing on the plan's allowed amount: the copay first (a per-visit charge),
 * then the deductible on the rest, then coinsurance on what the deductible left, and the total
 * capped at what is left of the out-of-pocket maximum. Updates `state`.
 */
function shareOneSession(
  allowedCents: number,
  sharing: CostSharing,
  state: PlanYearState,
  copayCountsTowardDeductible: boolean,
): SessionShare {
  const copayCents = Math.min(sharing.copayCents ?? 0, allowedCents);
  if (copayCountsTowardDeductible) {
    state.deductibleLeftCents = Math.max(0, state.deductibleLeftCents - copayCents);
  }
  const afterCopay = allowedCents - copayCents;
  const deductibleCents = Math.min(afterCopay, state.deductibleLeftCents);
  state.deductibleLeftCents -= deductibleCents;
  const coinsuranceCents = Math.round(
    ((afterCopay - deductibleCents) * (sharing.coinsurancePercent ?? 0)) / 100,
  );
  const owed = copayCents + deductibleCents + coinsuranceCents;
  const outOfPocketLeftCents = state.outOfPocketLeftCents;
  const clientCents = outOfPocketLeftCents === null ? owed : Math.min(owed, outOfPocketLeftCents);
  if (outOfPocketLeftCents !== null) state.outOfPocketLeftCents = outOfPocketLeftCents - clientCents;
  return { copayCents, deductibleCents, coinsuranceCents, outOfPocketLeftCents, clientCents };
}

function describeShare(allowedCents: number, share: SessionShare, coinsurancePercent: number | null): string {
  if (share.outOfPocketLeftCents === 0) return 'out-of-pocket maximum already reached';
  const parts: string[] = [];
  if (share.copayCents > 0) parts.push(`copay ${formatCents(share.copayCents)}`);
  if (share.deductibleCents > 0) parts.push(`deductible ${formatCents(share.deductibleCents)}`);
  const coinsuredCents = allowedCents - share.copayCents - share.deductibleCents;
  if (coinsuredCents > 0 && (coinsurancePercent ?? 0) > 0) {
    parts.push(
      `coinsurance ${coinsurancePercent}% of ${formatCents(coinsuredCents)} = ${formatCents(share.coinsuranceCents)}`,
    );
  }
  if (parts.length === 0) return 'no cost sharing';
  const owed = share.copayCents + share.deductibleCents + share.coinsuranceCents;
  const text = parts.length > 1 ? `${parts.join(' + ')} = ${formatCents(owed)}` : parts[0]!;
  return share.clientCents < owed
    ? `${text}, capped at the ${formatCents(share.outOfPocketLeftCents)} left before the out-of-pocket maximum`
    : text;
}

/** Working lines, one per run of sessions that cost the same: "Sessions 7–16: …, each." */
function groupSessionLines(lines: readonly string[]): string[] {
  const grouped: string[] = [];
  let start = 0;
  for (let index = 1; index <= lines.length; index += 1) {
    if (index < lines.length && lines[index] === lines[start]) continue;
    grouped.push(
      index - start === 1
        ? `Session ${start + 1}: ${lines[start]}.`
        : `Sessions ${start + 1}–${index}: ${lines[start]}, each.`,
    );
    start = index;
  }
  return grouped;
}

function costSharingWorking(label: string, sharing: CostSharing): string[] {
  const state = startOfYear(sharing);
  const lines = [
    sharing.deductibleCents === null
      ? `${label} deductible not entered: counted as $0.00. Enter it for a real estimate.`
      : `${label} deductible ${formatCents(sharing.deductibleCents)}, ${formatCents(sharing.deductibleMetCents ?? 0)} already met: ${formatCents(state.deductibleLeftCents)} left.`,
    sharing.outOfPocketMaxCents === null
      ? `${label} out-of-pocket maximum not entered: no cap applied.`
      : `${label} out-of-pocket maximum ${formatCents(sharing.outOfPocketMaxCents)}, ${formatCents(sharing.outOfPocketMetCents ?? 0)} already met: ${formatCents(state.outOfPocketLeftCents)} left.`,
  ];
  const perSession = [
    sharing.copayCents === null ? null : `copay ${formatCents(sharing.copayCents)} per session`,
    sharing.coinsurancePercent === null ? null : `coinsurance ${sharing.coinsurancePercent}%`,
  ].filter((part) => part !== null);
  lines.push(
    perSession.length > 0
      ? `After the deductible: ${perSession.join(' and ')}.`
      : 'No copay or coinsurance entered: counted as none.',
  );
  return lines;
}

function notEstimated(scenario: ScenarioEstimate['scenario'], missing: string): ScenarioEstimate {
  return {
    scenario,
    isEstimated: false,
    clientPaysCents: null,
    planPaysCents: null,
    outOfPocketMaxReachedAtSession: null,
    notes: [missing],
    working: [],
  };
}

/** The walk for a covered scenario: the plan's allowed amount per session, the client's share of each. */
function walkCoveredSessions(
  scenario: 'in_network' | 'single_case_agreement',
  allowedCents: number,
  sessions: number,
  inputs: CostEstimateInputs,
  openingLines: readonly string[],
): ScenarioEstimate {
  const sharing = inputs.inNetwork;
  const state = startOfYear(sharing);
  const lines: string[] = [];
  let clientPaysCents = 0;
  let reachedAt: number | null = null;
  for (let session = 1; session <= sessions; session += 1) {
    const share = shareOneSession(allowedCents, sharing, state, inputs.copayCountsTowardDeductible);
    clientPaysCents += share.clientCents;
    const isReachedHere =
      reachedAt === null && state.outOfPocketLeftCents === 0 && share.outOfPocketLeftCents !== 0;
    if (isReachedHere) reachedAt = session;
    lines.push(
      `allowed ${formatCents(allowedCents)}; ${describeShare(allowedCents, share, sharing.coinsurancePercent)} → client pays ${formatCents(share.clientCents)}, plan pays ${formatCents(allowedCents - share.clientCents)}${isReachedHere ? ' (out-of-pocket maximum reached)' : ''}`,
    );
  }
  const planPaysCents = allowedCents * sessions - clientPaysCents;
  return {
    scenario,
    isEstimated: true,
    clientPaysCents,
    planPaysCents,
    outOfPocketMaxReachedAtSession: reachedAt,
    notes:
      reachedAt === null
        ? []
        : [`Out-of-pocket maximum reached in session ${reachedAt}; later sessions cost the client $0.00.`],
    working: [
      ...openingLines,
      ...costSharingWorking('In-network', sharing),
      ...groupSessionLines(lines),
      `Total: client pays ${formatCents(clientPaysCents)}, plan pays ${formatCents(planPaysCents)} (${sessions} × ${formatCents(allowedCents)} = ${formatCents(allowedCents * sessions)} allowed).`,
    ],
  };
}

function estimateInNetwork(inputs: CostEstimateInputs, sessions: number): ScenarioEstimate {
  const allowedCents = inputs.prices.inNetworkAllowedCents;
  if (allowedCents === null) {
    return notEstimated(
      'in_network',
      "Enter the in-network allowed amount per session (the clinic's contracted rate or the plan's explanation of benefits).",
    );
  }
  return walkCoveredSessions('in_network', allowedCents, sessions, inputs, [
    `Plan approves the treatment; the in-network allowed amount is ${formatCents(allowedCents)} per session.`,
  ]);
}

function estimateSingleCaseAgreement(inputs: CostEstimateInputs, sessions: number): ScenarioEstimate {
  const { singleCaseAgreementRateCents, inNetworkAllowedCents } = inputs.prices;
  const rateCents = singleCaseAgreementRateCents ?? inNetworkAllowedCents;
  if (rateCents === null) {
    return notEstimated(
      'single_case_agreement',
      'Enter the single-case agreement rate, or the in-network allowed amount if the agreement pays the in-network rate.',
    );
  }
  const rateLine =
    singleCaseAgreementRateCents === null
      ? `No single-case agreement rate entered: counted at the in-network allowed amount, ${formatCents(rateCents)} per session.`
      : `Single-case agreement rate ${formatCents(rateCents)} per session.`;
  const estimate = walkCoveredSessions('single_case_agreement', rateCents, sessions, inputs, [
    rateLine,
    'An agreement with an out-of-network provider for this client, with in-network cost sharing.',
  ]);
  return {
    ...estimate,
    notes: [
      ...estimate.notes,
      'A single-case agreement needs a covered benefit; it does not override an exclusion.',
    ],
  };
}

function estimateOutOfNetwork(inputs: CostEstimateInputs, sessions: number): ScenarioEstimate {
  const { outOfNetworkChargeCents: chargeCents, outOfNetworkAllowedCents } = inputs.prices;
  if (chargeCents === null) {
    return notEstimated('out_of_network', "Enter the out-of-network provider's charge per session.");
  }
  const totalChargeCents = chargeCents * sessions;
  if (!inputs.hasOutOfNetworkBenefit) {
    return {
      scenario: 'out_of_network',
      isEstimated: true,
      clientPaysCents: totalChargeCents,
      planPaysCents: 0,
      outOfPocketMaxReachedAtSession: null,
      notes: [
        'The plan has no out-of-network benefit (common for HMO and EPO plans): a superbill brings nothing back.',
      ],
      working: [
        `Client pays the provider's charge, ${formatCents(chargeCents)} per session.`,
        'No out-of-network benefit: the plan reimburses $0.00.',
        `Total: ${sessions} × ${formatCents(chargeCents)} = ${formatCents(totalChargeCents)}, all paid by the client.`,
      ],
    };
  }
  if (outOfNetworkAllowedCents === null) {
    return notEstimated(
      'out_of_network',
      "Enter the plan's out-of-network allowed amount per session (ask the plan how it sets it, for example a percentage of Medicare).",
    );
  }
  // A plan never allows more than the provider charged.
  const allowedCents = Math.min(outOfNetworkAllowedCents, chargeCents);
  const balanceBilledCents = chargeCents - allowedCents;
  const sharing = inputs.outOfNetwork;
  const state = startOfYear(sharing);
  const lines: string[] = [];
  let reimbursedCents = 0;
  let reachedAt: number | null = null;
  for (let session = 1; session <= sessions; session += 1) {
    const share = shareOneSession(allowedCents, sharing, state, inputs.copayCountsTowardDeductible);
    const reimbursement = allowedCents - share.clientCents;
    reimbursedCents += reimbursement;
    const isReachedHere =
      reachedAt === null && state.outOfPocketLeftCents === 0 && share.outOfPocketLeftCents !== 0;
    if (isReachedHere) reachedAt = session;
    lines.push(
      `client pays ${formatCents(chargeCents)}; plan allows ${formatCents(allowedCents)}; ${describeShare(allowedCents, share, sharing.coinsurancePercent)} → plan reimburses ${formatCents(reimbursement)}, net cost ${formatCents(chargeCents - reimbursement)}${isReachedHere ? ' (out-of-network maximum reached)' : ''}`,
    );
  }
  const clientPaysCents = totalChargeCents - reimbursedCents;
  const notes = [
    `Client pays ${formatCents(totalChargeCents)} up front and sends superbills; the plan reimburses about ${formatCents(reimbursedCents)}.`,
  ];
  if (balanceBilledCents > 0) {
    notes.push(
      `Includes ${formatCents(balanceBilledCents * sessions)} balance billing (charge above the allowed amount), which no out-of-pocket maximum caps.`,
    );
  }
  return {
    scenario: 'out_of_network',
    isEstimated: true,
    clientPaysCents,
    planPaysCents: reimbursedCents,
    outOfPocketMaxReachedAtSession: reachedAt,
    notes,
    working: [
      `Provider charges ${formatCents(chargeCents)} per session; the plan allows ${formatCents(allowedCents)}, so ${formatCents(balanceBilledCents)} per session is balance billing.`,
      ...costSharingWorking('Out-of-network', sharing),
      ...groupSessionLines(lines),
      `Total: paid up front ${formatCents(totalChargeCents)} − reimbursed ${formatCents(reimbursedCents)} = client's net cost ${formatCents(clientPaysCents)}.`,
    ],
  };
}

function estimateSelfPay(inputs: CostEstimateInputs, sessions: number): ScenarioEstimate {
  const priceCents = inputs.prices.selfPayPriceCents;
  if (priceCents === null) {
    return notEstimated(
      'self_pay',
      "Enter the self-pay price per session from the clinic's Good Faith Estimate.",
    );
  }
  const totalCents = priceCents * sessions;
  return {
    scenario: 'self_pay',
    isEstimated: true,
    clientPaysCents: totalCents,
    planPaysCents: 0,
    outOfPocketMaxReachedAtSession: null,
    notes: [
      'Ask the clinic for a written Good Faith Estimate. If the bill is $400 or more above it, the client can start patient-provider dispute resolution within 120 days of the bill (cms.gov/nosurprises/consumers).',
      'HSA/FSA funds: generally eligible as medical care; confirm with the account administrator.',
    ],
    working: [
      `Self-pay price ${formatCents(priceCents)} per session; nothing goes through the plan.`,
      `Total: ${sessions} × ${formatCents(priceCents)} = ${formatCents(totalCents)}.`,
    ],
  };
}

/**
 * What the client would pay for the course of treatment under each way of paying for it, with
 * the working shown. Pure arithmetic on the amounts entered; nothing here is a price or a rule
 * looked up elsewhere.
 */
export function estimateTreatmentCost(inputs: CostEstimateInputs): TreatmentCostEstimate {
  const { course } = inputs;
  const sessions = countSessions(course);
  const courseLine = `Course: ${course.inductionSessions} induction + ${course.maintenanceSessionsPerMonth} per month × ${course.maintenanceMonths} months maintenance = ${sessions} sessions in the plan year.`;
  const scenarios = [
    estimateInNetwork(inputs, sessions),
    estimateSingleCaseAgreement(inputs, sessions),
    estimateOutOfNetwork(inputs, sessions),
    estimateSelfPay(inputs, sessions),
  ].map((scenario) =>
    scenario.isEstimated ? { ...scenario, working: [courseLine, ...scenario.working] } : scenario,
  );
  return {
    totalSessions: sessions,
    assumptions: [
      'Estimate, not a quote: every price is one you entered.',
      'Every session costs the same and the whole course falls in one plan year.',
      inputs.copayCountsTowardDeductible
        ? 'Copays count toward the deductible (as you set; many plans do not).'
        : 'Copays do not count toward the deductible (the usual plan design; change it if the plan documents say otherwise).',
      'Copays, deductible and coinsurance count toward the out-of-pocket maximum; balance billing does not.',
      'The copay is charged first, then the deductible, then coinsurance on the rest.',
    ],
    scenarios,
  };
}
