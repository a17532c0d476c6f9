import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfText } from '../exports/export-fixture';
import { openTestVault } from '../vault/vault-helpers';
import { sampleProfile } from './sample-letter';

/**
 * Data typed once is used everywhere. The profile fills the invoice's "from"
 * block and the attorney summary's cover; phone and fax numbers are stored one way and printed
 * one way (the upgrade of numbers saved before: test/migrations/0075-phone-numbers-normalised.test.ts).
 */
describe('data entered once is used everywhere', () => {
  let folder: string;
  let fixture: Awaited<ReturnType<typeof openTestVault>>;

  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), 'advocase-entered-once-'));
    fixture = await openTestVault(join(folder, 'data'));
    await fixture.call('profile.save', sampleProfile);
  }, 120_000);
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it("the invoice starts from the profile's name and address, and keeps its own once set", async () => {
    const { call } = fixture;
    expect(await call('billing.getSettings', {})).toMatchObject({
      fromName: 'Northside Patient Advocacy',
      fromAddress: '410 Alder Street, Suite 2\nPortland, OR 97205',
    });
    await call('billing.updateSettings', { fromName: 'Jordan Reyes Consulting LLC' });
    expect(await call('billing.getSettings', {})).toMatchObject({
      fromName: 'Jordan Reyes Consulting LLC',
      fromAddress: '410 Alder Street, Suite 2\nPortland, OR 97205',
    });
  });

  it("the attorney summary's cover names the advocate from the profile, with how to reach them", async () => {
    const { call } = fixture;
    const summary = await call('exports.summary', { selection: { caseId: fixture.caseId } });
    const path = join(folder, 'summary.pdf');
    writeFileSync(path, Buffer.from(summary.data, 'base64'));
    const cover = pdfText(path).split('\f')[0]!.replace(/\s+/g, ' ');
    expect(cover).toContain('Advocate Jordan Reyes, Northside Patient Advocacy');
    expect(cover).toContain('Phone (503) 555-0142 · Fax (503) 555-0143 · jordan@northside-advocacy.example');
    expect(cover).not.toContain('Not recorded');
  });

  it('stores phone and fax numbers of plans, providers, clients and resources as (555) 123-4567', async () => {
    const { call, clientId } = fixture;
    const coverage = await call('coverages.create', {
      clientId,
      payer: 'Aetna',
      planType: 'employer-fully-insured',
      payerPhone: '8605550142',
      payerFax: '1-860-555-0143',
    });
    expect(coverage).toMatchObject({ payerPhone: '(860) 555-0142', payerFax: '(860) 555-0143' });
    const provider = await call('providers.create', { name: 'Cedar Mind Clinic', phone: '503.555.0188' });
    expect(provider.phone).toBe('(503) 555-0188');
    const client = await call('clients.update', { clientId, changes: { phone: '+1 (971) 555 0100' } });
    expect(client.phone).toBe('(971) 555-0100');
    const resource = await call('resources.create', {
      name: 'Oregon Consumer Assistance',
      kind: 'consumer_assistance_program',
      phone: '8885550123',
    });
    expect(resource.phone).toBe('(888) 555-0123');
    // A number that cannot be read is kept as typed rather than refused or lost.
    const local = await call('clients.update', { clientId, changes: { phone: '555-0142' } });
    expect(local.phone).toBe('555-0142');
  });
});
