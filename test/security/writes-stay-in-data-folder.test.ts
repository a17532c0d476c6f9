import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MethodName } from '../../src/shared/contract';
import { saveToFileMethods, streamedSaveMethods } from '../../src/shared/save-to-file';
import { sampleLetterDocument, sampleProfile } from '../letters/sample-letter';
import { openExportFixture } from '../exports/export-fixture';

/** Every file under a folder, as paths relative to it. */
function filesUnder(folder: string): string[] {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(folder, join(entry.parentPath, entry.name)))
    .sort();
}

/**
 * docs/security.md §2: no contract method writes outside the data folder. Every method that makes a file
 * runs with the OS temp folder, the home folder and the working directory moved into a sandbox;
 * afterwards (and after locking, which clears temporary copies) the sandbox holds nothing but the
 * data folder. A method that wrote to a path of its own choosing, or left a temp file, fails here.
 */
describe('files made by the contract stay in the data folder', () => {
  const original = { cwd: process.cwd(), TMPDIR: process.env['TMPDIR'], HOME: process.env['HOME'] };
  let sandbox: string;
  const exercised = new Set<MethodName>();

  beforeAll(() => {
    sandbox = mkdtempSync(join(tmpdir(), 'advocase-sandbox-'));
    for (const folder of ['tmp', 'home', 'cwd', 'data']) mkdirSync(join(sandbox, folder));
    process.env['TMPDIR'] = join(sandbox, 'tmp');
    process.env['HOME'] = join(sandbox, 'home');
    process.chdir(join(sandbox, 'cwd'));
  });
  afterAll(() => {
    process.chdir(original.cwd);
    for (const key of ['TMPDIR', 'HOME'] as const) {
      if (original[key] === undefined) delete process.env[key];
      else process.env[key] = original[key];
    }
    rmSync(sandbox, { recursive: true, force: true });
  });

  it('runs every file-making method and finds nothing written outside the data folder', async () => {
    expect(tmpdir()).toBe(join(sandbox, 'tmp'));
    const fixture = await openExportFixture(join(sandbox, 'data'));
    const call: typeof fixture.call = async (method, input) => {
      exercised.add(method);
      return fixture.call(method, input);
    };
    const selection = { caseId: fixture.caseId, redact: ['dateOfBirth' as const] };
    await call('exports.summary', { selection });
    await call('exports.bundle', { selection });
    await call('exports.bundle', { selection, password: 'a long bundle password' });
    await call('vault.content', { documentId: fixture.documents.lmn.id });

    await call('profile.save', sampleProfile);
    const letter = await call('letters.create', {
      caseId: fixture.caseId,
      templateId: 'internal-appeal-first-level',
    });
    // The template's prompts are left in: a draft makes the same files the same way.
    const output = { letterId: letter.id, date: '2026-03-30', allowUnfilled: true };
    await call('letters.exportPdf', output);
    await call('letters.exportDocx', output);
    await call('letters.buildPacket', { ...output, sentVia: 'portal' });
    // Marking it sent files the final PDF in the vault: that write too must land in the data folder.
    await call('letters.update', { letterId: letter.id, changes: { body: sampleLetterDocument } });
    await call('letters.markSent', {
      letterId: letter.id,
      sentVia: 'portal',
      sentAt: '2026-03-30T17:00:00.000Z',
      documentId: null,
    });

    await call('billing.updateSettings', { defaultRateCents: 90_00 });
    await call('time.add', {
      caseId: fixture.caseId,
      workedOn: '2026-03-02',
      minutes: 50,
      description: 'Appeal',
    });
    const invoice = await call('invoices.create', {
      clientId: fixture.clientId,
      from: '2026-03-01',
      to: '2026-03-31',
      issuedOn: '2026-04-01',
      fromName: 'Northside Patient Advocacy',
      fromAddress: '410 Alder Street\nPortland, OR 97205',
      paymentTerms: 'Due within 30 days.',
    });
    await call('invoices.pdf', { invoiceId: invoice.id });
    const filters = { from: '2026-01-01', to: '2026-12-31' };
    await call('outcomes.exportFunderPdf', { filters, organisationName: 'Northside Patient Advocacy' });
    await call('outcomes.exportCsv', filters);
    await call('caseload.exportCsv', {});

    // While unlocked, and after the lock that clears temporary copies.
    const outside = () => filesUnder(sandbox).filter((path) => !path.startsWith(`data/`));
    expect(outside()).toEqual([]);
    await fixture.session.lock();
    expect(outside()).toEqual([]);
    expect(filesUnder(join(sandbox, 'data')).length).toBeGreaterThan(0);
  }, 120_000);

  it('exercised every method that makes a file to keep (a new one must be added above)', () => {
    expect([...saveToFileMethods, ...streamedSaveMethods].filter((method) => !exercised.has(method))).toEqual(
      [],
    );
  });
});
