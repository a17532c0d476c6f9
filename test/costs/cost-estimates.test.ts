import { beforeEach, describe, expect, it } from 'vitest';
import type { MethodInput } from '../../src/shared/contract';
import { costScenarioLabels } from '../../src/shared/schemas/cost-estimates';
import { startContractSession, type ContractSession } from '../helpers/contract-session';
import { storeEngines } from '../helpers/test-stores';
import { useTemporaryDataDirectory } from '../helpers/temporary-data-directory';

const newDataDirectory = useTemporaryDataDirectory();
let contract: ContractSession;
const call: ContractSession['call'] = (method, input) => contract.call(method, input);
const failure: ContractSession['failure'] = (method, input) => contract.failure(method, input);

// Every method behaves the same on the local store and on a team's PostgreSQL database.
describe.each(storeEngines)('on %s', (engine) => {
  beforeEach(async () => {
    contract = await startContractSession(newDataDirectory(), 'navigator', engine);
    return () => contract.close();
  });

  async function caseWithCoverage() {
    const client = await call('clients.create', {
      fullName: 'Dana Whitfield',
      dateOfBirth: '1981-03-14',
      state: 'OH',
    });
    const coverage = await call('coverages.create', {
      clientId: client.id,
      payer: 'Aetna',
      planName: 'Choice POS II',
      planType: 'employer-self-funded',
      networkType: 'POS',
      deductibleCents: 1_500_00,
      deductibleMetCents: 500_00,
      coinsurancePercent: 20,
      outOfPocketMaxCents: 3_000_00,
      outOfPocketMetCents: 800_00,
    });
    const opened = await call('cases.create', {
      clientId: client.id,
      treatment: 'iv_ketamine',
      payer: 'Aetna',
    });
    await call('cases.update', { caseId: opened.id, changes: { coverageId: coverage.id } });
    return { client, coverage, caseId: opened.id };
  }

  type EstimateInputs = MethodInput<'costs.saveEstimateInputs'>['inputs'];

  /** The hand-worked example of the engine's tests: 16 sessions at $500, maximum reached in session 14. */
  async function savedEstimateInputs(caseId: number): Promise<EstimateInputs> {
    const { inputs } = await call('costs.getEstimate', { caseId });
    return {
      ...inputs,
      course: { inductionSessions: 6, maintenanceSessionsPerMonth: 1, maintenanceMonths: 10 },
      prices: {
        ...inputs.prices,
        inNetworkAllowedCents: 500_00,
        outOfNetworkChargeCents: 650_00,
        selfPayPriceCents: 450_00,
      },
    };
  }

  describe('costs.getEstimate and costs.saveEstimateInputs', () => {
    it("prefills the cost sharing from the case's coverage and enters no price", async () => {
      const { caseId, coverage } = await caseWithCoverage();
      const estimate = await call('costs.getEstimate', { caseId });
      expect(estimate).toMatchObject({
        isSaved: false,
        coverageId: coverage.id,
        coverageLabel: 'Aetna · Choice POS II',
        inputs: {
          inNetwork: {
            deductibleCents: 1_500_00,
            deductibleMetCents: 500_00,
            coinsurancePercent: 20,
            outOfPocketMaxCents: 3_000_00,
            outOfPocketMetCents: 800_00,
          },
          hasOutOfNetworkBenefit: true,
        },
      });
      expect(Object.values(estimate.inputs.prices).every((price) => price === null)).toBe(true);
    });

    it('saves the inputs and returns every scenario, with the maximum reached mid-course', async () => {
      const { caseId } = await caseWithCoverage();
      const saved = await call('costs.saveEstimateInputs', {
        caseId,
        inputs: await savedEstimateInputs(caseId),
      });
      expect(saved.isSaved).toBe(true);
      const figures = saved.estimate.scenarios.map((scenario) => [
        costScenarioLabels[scenario.scenario],
        scenario.clientPaysCents,
        scenario.planPaysCents,
      ]);
      expect(figures).toEqual([
        ['Approved, in network', 2_200_00, 5_800_00],
        ['Single-case agreement', 2_200_00, 5_800_00],
        // Benefit assumed but no out-of-network allowed amount entered: not estimated.
        ['Out of network with superbill', null, null],
        ['Self-pay', 16 * 450_00, 0],
      ]);
      expect(saved.estimate.scenarios[0]!.outOfPocketMaxReachedAtSession).toBe(14);
      expect((await call('costs.getEstimate', { caseId })).inputs).toEqual(saved.inputs);
    });

    it.each([
      {
        name: 'a negative price',
        change: (inputs: EstimateInputs) => ({
          ...inputs,
          prices: { ...inputs.prices, selfPayPriceCents: -450_00 },
        }),
        field: 'inputs.prices.selfPayPriceCents',
        message:
          'Self-pay price cannot be negative. Enter the amount without a minus sign, for example 450.00.',
      },
      {
        name: 'coinsurance over 100%',
        change: (inputs: EstimateInputs) => ({
          ...inputs,
          inNetwork: { ...inputs.inNetwork, coinsurancePercent: 120 },
        }),
        field: 'inputs.inNetwork.coinsurancePercent',
        message: "Coinsurance cannot be more than 100%. Enter the client's share, for example 20 for 20%.",
      },
      {
        name: 'a deductible met above the deductible',
        change: (inputs: EstimateInputs) => ({
          ...inputs,
          inNetwork: { ...inputs.inNetwork, deductibleMetCents: 2_000_00 },
        }),
        field: 'inputs.inNetwork.deductibleMetCents',
        message:
          'Deductible met ($2,000.00) cannot be more than the deductible ($1,500.00). Check both amounts on the latest explanation of benefits.',
      },
      {
        name: 'out-of-pocket met above the maximum',
        change: (inputs: EstimateInputs) => ({
          ...inputs,
          outOfNetwork: { ...inputs.outOfNetwork, outOfPocketMaxCents: 100_00, outOfPocketMetCents: 200_00 },
        }),
        field: 'inputs.outOfNetwork.outOfPocketMetCents',
        message:
          'Out-of-pocket met ($200.00) cannot be more than the out-of-pocket maximum ($100.00). Check both amounts.',
      },
      {
        name: 'a course with no sessions',
        change: (inputs: EstimateInputs) => ({
          ...inputs,
          course: { inductionSessions: 0, maintenanceSessionsPerMonth: 0, maintenanceMonths: 0 },
        }),
        field: 'inputs.course.inductionSessions',
        message: 'The course has no sessions. Enter the number of induction sessions (for example 6).',
      },
    ])('refuses $name at the field, and what was saved stays', async ({ change, field, message }) => {
      const { caseId } = await caseWithCoverage();
      const saved = await call('costs.saveEstimateInputs', {
        caseId,
        inputs: await savedEstimateInputs(caseId),
      });
      const error = await failure('costs.saveEstimateInputs', { caseId, inputs: change(saved.inputs) });
      expect(error).toEqual({ code: 'INVALID_INPUT', field, message });
      const after = await call('costs.getEstimate', { caseId });
      expect(after.inputs).toEqual(saved.inputs);
      expect(after.updatedAt).toBe(saved.updatedAt);
    });

    it('undoes a change to the inputs', async () => {
      const { caseId } = await caseWithCoverage();
      const first = await call('costs.saveEstimateInputs', {
        caseId,
        inputs: await savedEstimateInputs(caseId),
      });
      await call('costs.saveEstimateInputs', {
        caseId,
        inputs: { ...first.inputs, prices: { ...first.inputs.prices, selfPayPriceCents: 900_00 } },
      });
      const [latest] = await call('history.recent', { limit: 1 });
      expect(latest?.label).toContain('cost estimate of case');
      await call('history.undo', { count: 1 });
      expect((await call('costs.getEstimate', { caseId })).inputs).toEqual(first.inputs);
    });
  });
});
