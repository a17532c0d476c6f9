import { beforeEach, describe, expect, it } from 'vitest';
import { defaultVerificationScript } from '../../src/shared/domain/benefits-verification';
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

function answer(questionId: string, text: string | null) {
  const question = defaultVerificationScript.find((candidate) => candidate.id === questionId)!;
  return { questionId, question: question.text, answer: text };
}

describe('the benefits verification call', () => {
  it('logs every answer with rep and reference, and writes mapped answers into the coverage history', async () => {
    const client = await call('clients.create', { fullName: 'Noor Haddad' });
    const opened = await call('cases.create', { clientId: client.id, treatment: 'tms', payer: 'Anthem' });
    const coverage = await call('coverages.create', {
      clientId: client.id,
      payer: 'Anthem',
      planType: 'employer-fully-insured',
      notes: 'From the card.',
    });
    await call('cases.update', { caseId: opened.id, changes: { coverageId: coverage.id } });

    const result = await call('verification.record', {
      caseId: opened.id,
      occurredAt: '2026-11-20T10:15:00-06:00',
      repName: 'Alejandro',
      referenceNumber: 'ANT-5521',
      answers: [
        answer('prior-auth', 'Yes: fax 1-800-555-0101, decision in 15 days'),
        answer('exclusions', 'Maintenance TMS excluded'),
        answer('referral', 'No referral needed'),
        answer('network', null),
      ],
    });
    expect(result.updatedCoverageFields.sort()).toEqual(['exclusions', 'notes', 'prior_auth_rules']);

    const updated = (await call('clients.get', { clientId: client.id })).coverages[0]!;
    expect(updated.priorAuthRules).toBe('Yes: fax 1-800-555-0101, decision in 15 days');
    expect(updated.exclusions).toBe('Maintenance TMS excluded');
    expect(updated.notes).toBe(
      [
        'From the card.',
        'Verified 2026-11-20 with Alejandro (ref ANT-5521)',
        'Is a referral required?',
        'No referral needed',
      ].join('\n'),
    );
    expect(
      (await call('coverages.history', { coverageId: coverage.id }))[0]?.changes.map(
        (change) => change.field,
      ),
    ).toEqual(['priorAuthRules', 'exclusions', 'notes']);

    const [logged] = (await call('events.list', { caseId: opened.id })).events;
    expect(logged).toMatchObject({
      id: result.eventId,
      type: 'phone_call',
      summary: 'Benefits verification call: 3 of 4 questions answered.',
      details: { repName: 'Alejandro', referenceNumber: 'ANT-5521', withWhom: 'Anthem' },
    });
    expect((logged?.details.answers as unknown[]).length).toBe(4);
  });

  it('keeps the answers in the call log only when no coverage is linked', async () => {
    const client = await call('clients.create', { fullName: 'Owen Tanaka' });
    const opened = await call('cases.create', { clientId: client.id, treatment: 'iv_ketamine' });
    const result = await call('verification.record', {
      caseId: opened.id,
      occurredAt: '2026-11-20T10:15:00Z',
      repName: 'Beth',
      referenceNumber: 'X-1',
      answers: [answer('exclusions', 'Experimental: excluded')],
    });
    expect(result.updatedCoverageFields).toEqual([]);
    expect((await call('events.list', { caseId: opened.id })).total).toBe(1);
  });

  it('requires the rep name and reference number, and the edited script is what is read back', async () => {
    const client = await call('clients.create', { fullName: 'Ada Quinn' });
    const opened = await call('cases.create', { clientId: client.id, treatment: 'tms' });
    const missing = await failure('verification.record', {
      caseId: opened.id,
      occurredAt: '2026-11-20T10:15:00Z',
      repName: '',
      referenceNumber: 'R',
      answers: [],
    });
    expect(missing).toMatchObject({ field: 'repName', message: 'Rep name is required.' });

    expect(await call('verification.getScript', {})).toEqual(defaultVerificationScript);
    const edited = [
      {
        id: 'spravato-rems',
        text: 'Is the clinic REMS-certified in your records?',
        target: 'notes' as const,
      },
    ];
    await call('verification.saveScript', { questions: edited });
    expect(await call('verification.getScript', {})).toEqual(edited);
    const duplicate = await failure('verification.saveScript', { questions: [...edited, ...edited] });
    expect(duplicate).toMatchObject({ code: 'INVALID_INPUT' });
  });
});
