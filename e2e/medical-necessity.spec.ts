import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { callHarness, completeFirstRun } from './support/app-steps';
import { expect, test } from './support/web-harness-fixture';

const passphrase = 'juniper ledger quiet falcon 58';
const denialReason = 'Fewer than two antidepressant trials from different classes are documented.';

/** A PDF of so many pages, each with one line, as a clinic's scanned record would be. */
async function recordPdf(lines: readonly string[]): Promise<Buffer> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  for (const line of lines) pdf.addPage([612, 792]).drawText(line, { x: 72, y: 700, size: 12, font });
  return Buffer.from(await pdf.save());
}

async function addRecord(url: string, caseId: number, fileName: string, bytes: Buffer): Promise<void> {
  const { uploadId } = (await callHarness(url, 'vault.uploadBegin', { fileName })) as { uploadId: string };
  await callHarness(url, 'vault.uploadAppend', { uploadId, data: bytes.toString('base64') });
  await callHarness(url, 'vault.uploadFinish', { uploadId, target: { caseId } });
}

/** Setup the test is not about: the advocate's profile and a denied Spravato case with two records. */
async function openDeniedEsketamineCase(url: string): Promise<number> {
  await callHarness(url, 'profile.save', {
    name: 'Jordan Reyes',
    organization: 'Northside Patient Advocacy',
    address: '410 Alder Street, Suite 2\nPortland, OR 97205',
    phone: '503 555 0142',
    fax: '503-555-0143',
    signatureName: 'Jordan Reyes, CPHA',
    signatureTitle: 'Patient Advocate',
  });
  const client = (await callHarness(url, 'clients.create', {
    fullName: 'Rosa Delgado',
    dateOfBirth: '1979-05-14',
    state: 'OR',
  })) as { id: number };
  const coverage = (await callHarness(url, 'coverages.create', {
    clientId: client.id,
    payer: 'UnitedHealthcare',
    planType: 'employer-self-funded',
    memberId: 'UHC77120456',
    groupNumber: 'GRP-30211',
    payerFax: '800-555-0199',
    appealsAddress: 'Appeals Unit\nP.O. Box 30432\nSalt Lake City, UT 84130',
  })) as { id: number };
  const opened = (await callHarness(url, 'cases.create', {
    clientId: client.id,
    treatment: 'esketamine',
    payer: 'UnitedHealthcare',
  })) as { id: number };
  await callHarness(url, 'cases.update', {
    caseId: opened.id,
    changes: { coverageId: coverage.id, diagnosisCodes: ['F33.2'], assignedAdvocate: 'Jordan Reyes' },
  });
  const noticeDate = new Date(Date.now() - 5 * 86_400_000).toISOString().slice(0, 10);
  await callHarness(url, 'events.add', {
    caseId: opened.id,
    event: {
      type: 'payer_decision',
      occurredAt: new Date(Date.now() - 2 * 86_400_000).toISOString(),
      summary: 'Spravato denied.',
      details: { decision: 'denied', noticeDate, reason: denialReason },
    },
  });
  await addRecord(
    url,
    opened.id,
    'Letter of medical necessity.pdf',
    await recordPdf(['Dr. Patel: esketamine is medically necessary for treatment-resistant depression.']),
  );
  await addRecord(
    url,
    opened.id,
    'Pharmacy fill history.pdf',
    await recordPdf([
      'Sertraline 200 mg filled monthly, January to April 2025.',
      'Bupropion XL 450 mg filled monthly, May to August 2025.',
    ]),
  );
  return opened.id;
}

async function linkToChecklist(page: Page, item: string, fileName: string): Promise<void> {
  await page
    .getByRole('listitem', { name: item })
    .getByRole('button', { name: /^Link document/ })
    .click();
  const picker = page.getByRole('dialog', { name: /Link a document to/ });
  await picker.getByRole('radio', { name: new RegExp(fileName.replace('.', '\\.')) }).check();
  await picker.getByRole('button', { name: 'Link', exact: true }).click();
  await expect(picker).toBeHidden();
}

const shots = join('e2e', 'screenshots');

