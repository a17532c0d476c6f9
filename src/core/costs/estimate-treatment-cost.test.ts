import { describe, expect, it } from 'vitest';
import type { CostEstimateInputs, CostScenario, CostSharing } from '../../shared/schemas/cost-estimates';
import { estimateTreatmentCost } from './estimate-treatment-cost';

const noSharing: CostSharing = {
  deductibleCents: null,
  deductibleMetCents: null,
  coinsurancePercent: null,
  copayCents: null,
  outOfPocketMaxCents: null,
  outOfPocketMetCents: null,
};

type Overrides = {
  readonly course?: Partial<CostEstimateInputs['course']>;
  readonly prices?: Partial<CostEstimateInputs['prices']>;
  readonly inNetwork?: Partial<CostSharing>;
  readonly outOfNetwork?: Partial<CostSharing>;
  readonly hasOutOfNetworkBenefit?: boolean;
  readonly copayCountsTowardDeductible?: boolean;
};

function inputs(overrides: Overrides): CostEstimateInputs {
  return {
    course: {
      inductionSessions: 6,
      maintenanceSessionsPerMonth: 0,
      maintenanceMonths: 0,
      ...overrides.course,
    },
    prices: {
      inNetworkAllowedCents: null,
      outOfNetworkChargeCents: null,
      outOfNetworkAllowedCents: null,
      singleCaseAgreementRateCents: null,
      selfPayPriceCents: null,
      ...overrides.prices,
    },
    inNetwork: { ...noSharing, ...overrides.inNetwork },
    hasOutOfNetworkBenefit: overrides.hasOutOfNetworkBenefit ?? true,
    outOfNetwork: { ...noSharing, ...overrides.outOfNetwork },
    copayCountsTowardDeductible: overrides.copayCountsTowardDeductible ?? false,
  };
}

function scenarioOf(estimateInputs: CostEstimateInputs, scenario: CostScenario) {
  const found = estimateTreatmentCost(estimateInputs).scenarios.find((each) => each.scenario === scenario);
  if (!found) throw new Error(`no ${scenario} scenario`);
  return found;
}

type Example = {
  readonly name: string;
  readonly scenario: CostScenario;
  readonly inputs: CostEstimateInputs;
  readonly clientPaysCents: number;
  readonly planPaysCents: number;
  readonly reachedAt: number | null;
};

