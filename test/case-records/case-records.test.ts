import { beforeEach, describe, expect, it } from 'vitest';
import { startContractSession, type ContractSession } from '../helpers/contract-session';
import { useTemporaryDataDirectory } from '../helpers/temporary-data-directory';
import { storeEngines } from '../helpers/test-stores';

const newDataDirectory = useTemporaryDataDirectory();
let contract: ContractSession;
const call: ContractSession['call'] = (method, input) => contract.call(method, input);
const failure: ContractSession['failure'] = (method, input) => contract.failure(method, input);

// Every method behaves the same on the local store and on a team's PostgreSQL database.
describe.each(storeEngines)('case records on %s', (engine) => {
  beforeEach(async () => {
    contract = await startContractSession(newDataDirectory(), 'navigator', engine);
    return () => contract.close();
  });

  async function clientWithCase() {
    const client = await call('clients.create', {
      fullName: 'Lena Ortiz',
      dateOfBirth: '1979-05-02',
      state: 'TX',
    });
    const opened = await call('cases.create', {
      clientId: client.id,
      treatment: 'esketamine',
      payer: 'Cigna',
    });
    return { client, opened };
  }

  describe('coverage', () => {
    it('keeps every change in its history, field by field', async () => {
      const { client, opened } = await clientWithCase();
      const coverage = await call('coverages.create', {
        clientId: client.id,
        payer: 'Cigna',
        planType: 'employer-fully-insured',
        memberId: 'U0042',
        effectiveOn: '2026-01-01',
        deductibleCents: 200_000,
        deductibleMetCents: 50_000,
      });
      await call('coverages.update', {
        coverageId: coverage.id,
        changes: { deductibleMetCents: 120_000, groupNumber: 'G-77' },
      });
      const history = await call('coverages.history', { coverageId: coverage.id });
      expect(history.map((entry) => entry.action)).toEqual(['update', 'insert']);
      // Said as the reader says it, not as a login or the computer's user name.
      expect(history.map((entry) => entry.actor)).toEqual(['You', 'You']);
      expect(history[0]?.changes).toEqual([
        { field: 'groupNumber', before: null, after: 'G-77' },
        { field: 'deductibleMetCents', before: 50_000, after: 120_000 },
      ]);

      const detail = await call('cases.update', {
        caseId: opened.id,
        changes: { coverageId: coverage.id, claimType: 'pre-service' },
      });
      expect(detail).toMatchObject({
        planType: 'employer-fully-insured',
        memberId: 'U0042',
        claimType: 'pre-service',
        payer: 'Cigna',
      });
    });

    it.each([
      [
        'a member ID of 500 characters',
        { memberId: 'X'.repeat(500) },
        'memberId',
        /Member ID must be at most 64 characters/,
      ],
      [
        'an end date before the start date',
        { effectiveOn: '2026-06-01', endsOn: '2026-05-31' },
        'endsOn',
        /End date is before the effective date/,
      ],
      [
        'deductible met above the deductible',
        { deductibleCents: 1000, deductibleMetCents: 2000 },
        'deductibleMetCents',
        /cannot be more than the deductible/,
      ],
      ['coinsurance over 100%', { coinsurancePercent: 120 }, 'coinsurancePercent', /more than 100%/],
      ['a negative copay', { copayCents: -500 }, 'copayCents', /cannot be negative/],
      [
        'a portal address that is not https',
        { portalUrl: 'http://payer.example' },
        'portalUrl',
        /https:\/\//,
      ],
      [
        'a fax number too short to dial',
        { payerFax: '12' },
        'payerFax',
        /Payer fax: "12" .*10 digits, for example \(555\) 123-4567/,
      ],
    ])('refuses %s at the field, and saves nothing', async (_label, fields, field, message) => {
      const { client } = await clientWithCase();
      const error = await failure('coverages.create', {
        clientId: client.id,
        payer: 'Cigna',
        planType: 'individual',
        ...fields,
      });
      expect(error).toMatchObject({ code: 'INVALID_INPUT', field });
      expect(error.message).toMatch(message);
      expect((await call('clients.get', { clientId: client.id })).coverages).toEqual([]);
    });

    it('checks an update against the record as it will be, not just the fields sent', async () => {
      const { client } = await clientWithCase();
      const coverage = await call('coverages.create', {
        clientId: client.id,
        payer: 'Cigna',
        planType: 'individual',
        effectiveOn: '2026-03-01',
      });
      const error = await failure('coverages.update', {
        coverageId: coverage.id,
        changes: { endsOn: '2026-02-01' },
      });
      expect(error).toMatchObject({ code: 'INVALID_INPUT', field: 'endsOn' });
      expect((await call('clients.get', { clientId: client.id })).coverages[0]?.endsOn).toBeNull();
    });

    it("refuses to link a case to another client's coverage", async () => {
      const { opened } = await clientWithCase();
      const stranger = await call('clients.create', { fullName: 'Someone Else' });
      const theirs = await call('coverages.create', {
        clientId: stranger.id,
        payer: 'Aetna',
        planType: 'medicare-advantage',
      });
      const error = await failure('cases.update', { caseId: opened.id, changes: { coverageId: theirs.id } });
      expect(error).toMatchObject({ code: 'INVALID_INPUT', field: 'coverageId' });
    });

    it('records network status per coverage, and a provider NPI must be 10 digits', async () => {
      const { client } = await clientWithCase();
      const coverage = await call('coverages.create', {
        clientId: client.id,
        payer: 'Cigna',
        planType: 'individual',
      });
      expect(await failure('providers.create', { name: 'Dr. Short', npi: '12345' })).toMatchObject({
        field: 'npi',
      });
      const provider = await call('providers.create', {
        name: 'Hill Country TMS',
        kind: 'facility',
        npi: '1234567893',
      });
      await call('providers.setNetworkStatus', {
        coverageId: coverage.id,
        providerId: provider.id,
        status: 'out_of_network',
        tier: null,
      });
      await call('providers.setNetworkStatus', {
        coverageId: coverage.id,
        providerId: provider.id,
        status: 'in_network',
        tier: '2',
        referralRequired: true,
      });
      expect(await call('coverages.networks', { coverageId: coverage.id })).toEqual([
        {
          coverageId: coverage.id,
          providerId: provider.id,
          providerName: 'Hill Country TMS',
          status: 'in_network',
          tier: '2',
          referralRequired: true,
        },
      ]);
    });
  });

  describe('clients', () => {
    it('warns on a case while no authorization is on file, or all have expired', async () => {
      const { client, opened } = await clientWithCase();
      expect((await call('cases.get', { caseId: opened.id })).authorizationWarning).toMatch(
        /No signed authorization/,
      );
      await call('clients.addAuthorization', {
        clientId: client.id,
        kind: 'hipaa_authorization',
        signedOn: '2024-01-02',
        expiresOn: '2025-01-02',
      });
      expect((await call('cases.get', { caseId: opened.id })).authorizationWarning).toMatch(/expired/);
      await call('clients.addAuthorization', {
        clientId: client.id,
        kind: 'payer_authorized_representative',
        signedOn: '2026-01-05',
      });
      expect((await call('cases.get', { caseId: opened.id })).authorizationWarning).toBeNull();
      const authorizations = (await call('clients.get', { clientId: client.id })).authorizations;
      expect(authorizations.map((authorization) => [authorization.kind, authorization.isExpired])).toEqual([
        ['payer_authorized_representative', false],
        ['hipaa_authorization', true],
      ]);
    });

    it('refuses a date of birth in the future and an expiry before signing, keeping what was saved', async () => {
      const { client } = await clientWithCase();
      expect(
        await failure('clients.update', { clientId: client.id, changes: { dateOfBirth: '2999-01-01' } }),
      ).toMatchObject({
        field: 'changes.dateOfBirth',
      });
      expect(
        await failure('clients.addAuthorization', {
          clientId: client.id,
          kind: 'other',
          signedOn: '2026-02-01',
          expiresOn: '2026-01-01',
        }),
      ).toMatchObject({ field: 'expiresOn' });
      expect((await call('clients.get', { clientId: client.id })).client.dateOfBirth).toBe('1979-05-02');
    });
  });

  describe('the timeline', () => {
    it('stores calls with rep and reference, turns a promise into a task, and filters and searches', async () => {
      const { opened } = await clientWithCase();
      const callAt = (hour: number) => `2026-11-0${hour}T15:00:00-05:00`;
      for (const [index, rep, reference] of [
        [1, 'Tanya', 'REF-1001'],
        [2, 'Devon', 'REF-2002'],
        [3, 'Kris', 'REF-100%'],
      ] as const) {
        await call('events.add', {
          caseId: opened.id,
          event: {
            type: 'phone_call',
            occurredAt: callAt(index),
            summary: `Call ${index}: status of the request`,
            details: {
              repName: rep,
              referenceNumber: reference,
              followUp: index === 2 ? { title: 'Decision by Friday', dueOn: '2026-11-06' } : null,
            },
          },
        });
      }
      await call('events.add', {
        caseId: opened.id,
        event: {
          type: 'payer_decision',
          occurredAt: '2026-11-04T12:00:00Z',
          summary: 'Denied',
          details: { decision: 'denied', noticeDate: '2026-11-04', reason: 'Experimental' },
        },
      });

      const all = await call('events.list', { caseId: opened.id });
      expect(all.total).toBe(4);
      expect(all.events.map((event) => event.occurredAt)).toEqual([
        '2026-11-04T12:00:00.000Z',
        '2026-11-03T20:00:00.000Z',
        '2026-11-02T20:00:00.000Z',
        '2026-11-01T20:00:00.000Z',
      ]);
      const calls = await call('events.list', {
        caseId: opened.id,
        types: ['phone_call'],
        order: 'oldest_first',
      });
      expect(calls.events.map((event) => event.details.repName)).toEqual(['Tanya', 'Devon', 'Kris']);
      // % and _ are matched literally, not as wildcards.
      const literal = await call('events.list', { caseId: opened.id, text: 'REF-100%' });
      expect(literal.events.map((event) => event.details.referenceNumber)).toEqual(['REF-100%']);
      const byReference = await call('events.list', { caseId: opened.id, text: 'REF-2002' });
      expect(byReference.events.map((event) => event.details.repName)).toEqual(['Devon']);

      const tasks = await call('tasks.listForCase', { caseId: opened.id });
      expect(tasks).toMatchObject([
        {
          title: 'Decision by Friday',
          dueOn: '2026-11-06',
          doneAt: null,
          sourceEventId: byReference.events[0]?.id,
        },
      ]);
      const done = await call('tasks.setDone', { taskId: tasks[0]!.id, isDone: true });
      expect(done.doneAt).not.toBeNull();
    });

    it('explains a bad event at the field and adds nothing', async () => {
      const { opened } = await clientWithCase();
      const missingDate = await failure('events.add', {
        caseId: opened.id,
        event: {
          type: 'payer_decision',
          occurredAt: '2026-11-04T12:00:00Z',
          summary: 'Denied',
          details: { decision: 'denied' },
        },
      });
      expect(missingDate).toMatchObject({ code: 'INVALID_INPUT', field: 'event.details.noticeDate' });
      expect(missingDate.message).toMatch(/Date on the notice is required/);
      const noOffset = await failure('events.add', {
        caseId: opened.id,
        event: { type: 'note', occurredAt: '2026-11-04 12:00', summary: 'x', details: {} },
      });
      expect(noOffset).toMatchObject({ field: 'event.occurredAt' });
      const future = await failure('events.add', {
        caseId: opened.id,
        event: {
          type: 'note',
          occurredAt: '2999-01-01T09:00:00Z',
          summary: 'A typo in the year',
          details: {},
        },
      });
      expect(future).toMatchObject({ field: 'event.occurredAt' });
      expect(future.message).toMatch(/cannot be in the future/);
      const arrivedEarly = await failure('events.add', {
        caseId: opened.id,
        event: {
          type: 'payer_decision',
          occurredAt: '2026-11-04T12:00:00Z',
          summary: 'Denied',
          details: { decision: 'denied', noticeDate: '2026-11-14', receivedOn: '2026-11-10' },
        },
      });
      expect(arrivedEarly).toMatchObject({ field: 'event.details.receivedOn' });
      expect(arrivedEarly.message).toBe(
        'The notice cannot arrive before the date printed on it. Check both dates.',
      );
      const unknownCase = await failure('events.add', {
        caseId: 999,
        event: { type: 'note', occurredAt: '2026-11-04T12:00:00Z', summary: 'x', details: {} },
      });
      expect(unknownCase).toMatchObject({ code: 'NOT_FOUND', field: 'caseId' });
      expect((await call('events.list', { caseId: opened.id })).total).toBe(0);
    });
  });
});