test('a denied esketamine case: criteria gaps, evidence linked, appeal written, exported and packed', async ({
  page,
  app,
}) => {
  // The whole life of one appeal (criteria, evidence, letter, the export prompt at two window
  // sizes, PDF, DOCX, packet, sent) takes close to the default minute on a busy machine.
  test.slow();
  const output = join('test-results', 'medical-necessity');
  mkdirSync(output, { recursive: true });
  await completeFirstRun(page, app.url, passphrase);
  const caseId = await openDeniedEsketamineCase(app.url);

  // Criteria: the UnitedHealthcare Spravato set, with what is still to record.
  await page.goto(`${new URL(app.url).origin}/#/cases/${caseId}/criteria`);
  await expect(page.getByLabel('Criteria set')).toHaveValue('uhc-spravato-trd');
  const criteria = page.getByRole('list', { name: 'Criteria' });
  const trials = criteria.getByRole('listitem').filter({ hasText: 'At least 2 antidepressant' });
  await expect(trials.getByText('To decide it, record:')).toBeVisible();
  await app.screenshot('mn-01-criteria-missing');

  // The hint leads to the Evidence tab, where two records are linked to their checklist items.
  await trials.getByRole('link', { name: 'Evidence', exact: true }).click();
  const readiness = page.getByRole('meter', { name: 'Evidence readiness' });
  await expect(readiness).toHaveAttribute('aria-valuenow', '0');
  await linkToChecklist(page, "Physician's letter of medical necessity", 'Letter of medical necessity.pdf');
  await expect(readiness).toHaveAttribute('aria-valuenow', '8');
  await linkToChecklist(page, 'Medical records', 'Pharmacy fill history.pdf');
  await expect(readiness).toHaveAttribute('aria-valuenow', '15');
  // The case page scrolls inside its own container: capture the Evidence region, from its top.
  const evidence = page
    .getByRole('region', { name: 'Evidence' })
    .or(page.locator('[aria-labelledby="Evidence"]'))
    .first();
  await page.setViewportSize({ width: 1280, height: 2600 });
  await evidence.scrollIntoViewIfNeeded();
  await evidence.screenshot({ path: join(shots, 'mn-02-evidence-linked.png') });
  await page.setViewportSize({ width: 1280, height: 800 });

  // Letters: the first-level appeal with the two records enclosed, one sentence edited.
  await page.getByRole('link', { name: 'Letters', exact: true }).click();
  await page.getByRole('button', { name: 'New letter' }).click();
  const dialog = page.getByRole('dialog', { name: 'New letter' });
  await dialog.getByRole('radio', { name: /Internal appeal, first level/ }).check();
  await dialog.getByRole('checkbox', { name: /Letter of medical necessity\.pdf/ }).check();
  await dialog.getByRole('checkbox', { name: /Pharmacy fill history\.pdf/ }).check();
  await dialog.getByRole('button', { name: 'Create letter' }).click();
  const editor = page.getByRole('textbox', { name: 'Letter text' });
  await expect(editor).toContainText(`“${denialReason}”`);
  await editor.getByText('Please send your decision and any request for information to me').click();
  await page.keyboard.press('End');
  const edited = 'I am glad to discuss this appeal by phone at 503-555-0142.';
  await page.keyboard.type(` ${edited}`);
  await expect(page.getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible();
  await app.screenshot('mn-03-letter-edited');

  // Export PDF: prompts are still in the letter, so it asks first; going on prints DRAFT.
  await page.getByRole('button', { name: 'Export PDF' }).click();
  const prompts = page.getByRole('dialog', { name: /still to fill$/ });
  await expect(prompts.getByRole('list', { name: 'Still to fill' })).toBeVisible();
  await app.screenshot('mn-03a-export-prompt-1280');
  await page.setViewportSize({ width: 1440, height: 900 });
  await app.screenshot('mn-03b-export-prompt-1440');
  await page.setViewportSize({ width: 1280, height: 800 });
  await prompts.getByRole('button', { name: 'Go back and fill them' }).click();
  await expect(prompts).toBeHidden();
  await page.getByRole('button', { name: 'Export PDF' }).click();
  const [pdfDownload] = await Promise.all([
    page.waitForEvent('download'),
    prompts.getByRole('button', { name: 'Export as DRAFT' }).click(),
  ]);
  const letterPath = join(output, 'appeal.pdf');
  await pdfDownload.saveAs(letterPath);
  const letterText = execFileSync('pdftotext', [letterPath, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  expect(letterText).toContain('Member ID: UHC77120456');
  expect(letterText).toContain('Member: Rosa Delgado');
  expect(letterText).toContain(`“${denialReason}”`);
  expect(letterText).toContain('I ask you to reverse it and approve');
  expect(letterText).toMatch(
    /the deadline to file is \w+ \d{1,2}, \d{4} \(29 CFR 2560\.503-1\(h\)\(3\)\(i\)/,
  );
  expect(letterText).toMatch(/1\. .*Letter of medical necessity.* 2\. .*Pharmacy fill history/);
  expect(letterText).toContain(edited);
  expect(letterText.match(/Sincerely,/g)).toHaveLength(1);
  expect(letterText).toMatch(/^\s*DRAFT — not for sending: \d+ prompts? still to fill/);
  expect(letterText).toContain('Sincerely, Jordan Reyes');
  await expect(page.getByRole('status').filter({ hasText: /Draft PDF downloaded/ })).toBeVisible();
  execFileSync('pdftoppm', ['-png', '-r', '60', letterPath, join(shots, 'mn-letter-page')]);
  const letterPages = Number(
    /Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [letterPath], { encoding: 'utf8' }))![1],
  );

  // Export DOCX: the edited sentence is in the Word document's text.
  await page.getByRole('button', { name: 'Export DOCX' }).click();
  const [docxDownload] = await Promise.all([
    page.waitForEvent('download'),
    prompts.getByRole('button', { name: 'Export as DRAFT' }).click(),
  ]);
  const docxPath = join(output, 'appeal.docx');
  await docxDownload.saveAs(docxPath);
  const documentXml = execFileSync('unzip', ['-p', docxPath, 'word/document.xml'], { encoding: 'utf8' });
  const docxText = [...documentXml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)]
    .map((match) => match[1])
    .join('');
  expect(docxText).toContain(edited);

  // The packet: fax cover, the letter, then the two enclosures (1 + 2 pages).
  await page.getByRole('button', { name: 'Build packet…' }).click();
  await prompts.getByRole('button', { name: 'Export as DRAFT' }).click();
  const packetDialog = page.getByRole('dialog', { name: 'Build submission packet' });
  await expect(packetDialog.getByText('its 2 enclosures')).toBeVisible();
  await packetDialog.getByLabel("Recipient's fax number (optional)").fill('555-01');
  await packetDialog.getByRole('button', { name: 'Build and save packet' }).click();
  await expect(packetDialog.getByText(/Recipient's fax number: /)).toBeVisible();
  await app.screenshot('mn-04-packet-error');
  await packetDialog.getByLabel("Recipient's fax number (optional)").fill('');
  const [packetDownload] = await Promise.all([
    page.waitForEvent('download'),
    packetDialog.getByRole('button', { name: 'Build and save packet' }).click(),
  ]);
  const packetPath = join(output, 'packet.pdf');
  await packetDownload.saveAs(packetPath);
  const packetInfo = execFileSync('pdfinfo', [packetPath], { encoding: 'utf8' });
  expect(Number(/Pages:\s+(\d+)/.exec(packetInfo)![1])).toBe(1 + letterPages + 1 + 2);
  execFileSync('pdftoppm', [
    '-png',
    '-r',
    '60',
    '-f',
    '1',
    '-l',
    '1',
    packetPath,
    join(shots, 'mn-packet-cover'),
  ]);
  await expect(page.getByRole('status').filter({ hasText: /Draft packet downloaded/ })).toBeVisible();
  await app.screenshot('mn-05-packet-saved');

  // Sent: the prompts were filled by hand on the printed copy, signed and scanned; that copy is
  // the one recorded with its proof, and the letter reads sent.
  await addRecord(app.url, caseId, 'Appeal as faxed, signed.pdf', await recordPdf(['Signed appeal']));
  await page.getByRole('button', { name: 'Mark as sent…' }).click();
  const sentDialog = page.getByRole('dialog', { name: 'Mark as sent' });
  await sentDialog.getByLabel('Copy that went out').selectOption({ label: 'Appeal as faxed, signed.pdf' });
  await sentDialog.getByLabel('Proof of delivery (optional)').selectOption('fax_confirmation');
  await sentDialog.getByLabel('Confirmation or tracking number (optional)').fill('FAXOK-5521');
  await sentDialog.getByRole('button', { name: 'Mark as sent' }).click();
  await expect(sentDialog).toBeHidden();
  await expect(page.getByText(/Sent\s*on/).first()).toBeVisible();
  await app.screenshot('mn-06-sent');
});
