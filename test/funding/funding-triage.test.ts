import { beforeEach, describe, expect, it } from 'vitest';
import { addCalendarDays } from '../../src/core/deadlines/date-arithmetic';
import { localToday } from '../../src/shared/schemas/fields';
import { startContractSession, type ContractSession } from '../helpers/contract-session';
import { useTemporaryDataDirectory } from '../helpers/temporary-data-directory';

/**
 * Funding triage through the real contract on a real encrypted database:
 * routes ranked likely / possible / unlikely from the facts on file, each with the fact that
 * would change it; no false "no coverage linked"; every dated step of an option on the agenda.
 */

const newDataDirectory = useTemporaryDataDirectory();
let contract: ContractSession;
const call: ContractSession['call'] = (method, input) => contract.call(method, input);

beforeEach(async () => {
  contract = await startContractSession(newDataDirectory());
  return () => contract.session.lock();
});

const today = localToday();
const inDays = (days: number) => addCalendarDays(today, days);

/** A 41-year-old on an employer PPO plan, fighting for IV ketamine: the demo's commonest case. */
async function employerKetamineCase() {
  const client = await call('clients.create', {
    fullName: 'Dana Whitfield',
    dateOfBirth: '1985-03-02',
    state: 'OH',
  });
  const coverage = await call('coverages.create', {
    clientId: client.id,
    payer: 'Anthem',
    planType: 'employer-self-funded',
    networkType: 'PPO',
    deductibleCents: 300_000,
    deductibleMetCents: 50_000,
  });
  const opened = await call('cases.create', {
    clientId: client.id,
    treatment: 'iv_ketamine',
    payer: 'Anthem',
  });
  await call('cases.update', { caseId: opened.id, changes: { coverageId: coverage.id } });
  return { clientId: client.id, coverageId: coverage.id, caseId: opened.id };
}

async function fitsOf(caseId: number): Promise<Record<string, string>> {
  const funding = await call('funding.getForCase', { caseId });
  return Object.fromEntries(funding.notYetConsidered.map((line) => [line.optionType, line.fit]));
}

type DecisionDetails = {
  readonly decision: 'approved' | 'denied';
  readonly level?: number;
  readonly reason?: string;
  readonly isFinal?: boolean;
};

function decision(caseId: number, daysAgo: number, details: DecisionDetails) {
  return call('events.add', {
    caseId,
    event: {
      type: 'payer_decision',
      occurredAt: `${inDays(-daysAgo)}T15:00:00Z`,
      summary: 'Decision received',
      details: { level: 0, noticeDate: inDays(-daysAgo - 1), receivedOn: inDays(-daysAgo), ...details },
    },
  });
}

describe('funding triage', () => {
  it('ranks the routes instead of calling most of them "may fit", each with what would change it', async () => {
    const { caseId } = await employerKetamineCase();
    const funding = await call('funding.getForCase', { caseId });
    const fits = funding.notYetConsidered.map((line) => line.fit);
    // Before: 13 of these 15 lines were "possible".
    expect(fits.filter((fit) => fit === 'possible').length).toBeLessThanOrEqual(6);
    expect(await fitsOf(caseId)).toMatchObject({
      medicare: 'unlikely',
      employer_plan: 'unlikely',
      marketplace: 'unlikely',
      manufacturer_program: 'unlikely',
      copay_foundation: 'unlikely',
      patient_assistance: 'unlikely',
      charity_care: 'unlikely',
      clinical_trial: 'unlikely',
      crowdfunding: 'unlikely',
      nonprofit_grant: 'possible',
      payment_plan: 'possible',
    });
    for (const line of funding.notYetConsidered) {
      expect(line.wouldChange, line.optionType).toMatch(/^[A-Z].{8,}\.$/);
      expect(line.reason, line.optionType).toMatch(/check|confirm/i);
    }
    // Likeliest first.
    const order = { likely: 0, possible: 1, unlikely: 2 } as const;
    expect(fits).toEqual([...fits].sort((left, right) => order[left] - order[right]));
  });

  it('moves the routes as the facts change: a final denial, an out-of-network clinic, an approval', async () => {
    const { caseId, coverageId } = await employerKetamineCase();
    const clinic = await call('providers.create', { name: 'Lakeside Infusion Center', kind: 'facility' });
    await call('providers.setNetworkStatus', {
      coverageId,
      providerId: clinic.id,
      status: 'out_of_network',
      tier: null,
    });
    await call('cases.update', { caseId, changes: { providerId: clinic.id } });
    await decision(caseId, 10, {
      decision: 'denied',
      reason: 'Experimental and investigational for depression',
      isFinal: true,
    });
    expect(await fitsOf(caseId)).toMatchObject({
      single_case_agreement: 'likely',
      self_pay_superbill: 'likely',
      payment_plan: 'likely',
      patient_assistance: 'possible',
      crowdfunding: 'possible',
      charity_care: 'possible',
      clinical_trial: 'possible',
      nonprofit_grant: 'possible',
    });
    const funding = await call('funding.getForCase', { caseId });
    expect(funding.notYetConsidered.find((line) => line.optionType === 'clinical_trial')?.reason).toContain(
      'The plan called IV ketamine experimental or investigational',
    );

    await decision(caseId, 2, { decision: 'approved', level: 1 });
    const approved = await call('funding.getForCase', { caseId });
    const copay = approved.notYetConsidered.find((line) => line.optionType === 'copay_foundation');
    expect(copay).toMatchObject({ fit: 'likely' });
    expect(copay?.reason).toContain('$2,500 of the deductible still to meet');
    expect(await fitsOf(caseId)).toMatchObject({ nonprofit_grant: 'unlikely', crowdfunding: 'unlikely' });
  });

  it('says only what is missing: with coverage linked and no provider, it never says "no coverage linked"', async () => {
    const { caseId } = await employerKetamineCase();
    const funding = await call('funding.getForCase', { caseId });
    const agreement = funding.notYetConsidered.find((line) => line.optionType === 'single_case_agreement');
    expect(agreement?.reason).toMatch(/^No provider linked to the case: /);
    expect(agreement?.reason).not.toContain('coverage');
    expect(agreement?.wouldChange).toBe(
      'The treating provider and its network status for this plan, on the Providers tab.',
    );
  });
});

describe('funding dates on the agenda', () => {
  it('puts a grant\u2019s answer date and its next step on the agenda, each under its own rule', async () => {
    const { caseId } = await employerKetamineCase();
    const grant = await call('funding.add', {
      caseId,
      optionType: 'nonprofit_grant',
      programName: 'Hope for Depression access grant',
      status: 'applied',
      appliedOn: inDays(-5),
      responseExpectedOn: inDays(12),
      nextStep: 'Send the clinic\u2019s cost estimate',
      nextStepOn: inDays(4),
    });
    const items = (await call('deadlines.agenda', {})).items;
    expect(items.map((item) => [item.deadlineKey, item.rule, item.dueOn])).toEqual([
      [`funding_next_step@funding:${grant.id}`, 'funding_next_step', inDays(4)],
      [`funding_answer_expected@funding:${grant.id}`, 'funding_answer_expected', inDays(12)],
    ]);
    const deadlines = await call('deadlines.listForCase', { caseId });
    expect(deadlines.deadlines.find((deadline) => deadline.rule === 'funding_next_step')?.note).toBe(
      'Nonprofit grant: Hope for Depression access grant. Next step: Send the clinic\u2019s cost estimate',
    );
  });
});