const examples: readonly Example[] = [
  {
    // 6 induction + 1/month × 10 = 16 sessions at $500 allowed = $8,000.
    // Deductible $1,500 with $500 met → $1,000 left: S1 $500, S2 $500 (deductible now met).
    // OOP max $3,000 with $800 met → $2,200 left; after S2 $1,200 left.
    // S3–S14: 20% of $500 = $100 each, 12 × $100 = $1,200 → maximum reached exactly in S14.
    // S15–S16: $0. Client $500 + $500 + $1,200 = $2,200; plan $8,000 − $2,200 = $5,800.
    name: 'deductible partly met, then the out-of-pocket maximum is hit in session 14 of 16',
    scenario: 'in_network',
    inputs: inputs({
      course: { maintenanceSessionsPerMonth: 1, maintenanceMonths: 10 },
      prices: { inNetworkAllowedCents: 500_00 },
      inNetwork: {
        deductibleCents: 1_500_00,
        deductibleMetCents: 500_00,
        coinsurancePercent: 20,
        outOfPocketMaxCents: 3_000_00,
        outOfPocketMetCents: 800_00,
      },
    }),
    clientPaysCents: 2_200_00,
    planPaysCents: 5_800_00,
    reachedAt: 14,
  },
  {
    // Deductible met; 30% of $450 = $135. OOP left $300: S1 $135 ($165 left), S2 $135 ($30 left),
    // S3 capped at $30 → reached in S3; S4–S6 $0. Client $300; plan 6 × $450 − $300 = $2,400.
    name: 'the maximum is hit part-way through a session: that session is capped',
    scenario: 'in_network',
    inputs: inputs({
      prices: { inNetworkAllowedCents: 450_00 },
      inNetwork: {
        deductibleCents: 2_000_00,
        deductibleMetCents: 2_000_00,
        coinsurancePercent: 30,
        outOfPocketMaxCents: 4_000_00,
        outOfPocketMetCents: 3_700_00,
      },
    }),
    clientPaysCents: 300_00,
    planPaysCents: 2_400_00,
    reachedAt: 3,
  },
  {
    // Copay plan: 6 + 2/month × 3 = 12 sessions; $40 each, no deductible or coinsurance.
    // Client 12 × $40 = $480; plan 12 × $300 − $480 = $3,120. OOP left $5,000: not reached.
    name: 'copay plan with no deductible',
    scenario: 'in_network',
    inputs: inputs({
      course: { maintenanceSessionsPerMonth: 2, maintenanceMonths: 3 },
      prices: { inNetworkAllowedCents: 300_00 },
      inNetwork: { copayCents: 40_00, outOfPocketMaxCents: 5_000_00, outOfPocketMetCents: 0 },
    }),
    clientPaysCents: 480_00,
    planPaysCents: 3_120_00,
    reachedAt: null,
  },
  {
    // 3 sessions at $400, copay $50, deductible $500 unmet; copays do not count toward it.
    // S1: $50 + deductible min($350, $500) = $350 → $400 ($150 deductible left).
    // S2: $50 + $150 → $200. S3: $50. Client $650; plan $1,200 − $650 = $550.
    name: 'copay and deductible, copays not counting toward the deductible (the default)',
    scenario: 'in_network',
    inputs: inputs({
      course: { inductionSessions: 3 },
      prices: { inNetworkAllowedCents: 400_00 },
      inNetwork: { copayCents: 50_00, deductibleCents: 500_00, deductibleMetCents: 0 },
    }),
    clientPaysCents: 650_00,
    planPaysCents: 550_00,
    reachedAt: null,
  },
  {
    // Same, copays counting: S1 copay $50 leaves $450 of deductible; $350 of it → $400 ($100 left).
    // S2: copay $50 leaves $50; $50 deductible → $100. S3: $50. Client $550; plan $650.
    name: 'copay and deductible, copays counting toward the deductible',
    scenario: 'in_network',
    inputs: inputs({
      course: { inductionSessions: 3 },
      prices: { inNetworkAllowedCents: 400_00 },
      inNetwork: { copayCents: 50_00, deductibleCents: 500_00, deductibleMetCents: 0 },
      copayCountsTowardDeductible: true,
    }),
    clientPaysCents: 550_00,
    planPaysCents: 650_00,
    reachedAt: null,
  },
  {
    // Deductible met and 0% coinsurance: the plan pays all 10 × $500 = $5,000.
    name: 'coinsurance 0% after the deductible is met',
    scenario: 'in_network',
    inputs: inputs({
      course: { inductionSessions: 10 },
      prices: { inNetworkAllowedCents: 500_00 },
      inNetwork: { deductibleCents: 1_000_00, deductibleMetCents: 1_000_00, coinsurancePercent: 0 },
    }),
    clientPaysCents: 0,
    planPaysCents: 5_000_00,
    reachedAt: null,
  },
  {
    // 100% coinsurance, OOP max $2,000: S1–S4 $500 each = $2,000 → reached in S4; S5–S6 $0.
    // Plan 6 × $500 − $2,000 = $1,000.
    name: 'coinsurance 100% until the out-of-pocket maximum',
    scenario: 'in_network',
    inputs: inputs({
      prices: { inNetworkAllowedCents: 500_00 },
      inNetwork: { coinsurancePercent: 100, outOfPocketMaxCents: 2_000_00, outOfPocketMetCents: 0 },
    }),
    clientPaysCents: 2_000_00,
    planPaysCents: 1_000_00,
    reachedAt: 4,
  },
  {
    // HMO with no out-of-network benefit: 6 × $600 = $3,600, nothing reimbursed.
    name: 'out of network with no out-of-network benefit (HMO)',
    scenario: 'out_of_network',
    inputs: inputs({ prices: { outOfNetworkChargeCents: 600_00 }, hasOutOfNetworkBenefit: false }),
    clientPaysCents: 3_600_00,
    planPaysCents: 0,
    reachedAt: null,
  },
  {
    // Charge $600, allowed $400 ($200 balance billing each). OON deductible $1,000, 40%, max $3,000.
    // S1: deductible $400 → reimbursed $0 ($600 deductible left). S2: same ($200 left).
    // S3: $200 + 40% of $200 = $80 → $280; reimbursed $120. S4–S6: 40% of $400 = $160; reimbursed $240.
    // Reimbursed $120 + 3 × $240 = $840; client 6 × $600 − $840 = $2,760.
    name: 'out of network with superbill reimbursement and balance billing',
    scenario: 'out_of_network',
    inputs: inputs({
      prices: { outOfNetworkChargeCents: 600_00, outOfNetworkAllowedCents: 400_00 },
      outOfNetwork: {
        deductibleCents: 1_000_00,
        deductibleMetCents: 0,
        coinsurancePercent: 40,
        outOfPocketMaxCents: 3_000_00,
        outOfPocketMetCents: 0,
      },
    }),
    clientPaysCents: 2_760_00,
    planPaysCents: 840_00,
    reachedAt: null,
  },
  {
    // Allowed $400 but the charge is $300: the plan allows only $300. No cost sharing entered:
    // reimbursed 6 × $300 = $1,800; client net $0.
    name: 'out of network where the allowed amount is above the charge',
    scenario: 'out_of_network',
    inputs: inputs({ prices: { outOfNetworkChargeCents: 300_00, outOfNetworkAllowedCents: 400_00 } }),
    clientPaysCents: 0,
    planPaysCents: 1_800_00,
    reachedAt: null,
  },
  {
    // Self-pay: 6 + 1/month × 6 = 12 sessions × $450 = $5,400.
    name: 'self-pay at the Good Faith Estimate price',
    scenario: 'self_pay',
    inputs: inputs({
      course: { maintenanceSessionsPerMonth: 1, maintenanceMonths: 6 },
      prices: { selfPayPriceCents: 450_00 },
    }),
    clientPaysCents: 5_400_00,
    planPaysCents: 0,
    reachedAt: null,
  },
  {
    // No SCA rate: counted at the in-network $500. Deductible $300 unmet, 10%:
    // S1: $300 + 10% of $200 = $320. S2–S6: $50 each = $250. Client $570; plan $3,000 − $570 = $2,430.
    name: 'single-case agreement at the in-network rate',
    scenario: 'single_case_agreement',
    inputs: inputs({
      prices: { inNetworkAllowedCents: 500_00 },
      inNetwork: { deductibleCents: 300_00, deductibleMetCents: 0, coinsurancePercent: 10 },
    }),
    clientPaysCents: 570_00,
    planPaysCents: 2_430_00,
    reachedAt: null,
  },
  {
    // Negotiated SCA rate $700, no deductible, 10%: $70 × 6 = $420; plan $4,200 − $420 = $3,780.
    name: 'single-case agreement at a negotiated rate',
    scenario: 'single_case_agreement',
    inputs: inputs({
      prices: { inNetworkAllowedCents: 500_00, singleCaseAgreementRateCents: 700_00 },
      inNetwork: { coinsurancePercent: 10 },
    }),
    clientPaysCents: 420_00,
    planPaysCents: 3_780_00,
    reachedAt: null,
  },
];

