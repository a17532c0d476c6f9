import { beforeEach, describe, expect, it } from 'vitest';
import type { MethodInput } from '../../src/shared/contract/index';
import { startContractSession, type ContractSession } from '../helpers/contract-session';
import { useTemporaryDataDirectory } from '../helpers/temporary-data-directory';

const newDataDirectory = useTemporaryDataDirectory();
let contract: ContractSession;
const call: ContractSession['call'] = (method, input) => contract.call(method, input);
const failure: ContractSession['failure'] = (method, input) => contract.failure(method, input);

beforeEach(async () => {
  contract = await startContractSession(newDataDirectory());
  return () => contract.session.lock();
});

type PlanFields = Omit<MethodInput<'plans.add'>, 'clientId'>;

function planFields(name: string, fields: Partial<PlanFields>): PlanFields {
  return {
    name,
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
    providerNetworks: [],
    ...fields,
  };
}

/** A client with a TMS case at Dr. Rivera's clinic, and a planned course of 12 sessions. */
async function clientWithPlannedCourse() {
  const client = await call('clients.create', {
    fullName: 'Marcus Lee',
    dateOfBirth: '1990-07-01',
    state: 'WA',
  });
  const rivera = await call('providers.create', { name: 'Rivera Neuromodulation', kind: 'facility' });
  const opened = await call('cases.create', { clientId: client.id, treatment: 'tms', payer: 'Premera' });
  await call('cases.update', { caseId: opened.id, changes: { providerId: rivera.id } });
  await call('plans.saveCourse', {
    clientId: client.id,
    plannedCourse: {
      course: { inductionSessions: 6, maintenanceSessionsPerMonth: 1, maintenanceMonths: 6 },
      prices: {
        inNetworkAllowedCents: 500_00,
        outOfNetworkChargeCents: 600_00,
        outOfNetworkAllowedCents: null,
        singleCaseAgreementRateCents: null,
        selfPayPriceCents: 450_00,
      },
    },
  });
  return { clientId: client.id, rivera };
}

describe('plans.*', () => {
  it('compares plans by expected yearly cost and marks the cheapest', async () => {
    const { clientId, rivera } = await clientWithPlannedCourse();
    const inNetwork = [{ providerId: rivera.id, status: 'in_network' as const }];
    // Worked in estimate-plan-year-cost.test.ts: $9,000, $7,650 and $10,200.
    await call('plans.add', {
      clientId,
      ...planFields('Bronze HSA', {
        premiumMonthlyCents: 300_00,
        deductibleCents: 5_000_00,
        coinsurancePercent: 40,
        outOfPocketMaxCents: 7_000_00,
        providerNetworks: inNetwork,
      }),
    });
    await call('plans.add', {
      clientId,
      ...planFields('Gold PPO', {
        premiumMonthlyCents: 550_00,
        deductibleCents: 500_00,
        coinsurancePercent: 10,
        outOfPocketMaxCents: 2_000_00,
        providerNetworks: inNetwork,
      }),
    });
    const comparison = await call('plans.add', {
      clientId,
      ...planFields('Silver HMO', {
        premiumMonthlyCents: 250_00,
        deductibleCents: 0,
        providerNetworks: [{ providerId: rivera.id, status: 'out_of_network' }],
      }),
    });
    expect(comparison.treatingProviders).toEqual([{ id: rivera.id, name: 'Rivera Neuromodulation' }]);
    expect(
      comparison.plans.map(({ plan, expected }) => [plan.name, expected.totalCents, expected.scenario]),
    ).toEqual([
      ['Bronze HSA', 9_000_00, 'in_network'],
      ['Gold PPO', 7_650_00, 'in_network'],
      ['Silver HMO', 10_200_00, 'out_of_network'],
    ]);
    const gold = comparison.plans[1]!.plan;
    expect(comparison.cheapestPlanIds).toEqual([gold.id]);

    const excluded = await call('plans.update', { planId: gold.id, changes: { isTreatmentExcluded: true } });
    // Excluded: self-pay 12 × $450 = $5,400 + premiums $6,600 = $12,000; Bronze is now cheapest.
    expect(excluded.plans[1]!.expected).toMatchObject({ totalCents: 12_000_00, scenario: 'self_pay' });
    expect(excluded.cheapestPlanIds).toEqual([excluded.plans[0]!.plan.id]);

    const removed = await call('plans.remove', { planId: gold.id });
    expect(removed.plans.map(({ plan }) => plan.name)).toEqual(['Bronze HSA', 'Silver HMO']);
  });

  it('refuses a sixth plan and bad amounts, keeping the plans already saved', async () => {
    const { clientId } = await clientWithPlannedCourse();
    for (const name of ['A', 'B', 'C', 'D', 'E'])
      await call('plans.add', { clientId, ...planFields(name, {}) });
    expect(await failure('plans.add', { clientId, ...planFields('F', {}) })).toEqual({
      code: 'INVALID_INPUT',
      message: 'A comparison holds at most 5 plans. Remove one you have ruled out before adding another.',
    });
    const [first] = (await call('plans.compare', { clientId })).plans;
    expect(
      await failure('plans.update', { planId: first!.plan.id, changes: { coinsurancePercent: 140 } }),
    ).toEqual({
      code: 'INVALID_INPUT',
      field: 'changes.coinsurancePercent',
      message: "Coinsurance cannot be more than 100%. Enter the client's share, for example 20 for 20%.",
    });
    expect(
      await failure('plans.update', { planId: first!.plan.id, changes: { premiumMonthlyCents: -1 } }),
    ).toMatchObject({ field: 'changes.premiumMonthlyCents' });
    const after = await call('plans.compare', { clientId });
    expect(
      after.plans.map(({ plan }) => [plan.name, plan.coinsurancePercent, plan.premiumMonthlyCents]),
    ).toEqual(['A', 'B', 'C', 'D', 'E'].map((name) => [name, null, null]));
  });

  it('starts the planned course from the latest case estimate', async () => {
    const client = await call('clients.create', {
      fullName: 'Ana Ruiz',
      dateOfBirth: '1975-01-09',
      state: 'CA',
    });
    const opened = await call('cases.create', {
      clientId: client.id,
      treatment: 'esketamine',
      payer: 'Kaiser',
    });
    const { inputs } = await call('costs.getEstimate', { caseId: opened.id });
    const course = { inductionSessions: 8, maintenanceSessionsPerMonth: 4, maintenanceMonths: 9 };
    await call('costs.saveEstimateInputs', {
      caseId: opened.id,
      inputs: { ...inputs, course, prices: { ...inputs.prices, selfPayPriceCents: 890_00 } },
    });
    const comparison = await call('plans.compare', { clientId: client.id });
    expect(comparison).toMatchObject({ isCourseSaved: false, plannedCourse: { course } });
    expect(comparison.plannedCourse.prices.selfPayPriceCents).toBe(890_00);
  });
});
