import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { startContractSession, type ContractSession } from '../helpers/contract-session';
import { storeEngines } from '../helpers/test-stores';
import { useTemporaryDataDirectory } from '../helpers/temporary-data-directory';
import { writeFileOutput } from '../helpers/write-file-output';

const newDataDirectory = useTemporaryDataDirectory();
const outputFolder = mkdtempSync(join(tmpdir(), 'advocase-invoice-test-'));
afterAll(() => rmSync(outputFolder, { recursive: true, force: true }));
let contract: ContractSession;
const call: ContractSession['call'] = (method, input) => contract.call(method, input);
const failure: ContractSession['failure'] = (method, input) => contract.failure(method, input);

// Every method behaves the same on the local store and on a team's PostgreSQL database.
describe.each(storeEngines)('on %s', (engine) => {
  beforeEach(async () => {
    contract = await startContractSession(newDataDirectory(), 'navigator', engine);
    return () => contract.close();
  });

  const from = {
    fromName: 'Rivera Patient Advocacy LLC',
    fromAddress: '12 Elm Street, Suite 4\nAustin, TX 78701',
    paymentTerms: 'Payment due within 30 days by check or bank transfer.',
  };

  /**
   * Hand-worked invoice, 6-minute increments, client rate $150.00/h, default rate $90.00/h:
   *   2026-03-02  case 1  50 min → 54 min = 0.90 h × $150.00 = $135.00
   *   2026-03-05  case 1   7 min → 12 min = 0.20 h × $150.00 =  $30.00
   *   2026-03-10  case 2  61 min → 66 min = 1.10 h ×  $95.00 = $104.50 (rate typed on the entry)
   *   total $269.50. Not billed: 30 non-billable minutes, another client's hour, April's time.
   */
  async function billableMonth() {
    await call('billing.updateSettings', { defaultRateCents: 90_00 });
    const client = await call('clients.create', { fullName: 'Lena Ortiz', state: 'TX' });
    await call('billing.setClientRate', { clientId: client.id, rateCents: 150_00 });
    const first = await call('cases.create', {
      clientId: client.id,
      treatment: 'esketamine',
      payer: 'Cigna',
    });
    const second = await call('cases.create', { clientId: client.id, treatment: 'tms', payer: 'Cigna' });
    const other = await call('clients.create', { fullName: 'Omar Haddad' });
    const otherCase = await call('cases.create', { clientId: other.id, treatment: 'iv_ketamine' });
    const add = (caseId: number, workedOn: string, minutes: number, extra: object = {}) =>
      call('time.add', { caseId, workedOn, minutes, description: `Work of ${workedOn}`, ...extra });
    await add(first.id, '2026-03-02', 50, { description: 'Reviewed denial letter and plan documents' });
    await add(first.id, '2026-03-05', 7, { description: 'Call with Cigna member services' });
    await add(second.id, '2026-03-10', 61, { description: 'Drafted TMS appeal', rateCents: 95_00 });
    await add(first.id, '2026-03-11', 30, { isBillable: false });
    await add(otherCase.id, '2026-03-12', 60);
    await add(first.id, '2026-04-02', 15);
    return { client, first, second };
  }

  describe('invoices', () => {
    it('adds up rounded lines at each entry’s rate, and marks them so they are never billed twice', async () => {
      const { client, first } = await billableMonth();
      const period = { clientId: client.id, from: '2026-03-01', to: '2026-03-31' };
      const preview = await call('invoices.preview', period);
      expect(
        preview.lines.map((line) => [line.workedOn, line.billedMinutes, line.rateCents, line.amountCents]),
      ).toEqual([
        ['2026-03-02', 54, 150_00, 135_00],
        ['2026-03-05', 12, 150_00, 30_00],
        ['2026-03-10', 66, 95_00, 104_50],
      ]);
      expect(preview.totalCents).toBe(269_50);

      const invoice = await call('invoices.create', {
        ...period,
        issuedOn: '2026-04-01',
        dueOn: '2026-05-01',
        ...from,
      });
      expect([invoice.number, invoice.totalCents, invoice.entryCount, invoice.status]).toEqual([
        'INV-2026-0001',
        269_50,
        3,
        'issued',
      ]);

      const again = await failure('invoices.create', { ...period, issuedOn: '2026-04-01', ...from });
      expect(again.field).toBe('from');
      expect(again.message).toMatch(
        /no billable time for this client in this period that is not already invoiced/,
      );
      const invoiced = (await call('time.listForCase', { caseId: first.id })).entries.find(
        (entry) => entry.workedOn === '2026-03-02',
      )!;
      expect(invoiced.invoiceNumber).toBe('INV-2026-0001');
      const locked = await failure('time.update', { entryId: invoiced.id, changes: { minutes: 10 } });
      expect(locked.message).toBe(
        'This time is on invoice INV-2026-0001, so it cannot change. Void that invoice first if it is wrong.',
      );
      // The "from" block is remembered for the next invoice.
      expect(await call('billing.getSettings', {})).toMatchObject(from);

      await call('invoices.setStatus', { invoiceId: invoice.id, status: 'void' });
      expect((await call('invoices.preview', period)).totalCents).toBe(269_50);
      const reissued = await call('invoices.create', { ...period, issuedOn: '2026-04-02', ...from });
      expect(reissued.number).toBe('INV-2026-0002');
    });

    it('writes a PDF whose text shows every line and a total that adds up', async () => {
      const { client } = await billableMonth();
      const invoice = await call('invoices.create', {
        clientId: client.id,
        from: '2026-03-01',
        to: '2026-03-31',
        issuedOn: '2026-04-01',
        dueOn: '2026-05-01',
        ...from,
      });
      const path = join(outputFolder, 'invoice.pdf');
      expect(writeFileOutput(path, await call('invoices.pdf', { invoiceId: invoice.id }))).toBeGreaterThan(
        1000,
      );
      const text = execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' });

      for (const expected of [
        'INVOICE',
        'INV-2026-0001',
        'Rivera Patient Advocacy LLC',
        'Austin, TX 78701',
        'Lena Ortiz',
        'Apr 1, 2026',
        'May 1, 2026',
        'Mar 1, 2026 – Mar 31, 2026',
        'Payment due within 30 days by check or bank transfer.',
        'Each entry is rounded up to the next 6 minutes (0.10 h)',
      ]) {
        expect(text).toContain(expected);
      }
      const rows = text.split('\n').filter((line) => /^\s*Mar \d+, 2026\s+C-\d{5}/.test(line));
      expect(rows.map((row) => row.replace(/\s+/g, ' ').trim())).toEqual([
        'Mar 2, 2026 C-00001 Reviewed denial letter and plan documents 0.90 $150.00/h $135.00',
        'Mar 5, 2026 C-00001 Call with Cigna member services 0.20 $150.00/h $30.00',
        'Mar 10, 2026 C-00002 Drafted TMS appeal 1.10 $95.00/h $104.50',
      ]);
      // Each line's amount is its hours times its rate, and the total is their sum.
      const amounts = rows.map((row) => {
        const [hours, rate, amount] = /([\d.]+)\s+\$([\d,.]+)\/h\s+\$([\d,.]+)\s*$/
          .exec(row)!
          .slice(1)
          .map(Number);
        expect(Math.round(hours! * rate! * 100)).toBe(Math.round(amount! * 100));
        return Math.round(amount! * 100);
      });
      expect(amounts.reduce((sum, cents) => sum + cents, 0)).toBe(269_50);
      expect(text).toMatch(/Subtotal\s+\$269\.50/);
      expect(text).toMatch(/Total due\s+\$269\.50/);
      expect(text).not.toContain('Omar Haddad');
      expect(text).not.toContain('Apr 2, 2026 C-');
    });

    it('refuses an invoice for a period with nothing to bill, by the field, and bills nothing', async () => {
      const { client } = await billableMonth();
      const empty = await failure('invoices.create', {
        clientId: client.id,
        from: '2026-01-01',
        to: '2026-01-31',
        issuedOn: '2026-02-01',
        ...from,
      });
      expect(empty.field).toBe('from');
      const backwards = await failure('invoices.create', {
        clientId: client.id,
        from: '2026-03-31',
        to: '2026-03-01',
        issuedOn: '2026-04-01',
        ...from,
      });
      expect([backwards.field, backwards.message]).toEqual([
        'to',
        'The end of the period must be on or after its start.',
      ]);
      const noName = await failure('invoices.create', {
        clientId: client.id,
        from: '2026-03-01',
        to: '2026-03-31',
        issuedOn: '2026-04-01',
        ...from,
        fromName: '  ',
      });
      expect(noName.field).toBe('fromName');
      expect(await call('invoices.list', {})).toEqual([]);
      expect(
        (await call('invoices.preview', { clientId: client.id, from: '2026-03-01', to: '2026-03-31' })).lines,
      ).toHaveLength(3);
    });

    it('asks for a rate when an entry has none', async () => {
      const client = await call('clients.create', { fullName: 'Ana Silva' });
      const opened = await call('cases.create', { clientId: client.id, treatment: 'tms' });
      await call('time.add', {
        caseId: opened.id,
        workedOn: '2026-03-02',
        minutes: 30,
        description: 'Intake',
      });
      const error = await failure('invoices.preview', {
        clientId: client.id,
        from: '2026-03-01',
        to: '2026-03-31',
      });
      expect([error.field, error.message]).toEqual([
        'clientId',
        '1 of these entries have no hourly rate. Set a rate for this client (or a default rate) and try again.',
      ]);
    });

    it('takes a whole invoice back with one Undo', async () => {
      const { client, first } = await billableMonth();
      await call('invoices.create', {
        clientId: client.id,
        from: '2026-03-01',
        to: '2026-03-31',
        issuedOn: '2026-04-01',
        ...from,
      });
      const undone = await call('history.undo', { count: 1 });
      expect(undone.message).toBe('Undone: Issued invoice INV-2026-0001.');
      expect(await call('invoices.list', {})).toEqual([]);
      const entries = (await call('time.listForCase', { caseId: first.id })).entries;
      expect(entries.every((entry) => entry.invoiceId === null)).toBe(true);
    });

    it('deleting the client for good blanks the time, invoice, rate and resource-link records in the audit log too', async () => {
      const { client, first } = await billableMonth();
      await call('invoices.create', {
        clientId: client.id,
        from: '2026-03-01',
        to: '2026-03-31',
        issuedOn: '2026-04-01',
        ...from,
      });
      const directory = await call('resources.create', {
        name: 'Texas Department of Insurance',
        kind: 'state_insurance_department',
        state: 'TX',
        tags: [],
      });
      await call('resources.linkToCase', {
        resourceId: directory.id,
        caseId: first.id,
        note: 'Lena filed a complaint about the Cigna delay',
      });
      await call('trash.moveClient', { clientId: client.id });
      await call('trash.empty', { isConfirmed: true });

      const history = await contract.session.useStore(({ db }) =>
        db.selectFrom('audit_log').select(['table_name', 'before', 'after']).execute(),
      );
      const text = JSON.stringify(history);
      expect(text).not.toContain('Reviewed denial letter');
      expect(text).not.toContain('INV-2026-0001');
      expect(text).not.toContain('filed a complaint');
      for (const table of ['time_entries', 'invoices', 'client_rates', 'resource_cases']) {
        expect(history.filter((entry) => entry.table_name === table)).toEqual(
          expect.arrayContaining([expect.objectContaining({ before: null, after: null })]),
        );
      }
      // The other client's hour is still there, and so is the directory entry.
      const remaining = await contract.session.useStore(({ db }) =>
        Promise.all([
          db.selectFrom('time_entries').select('minutes').execute(),
          db.selectFrom('invoices').select('id').execute(),
          db.selectFrom('client_rates').select('id').execute(),
          db.selectFrom('resource_cases').select('id').execute(),
          db.selectFrom('resources').select('name').execute(),
        ]),
      );
      expect(remaining).toEqual([[{ minutes: 60 }], [], [], [], [{ name: 'Texas Department of Insurance' }]]);
    });
  });
});
