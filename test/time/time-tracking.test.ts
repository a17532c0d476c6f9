import { beforeEach, describe, expect, it } from 'vitest';
import { startContractSession, testPassphrase, type ContractSession } from '../helpers/contract-session';
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

  async function clientWithCase(fullName = 'Lena Ortiz') {
    const client = await call('clients.create', { fullName, state: 'TX' });
    const opened = await call('cases.create', {
      clientId: client.id,
      treatment: 'esketamine',
      payer: 'Cigna',
    });
    return { client, opened };
  }

  describe('the timer', () => {
    // Needs the lock and unlock of a local store.
    it.skipIf(engine === 'postgres')(
      'keeps running through a lock and an unlock, because it is a row in the encrypted store',
      async () => {
        const { opened } = await clientWithCase();
        const started = await call('time.start', { caseId: opened.id });
        expect(started.endedAt).toBeNull();
        expect(started.minutes).toBeNull();

        await call('session.lock', {});
        await call('session.unlock', { passphrase: testPassphrase });

        const running = await call('time.running', {});
        expect(running).toMatchObject({
          id: started.id,
          caseId: opened.id,
          startedAt: started.startedAt,
          endedAt: null,
        });
        const stopped = await call('time.stop', {
          entryId: started.id,
          description: 'Called Cigna about the denial',
        });
        expect(stopped.minutes).toBeGreaterThanOrEqual(1);
        expect(stopped.endedAt).not.toBeNull();
        expect(await call('time.running', {})).toBeNull();
        const listed = await call('time.listForCase', { caseId: opened.id });
        expect(listed.entries.map((entry) => entry.description)).toEqual(['Called Cigna about the denial']);
      },
    );

    it('keeps the minutes the user chose when the timer was left running', async () => {
      const { opened } = await clientWithCase();
      const started = await call('time.start', { caseId: opened.id });
      const stopped = await call('time.stop', {
        entryId: started.id,
        description: 'Appeal letter',
        minutes: 42,
      });
      expect(stopped.minutes).toBe(42);
      // 42 minutes round up to 42 at the default 6-minute increment (7 tenths).
      expect(stopped.billedMinutes).toBe(42);
    });

    it('refuses a second running timer with a message by the case, and leaves the first running', async () => {
      const first = await clientWithCase('Lena Ortiz');
      const second = await clientWithCase('Omar Haddad');
      const running = await call('time.start', { caseId: first.opened.id });

      const error = await failure('time.start', { caseId: second.opened.id });
      expect(error.field).toBe('caseId');
      expect(error.message).toBe(
        `A timer is already running on case ${first.opened.caseNumber} (Lena Ortiz). Stop it first; one timer runs at a time.`,
      );
      expect((await call('time.running', {}))?.id).toBe(running.id);
      expect((await call('time.listForCase', { caseId: second.opened.id })).entries).toEqual([]);
    });
  });

  describe('typed time entries', () => {
    it('says what is wrong by the field, and keeps what was saved', async () => {
      const { opened } = await clientWithCase();
      const kept = await call('time.add', {
        caseId: opened.id,
        workedOn: '2026-03-02',
        minutes: 30,
        description: 'Read the denial letter',
      });
      const base = { caseId: opened.id, workedOn: '2026-03-03', description: 'Drafted the appeal' };

      const negative = await failure('time.add', { ...base, minutes: -5 });
      expect([negative.field, negative.message]).toEqual([
        'minutes',
        'Minutes must be at least 1 (time cannot be negative or zero).',
      ]);
      const backwards = await failure('time.add', { ...base, from: '10:00', to: '09:15' });
      expect([backwards.field, backwards.message]).toEqual([
        'to',
        'The end time must be after the start time. For work past midnight, make two entries.',
      ]);
      const negativeRate = await failure('time.add', { ...base, minutes: 10, rateCents: -100 });
      expect([negativeRate.field, negativeRate.message]).toEqual(['rateCents', 'Rate cannot be negative.']);
      const noTime = await failure('time.add', base);
      expect(noTime.field).toBe('minutes');
      const badRate = await failure('billing.setClientRate', { clientId: opened.clientId, rateCents: -1 });
      expect([badRate.field, badRate.message]).toEqual(['rateCents', 'Rate cannot be negative.']);

      const listed = await call('time.listForCase', { caseId: opened.id });
      expect(listed.entries.map((entry) => [entry.id, entry.minutes])).toEqual([[kept.id, 30]]);
    });

    it('works out minutes from a start and end time', async () => {
      const { opened } = await clientWithCase();
      const entry = await call('time.add', {
        caseId: opened.id,
        workedOn: '2026-03-02',
        from: '09:10',
        to: '10:25',
        description: 'Peer-to-peer call prep',
      });
      expect(entry.minutes).toBe(75);
    });

    it('shows time recorded before any rate at the client’s rate once one is set, as the invoice will bill it', async () => {
      const { client, opened } = await clientWithCase();
      const entry = await call('time.add', {
        caseId: opened.id,
        workedOn: '2026-03-02',
        minutes: 50,
        description: 'Intake',
      });
      expect([entry.rateCents, entry.amountCents]).toEqual([null, null]);
      await call('billing.setClientRate', { clientId: client.id, rateCents: 150_00 });
      const listed = await call('time.listForCase', { caseId: opened.id });
      // 50 minutes bill as 54 (0.9 h) at $150.00 = $135.00.
      expect(listed.entries.map((row) => [row.rateCents, row.billedMinutes, row.amountCents])).toEqual([
        [150_00, 54, 135_00],
      ]);
      expect([listed.rateSource, listed.totals.uninvoicedAmountCents]).toEqual(['client', 135_00]);
    });

    it('deletes an entry, and Undo brings it back', async () => {
      const { opened } = await clientWithCase();
      const entry = await call('time.add', {
        caseId: opened.id,
        workedOn: '2026-03-02',
        minutes: 20,
        description: 'Fax',
      });
      await call('time.delete', { entryId: entry.id });
      expect((await call('time.listForCase', { caseId: opened.id })).entries).toEqual([]);
      await call('history.undo', { count: 1 });
      expect((await call('time.listForCase', { caseId: opened.id })).entries.map((row) => row.id)).toEqual([
        entry.id,
      ]);
    });
  });

  describe('hours for reports', () => {
    it('totals minutes as worked by case, client and month, billable or not', async () => {
      const lena = await clientWithCase('Lena Ortiz');
      const omar = await clientWithCase('Omar Haddad');
      const add = (caseId: number, workedOn: string, minutes: number, isBillable = true) =>
        call('time.add', { caseId, workedOn, minutes, description: 'Work', isBillable });
      await add(lena.opened.id, '2026-02-27', 50);
      await add(lena.opened.id, '2026-03-02', 7, false);
      await add(omar.opened.id, '2026-03-31', 61);
      await add(omar.opened.id, '2026-04-01', 45); // outside the period

      const summary = await call('time.summarizeHours', { from: '2026-02-01', to: '2026-03-31' });
      expect([summary.totalMinutes, summary.billableMinutes]).toEqual([118, 111]);
      expect(summary.byMonth).toEqual([
        { month: '2026-02', minutes: 50, billableMinutes: 50 },
        { month: '2026-03', minutes: 68, billableMinutes: 61 },
      ]);
      expect(summary.byClient.map((row) => [row.clientName, row.minutes])).toEqual([
        ['Lena Ortiz', 57],
        ['Omar Haddad', 61],
      ]);
      expect(summary.byCase.map((row) => [row.caseNumber, row.minutes])).toEqual([
        [lena.opened.caseNumber, 57],
        [omar.opened.caseNumber, 61],
      ]);
      const backwards = await failure('time.summarizeHours', { from: '2026-03-31', to: '2026-02-01' });
      expect(backwards.field).toBe('to');
    });
  });
});
