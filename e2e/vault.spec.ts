import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { backToCaseloadFromNewCase, completeFirstRun } from './support/app-steps';
import { screenshotBothSizes } from './support/screenshot-both-sizes';
import { expect, test } from './support/web-harness-fixture';

const passphrase = 'maple harbor quiet lantern 42';
const fixtures = join(import.meta.dirname, '..', 'test', 'fixtures', 'vault');

async function denialPdf(): Promise<Buffer> {
  const document = await PDFDocument.create();
  const font = await document.embedFont(StandardFonts.Helvetica);
  const pages = [
    [
      'Example Health Plan',
      'Notice of adverse benefit determination',
      'Your request for esketamine (Spravato) is denied.',
    ],
    [
      'Reference QX4471: the plan found the treatment not medically necessary.',
      'You may appeal within 180 days.',
    ],
  ];
  for (const lines of pages) {
    const page = document.addPage([612, 792]);
    lines.forEach((line, index) => page.drawText(line, { x: 60, y: 700 - index * 22, size: 14, font }));
  }
  return Buffer.from(await document.save());
}

async function setUpWithCase(page: Page, url: string): Promise<void> {
  await completeFirstRun(page, url, passphrase);
  await page.getByRole('button', { name: 'New case' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'New case' });
  await dialog.getByLabel('Full name').fill('Rosa Delgado');
  await dialog.getByLabel('Payer').fill('Example Health Plan');
  await dialog.getByRole('button', { name: 'Open case' }).click();
  await backToCaseloadFromNewCase(page, /Rosa Delgado/);
}

/** Setup data the timeline feature would add through its own form: one event on case 1. */
async function addTimelineEvent(page: Page): Promise<void> {
  const status = await page.evaluate(async () => {
    const token = sessionStorage.getItem('advocase.webToken') ?? '';
    const response = await fetch('./api/events.add', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
      body: JSON.stringify({
        caseId: 1,
        event: {
          type: 'note',
          occurredAt: '2026-03-02T15:00:00.000Z',
          summary: 'Denial received by mail',
          details: {},
        },
      }),
    });
    return response.status;
  });
  expect(status).toBe(200);
}

async function openDocumentsTab(page: Page): Promise<void> {
  await page.evaluate("window.location.hash = '#/cases/1/documents'");
  await expect(page.getByRole('heading', { name: 'No documents yet' })).toBeVisible();
}

test('add three files, preview a PDF, search, link to an event, delete and restore', async ({
  page,
  app,
}) => {
  await setUpWithCase(page, app.url);
  await addTimelineEvent(page);
  await openDocumentsTab(page);
  await app.screenshot('vault-01-empty');

  await page.getByTestId('documents-file-input').setInputFiles([
    { name: 'Denial letter.pdf', mimeType: 'application/pdf', buffer: await denialPdf() },
    {
      name: 'call notes.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('Called Example Health about the denial.'),
    },
    {
      name: 'payer-reply.eml',
      mimeType: 'message/rfc822',
      buffer: readFileSync(join(fixtures, 'payer-reply.eml')),
    },
  ]);
  const uploads = page.getByRole('list', { name: 'Files being added' });
  await expect(uploads.getByRole('listitem')).toHaveCount(3);
  await expect(page.getByRole('status').filter({ hasText: 'of 3 files added' })).toHaveText(
    '3 of 3 files added.',
  );
  await expect(uploads).toContainText('Added; its text is searchable.');
  await expect(page.getByRole('progressbar', { name: 'Progress of Denial letter.pdf' })).toBeVisible();
  await app.screenshot('vault-02-added');

  const pdfRow = page.getByRole('row', { name: /Denial letter\.pdf/ });
  await expect(pdfRow).toContainText('Denial letter');
  await expect(pdfRow).toContainText('Suggested');
  await expect(pdfRow).toContainText('Searchable');
  await expect(page.getByRole('row', { name: /payer-reply\.eml/ })).toContainText('Correspondence');

  await pdfRow.getByRole('button', { name: 'Preview' }).click();
  const preview = page.getByRole('dialog', { name: 'Denial letter.pdf' });
  const canvas = preview.locator('canvas');
  await expect(canvas).toHaveAttribute('data-rendered-page', '1');
  await expect(preview.getByText('Page 1 of 2')).toBeVisible();
  await app.screenshot('vault-03-pdf-preview');
  await preview.getByRole('button', { name: 'Next page' }).click();
  await expect(canvas).toHaveAttribute('data-rendered-page', '2');
  await preview.getByRole('button', { name: 'Previous page' }).click();
  await preview.getByLabel('Find in document').fill('appeal within');
  await preview.getByRole('button', { name: 'Find', exact: true }).click();
  await expect(preview.getByText('Found on page 2')).toBeVisible();
  await expect(canvas).toHaveAttribute('data-rendered-page', '2');
  await preview.getByRole('button', { name: 'Zoom in' }).click();
  await expect(preview.getByText('150%')).toBeVisible();
  await preview.getByRole('button', { name: 'Close' }).click();

  await page.getByLabel("Search this case's documents").fill('QX4471');
  const results = page.getByRole('region', { name: 'Search results' });
  await expect(results.locator('mark')).toHaveText('QX4471');
  await app.screenshot('vault-04-search');
  await results.getByRole('button', { name: /Denial letter\.pdf/ }).click();

  await preview
    .getByLabel('Timeline event to link')
    .selectOption({ label: '2026-03-02 · Denial received by mail' });
  await preview.getByRole('button', { name: 'Link', exact: true }).click();
  await expect(preview.getByRole('status')).toHaveText('Linked to the timeline event.');
  await expect(preview.getByRole('region', { name: 'Timeline events' }).getByRole('listitem')).toHaveText(
    /Denial received by mail/,
  );
  await preview.getByLabel('Document type').selectOption({ label: 'Denial letter' });
  await preview.getByLabel('Source').fill('Example Health Plan');
  await preview.getByRole('button', { name: 'Confirm type and save' }).click();
  await expect(preview.getByRole('status')).toHaveText('Details saved.');
  await app.screenshot('vault-05-linked');
  await preview.getByRole('button', { name: 'Close' }).click();
  await page.getByLabel("Search this case's documents").fill('');
  await expect(pdfRow).not.toContainText('Suggested');

  await pdfRow.getByRole('button', { name: 'Delete Denial letter.pdf (to the trash)' }).click();
  await page
    .getByRole('dialog', { name: 'Move to the trash?' })
    .getByRole('button', { name: 'Move to trash' })
    .click();
  await expect(page.getByRole('status').filter({ hasText: 'moved to the trash' })).toBeVisible();
  await expect(pdfRow).toHaveCount(0);
  await page.getByRole('button', { name: 'Trash', exact: true }).click();
  await app.screenshot('vault-06-trash');
  await page
    .getByRole('row', { name: /Denial letter\.pdf/ })
    .getByRole('button', { name: 'Restore' })
    .click();
  await expect(page.getByRole('status').filter({ hasText: 'restored' })).toBeVisible();
  await page.getByRole('button', { name: 'Documents', exact: true }).click();
  await expect(page.getByRole('row', { name: /Denial letter\.pdf/ })).toBeVisible();
});