describe('estimateTreatmentCost', () => {
  it.each(examples)(
    '$name',
    ({ scenario, inputs: estimateInputs, clientPaysCents, planPaysCents, reachedAt }) => {
      const estimate = scenarioOf(estimateInputs, scenario);
      expect(estimate.isEstimated).toBe(true);
      expect(estimate.clientPaysCents).toBe(clientPaysCents);
      expect(estimate.planPaysCents).toBe(planPaysCents);
      expect(estimate.outOfPocketMaxReachedAtSession).toBe(reachedAt);
    },
  );

  it('shows the working session by session, grouping sessions that cost the same', () => {
    const working = scenarioOf(examples[0]!.inputs, 'in_network').working;
    expect(working).toEqual([
      'Course: 6 induction + 1 per month × 10 months maintenance = 16 sessions in the plan year.',
      'Plan approves the treatment; the in-network allowed amount is $500.00 per session.',
      'In-network deductible $1,500.00, $500.00 already met: $1,000.00 left.',
      'In-network out-of-pocket maximum $3,000.00, $800.00 already met: $2,200.00 left.',
      'After the deductible: coinsurance 20%.',
      'Sessions 1–2: allowed $500.00; deductible $500.00 → client pays $500.00, plan pays $0.00, each.',
      'Sessions 3–13: allowed $500.00; coinsurance 20% of $500.00 = $100.00 → client pays $100.00, plan pays $400.00, each.',
      'Session 14: allowed $500.00; coinsurance 20% of $500.00 = $100.00 → client pays $100.00, plan pays $400.00 (out-of-pocket maximum reached).',
      'Sessions 15–16: allowed $500.00; out-of-pocket maximum already reached → client pays $0.00, plan pays $500.00, each.',
      'Total: client pays $2,200.00, plan pays $5,800.00 (16 × $500.00 = $8,000.00 allowed).',
    ]);
  });

  it('says how a capped session was capped', () => {
    const working = scenarioOf(examples[1]!.inputs, 'in_network').working;
    expect(working).toContain(
      'Session 3: allowed $450.00; coinsurance 30% of $450.00 = $135.00, capped at the $30.00 left before the out-of-pocket maximum → client pays $30.00, plan pays $420.00 (out-of-pocket maximum reached).',
    );
  });

  it('names the balance billing in the out-of-network notes', () => {
    const notes = scenarioOf(examples[8]!.inputs, 'out_of_network').notes;
    expect(notes).toEqual([
      'Client pays $3,600.00 up front and sends superbills; the plan reimburses about $840.00.',
      'Includes $1,200.00 balance billing (charge above the allowed amount), which no out-of-pocket maximum caps.',
    ]);
  });

  it('does not estimate a scenario whose price was not entered, and says which amount to enter', () => {
    const estimate = estimateTreatmentCost(inputs({ prices: { selfPayPriceCents: 450_00 } }));
    const byScenario = Object.fromEntries(estimate.scenarios.map((each) => [each.scenario, each]));
    expect(byScenario.in_network).toMatchObject({ isEstimated: false, clientPaysCents: null });
    expect(byScenario.in_network!.notes[0]).toContain('in-network allowed amount');
    expect(byScenario.single_case_agreement!.isEstimated).toBe(false);
    expect(byScenario.out_of_network!.notes[0]).toContain("out-of-network provider's charge");
    expect(byScenario.self_pay).toMatchObject({ isEstimated: true, clientPaysCents: 2_700_00 });
  });

  it('states the copay assumption as set', () => {
    expect(estimateTreatmentCost(examples[3]!.inputs).assumptions).toContain(
      'Copays do not count toward the deductible (the usual plan design; change it if the plan documents say otherwise).',
    );
    expect(estimateTreatmentCost(examples[4]!.inputs).assumptions).toContain(
      'Copays count toward the deductible (as you set; many plans do not).',
    );
  });
});
