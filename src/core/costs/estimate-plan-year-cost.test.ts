import { describe, expect, it } from 'vitest';
import type { CandidatePlanFields, PlannedCourse } from '../../shared/schemas/plan-comparison';
import { estimatePlanYearCost } from './estimate-plan-year-cost';

// 6 induction + 1/month × 6 = 12 sessions.
const plannedCourse: PlannedCourse = {
  course: { inductionSessions: 6, maintenanceSessionsPerMonth: 1, maintenanceMonths: 6 },
  prices: {
    inNetworkAllowedCents: 500_00,
    outOfNetworkChargeCents: 600_00,
    outOfNetworkAllowedCents: 400_00,
    singleCaseAgreementRateCents: null,
    selfPayPriceCents: 450_00,
  },
};
const rivera = { id: 7, name: 'Dr. Rivera' };

function plan(fields: Partial<CandidatePlanFields>): CandidatePlanFields {
  return {
    name: 'Plan',
    premiumMonthlyCents: null,
    deductibleCents: null,
    outOfPocketMaxCents: null,
    coinsurancePercent: null,
    copayCents: null,
    hasOutOfNetworkBenefit: false,
    outOfNetworkDeductibleCents: null,
    outOfNetworkOutOfPocketMaxCents: null,
    outOfNetworkCoinsurancePercent: null,
    isTreatmentExcluded: false,
    priorAuthNotes: null,
    exclusionNotes: null,
    providerNetworks: [{ providerId: rivera.id, status: 'in_network' }],
    ...fields,
  };
}

describe('estimatePlanYearCost', () => {
  it.each([
    {
      // Premiums 12 × $300 = $3,600. Deductible $5,000 from nothing: S1–S10 $500 each = $5,000;
      // S11–S12 40% of $500 = $200 each = $400. Treatment $5,400 (under the $7,000 maximum).
      // Total $3,600 + $5,400 = $9,000.
      name: 'high-deductible plan, provider in network',
      fields: {
        premiumMonthlyCents: 300_00,
        deductibleCents: 5_000_00,
        coinsurancePercent: 40,
        outOfPocketMaxCents: 7_000_00,
      },
      expected: {
        premiumYearCents: 3_600_00,
        treatmentCents: 5_400_00,
        totalCents: 9_000_00,
        scenario: 'in_network',
      },
    },
    {
      // Premiums 12 × $550 = $6,600. S1 deductible $500; S2–S12 10% of $500 = $50 × 11 = $550.
      // Treatment $1,050; total $7,650.
      name: 'low-deductible plan, provider in network',
      fields: {
        premiumMonthlyCents: 550_00,
        deductibleCents: 500_00,
        coinsurancePercent: 10,
        outOfPocketMaxCents: 2_000_00,
      },
      expected: {
        premiumYearCents: 6_600_00,
        treatmentCents: 1_050_00,
        totalCents: 7_650_00,
        scenario: 'in_network',
      },
    },
    {
      // HMO without an out-of-network benefit and the provider out of network: 12 × $600 = $7,200.
      // Premiums 12 × $250 = $3,000; total $10,200.
      name: 'HMO with the treating provider out of network',
      fields: {
        premiumMonthlyCents: 250_00,
        deductibleCents: 0,
        providerNetworks: [{ providerId: rivera.id, status: 'out_of_network' as const }],
      },
      expected: {
        premiumYearCents: 3_000_00,
        treatmentCents: 7_200_00,
        totalCents: 10_200_00,
        scenario: 'out_of_network',
      },
    },
    {
      // Treatment excluded: self-pay 12 × $450 = $5,400. Premiums 12 × $200 = $2,400; total $7,800.
      name: 'plan that excludes the treatment',
      fields: { premiumMonthlyCents: 200_00, isTreatmentExcluded: true },
      expected: {
        premiumYearCents: 2_400_00,
        treatmentCents: 5_400_00,
        totalCents: 7_800_00,
        scenario: 'self_pay',
      },
    },
  ])('$name', ({ fields, expected }) => {
    expect(estimatePlanYearCost(plan(fields), plannedCourse, [rivera])).toMatchObject(expected);
  });

  it('says why the figure is not in network', () => {
    const excluded = estimatePlanYearCost(plan({ isTreatmentExcluded: true }), plannedCourse, [rivera]);
    expect(excluded.reasons).toContain('The plan excludes this treatment: counted at the self-pay price.');
    const outside = estimatePlanYearCost(
      plan({ providerNetworks: [{ providerId: rivera.id, status: 'out_of_network' }] }),
      plannedCourse,
      [rivera],
    );
    expect(outside.reasons[0]).toBe(
      'Dr. Rivera is out of network under this plan: counted as out of network with superbill.',
    );
  });

  it('has no total without a premium, says so, and flags an unverified provider', () => {
    const estimate = estimatePlanYearCost(plan({ providerNetworks: [] }), plannedCourse, [rivera]);
    expect(estimate.totalCents).toBeNull();
    expect(estimate.treatmentCents).toBe(0);
    expect(estimate.reasons).toEqual([
      'Network status not yet verified for Dr. Rivera.',
      'Enter the monthly premium to see the yearly cost.',
    ]);
  });
});