test('each bad file gets its own message and the rest of the batch goes in', async ({ page, app }) => {
  await setUpWithCase(page, app.url);
  await openDocumentsTab(page);
  await page.getByTestId('documents-file-input').setInputFiles([
    { name: 'empty.txt', mimeType: 'text/plain', buffer: Buffer.alloc(0) },
    { name: 'scan.pdf', mimeType: 'application/pdf', buffer: Buffer.alloc(0) },
    { name: 'not a pdf.pdf', mimeType: 'application/pdf', buffer: Buffer.from('just words') },
    { name: 'Müller ü 東京.txt', mimeType: 'text/plain', buffer: Buffer.from('Notes about Müller') },
    { name: 'good.txt', mimeType: 'text/plain', buffer: Buffer.from('A good file.') },
  ]);
  await expect(page.getByRole('status').filter({ hasText: 'files added' })).toHaveText('2 of 5 files added.');
  const uploads = page.getByRole('list', { name: 'Files being added' });
  await expect(uploads.getByRole('listitem').filter({ hasText: 'empty.txt' })).toContainText(
    'the file is empty (0 bytes)',
  );
  await expect(uploads.getByRole('listitem').filter({ hasText: 'scan.pdf' })).toContainText(
    'the file is empty (0 bytes)',
  );
  await expect(uploads.getByRole('listitem').filter({ hasText: 'not a pdf.pdf' })).toContainText(
    'the name says a PDF, but the content is not one',
  );
  await expect(page.getByRole('row', { name: /Müller ü 東京\.txt/ })).toBeVisible();
  await expect(page.getByRole('row', { name: /good\.txt/ })).toBeVisible();
  await app.screenshot('vault-07-bad-input');
});

test('rename edits the name before the ending, and a copy is downloaded under its name (docs/security.md §2)', async ({
  page,
  app,
}) => {
  await setUpWithCase(page, app.url);
  await openDocumentsTab(page);
  await page.getByTestId('documents-file-input').setInputFiles([
    {
      name: 'call notes.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('Rep said the appeal is in review.'),
    },
  ]);
  const row = page.getByRole('row', { name: /call notes\.txt/ });
  await row.getByRole('button', { name: 'Preview' }).click();
  await expect(page.getByRole('dialog', { name: 'call notes.txt' })).toBeVisible();
  // Its title follows the name as it changes.
  const preview = page.getByRole('dialog');
  const name = preview.getByLabel('Name');
  await expect(name).toHaveValue('call notes');
  await expect(preview.getByText('The ending .txt stays: it says what kind of file this is.')).toBeVisible();
  // A program's ending typed into the name is only ever part of the name: the file stays a .txt.
  await name.fill('run.bat');
  await preview.getByRole('button', { name: 'Confirm type and save' }).click();
  await expect(preview.getByRole('status')).toHaveText('Details saved.');
  await expect(preview.getByRole('heading', { name: 'run.bat.txt' })).toBeVisible();
  await name.fill('Call with Example Health 2026-03-02');
  await preview.getByRole('button', { name: 'Save details' }).click();
  await expect(
    preview.getByRole('heading', { name: 'Call with Example Health 2026-03-02.txt' }),
  ).toBeVisible();
  await screenshotBothSizes(page, app, 'vault-08-rename');

  await preview.getByRole('button', { name: 'Download copy' }).click();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    preview.getByRole('button', { name: 'Download unencrypted copy' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('Call with Example Health 2026-03-02.txt');
  await expect(preview.getByRole('status')).toContainText(
    'Saved as Call with Example Health 2026-03-02.txt. That copy is not encrypted',
  );
});
