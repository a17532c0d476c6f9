import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { backToCaseloadFromNewCase, completeFirstRun } from './support/app-steps';
import { screenshotBothSizes } from './support/screenshot-both-sizes';
import { expect, test } from './support/web-harness-fixture';

const passphrase = 'harbor lantern meadow 77';

async function denialPdf(): Promise<Buffer> {
  const document = await PDFDocument.create();
  const font = await document.embedFont(StandardFonts.Helvetica);
  for (const text of ['Notice of adverse benefit determination', 'Your appeal rights']) {
    document.addPage([612, 792]).drawText(text, { x: 60, y: 700, size: 14, font });
  }
  return Buffer.from(await document.save());
}

async function setUpWithOneCase(page: Page, url: string): Promise<void> {
  await completeFirstRun(page, url, passphrase);
  await page.keyboard.press('n');
  const dialog = page.getByRole('dialog', { name: 'New case' });
  await dialog.getByLabel('Full name').fill('Imani Brooks');
  await dialog.getByLabel('Date of birth').fill('1988-09-14');
  await dialog.getByLabel('Treatment').selectOption({ label: 'Esketamine (Spravato)' });
  await dialog.getByLabel('Payer').fill('UnitedHealthcare');
  await dialog.getByRole('button', { name: 'Open case' }).click();
  await backToCaseloadFromNewCase(page, /Imani Brooks/);
}

test('export a case for an attorney with a redaction: preview, save the PDF and the bundle', async ({
  page,
  app,
}) => {
  const output = join('test-results', 'attorney-export');
  mkdirSync(output, { recursive: true });
  await setUpWithOneCase(page, app.url);
  await page.evaluate("window.location.hash = '#/cases/1/timeline'");
  await expect(page.getByRole('heading', { name: /Imani Brooks/ })).toBeVisible();

  await page.keyboard.press('c');
  const quickCall = page.getByRole('dialog', { name: 'Log a call' });
  await expect(quickCall.getByLabel(/^Rep name/)).toBeFocused();
  await page.keyboard.type('Tanya Whitfield');
  await page.keyboard.press('Tab');
  await page.keyboard.type('UHC-0316');
  await quickCall.getByLabel('What was said').fill('Denial issued; asked for the criteria used.');
  await page.keyboard.press('Control+Enter');
  await expect(quickCall).toBeHidden();

  await page.evaluate("window.location.hash = '#/cases/1/documents'");
  await page
    .getByTestId('documents-file-input')
    .setInputFiles([{ name: 'Denial letter.pdf', mimeType: 'application/pdf', buffer: await denialPdf() }]);
  await expect(page.getByRole('status').filter({ hasText: 'of 1 file' })).toContainText('1 of 1');

  await page.getByRole('button', { name: 'Export for attorney' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export for attorney' });
  await expect(dialog.getByText('Phone call (1)')).toBeVisible();
  await dialog.getByLabel('Attorney').fill('Sandra Kim, Esq.');
  await dialog.getByLabel("Other people's names (payer reps and reviewers)").check();
  await dialog.getByLabel("Client's date of birth").check();
  await expect(dialog.getByRole('note')).toContainText('not encrypted');
  await expect(dialog.getByText(/every letter and submission packet Advocase\s+made/)).toBeVisible();
  await screenshotBothSizes(page, app, 'attorney-export-01-dialog');

  await dialog.getByRole('button', { name: 'Preview summary' }).click();
  const preview = dialog.getByRole('region', { name: 'Summary preview' });
  await expect(preview.locator('canvas[data-rendered-page="1"]')).toBeAttached();
  await expect(preview.getByText(/Page 1 of \d+/)).toBeVisible();
  await preview.getByRole('button', { name: 'Next page' }).click();
  await expect(preview.locator('canvas[data-rendered-page="2"]')).toBeAttached();
  await app.screenshot('attorney-export-02-preview');

  const [summaryDownload] = await Promise.all([
    page.waitForEvent('download'),
    dialog.getByRole('button', { name: 'Save summary PDF' }).click(),
  ]);
  expect(summaryDownload.suggestedFilename()).toMatch(/^Case summary C-00001 \d{4}-\d{2}-\d{2}\.pdf$/);
  const summaryPath = join(output, 'summary.pdf');
  await summaryDownload.saveAs(summaryPath);
  const text = execFileSync('pdftotext', ['-layout', summaryPath, '-'], { encoding: 'utf8' });
  expect(text).toContain('UHC-0316');
  expect(text).toContain('Sandra Kim, Esq.');
  expect(text).not.toContain('Tanya Whitfield');
  expect(text).not.toContain('1988-09-14');
  await expect(
    page.getByText(/Case summary saved as Case summary C-00001 [\d-]+\.pdf: \d+ pages/),
  ).toBeAttached();
  // Every page as an image, for a person to look at.
  execFileSync('pdftoppm', [
    '-png',
    '-r',
    '80',
    summaryPath,
    join('e2e', 'screenshots', 'attorney-summary-page'),
  ]);
  expect(
    readdirSync(join('e2e', 'screenshots')).filter((name) => name.startsWith('attorney-summary-page')).length,
  ).toBeGreaterThan(3);

  await dialog.getByLabel('Bates prefix').fill('KIM');
  const [bundleDownload] = await Promise.all([
    page.waitForEvent('download'),
    dialog.getByRole('button', { name: 'Save exhibit bundle (ZIP)' }).click(),
  ]);
  const bundlePath = join(output, 'bundle.zip');
  await bundleDownload.saveAs(bundlePath);
  const listing = execFileSync('unzip', ['-Z1', bundlePath], { encoding: 'utf8' }).trim().split('\n');
  expect(listing).toContain('manifest.csv');
  const exhibit = listing.find((name) => name.startsWith('Exhibit 001 – '))!;
  expect(exhibit).toMatch(/\.pdf$/);
  const stamped = execFileSync('unzip', ['-p', bundlePath, exhibit]);
  const stampedPath = join(output, 'exhibit.pdf');
  execFileSync('sh', ['-c', 'cat > "$1"', 'sh', stampedPath], { input: stamped });
  const exhibitText = execFileSync('pdftotext', [stampedPath, '-'], { encoding: 'utf8' });
  expect(exhibitText).toContain('KIM-000001');
  expect(exhibitText).toContain('KIM-000002');
  await expect(
    page.getByText(
      /Exhibit bundle saved as Exhibit bundle C-00001 [\d-]+\.zip: 1 exhibits, Bates KIM-000001 to KIM-000002/,
    ),
  ).toBeAttached();
  // The one document came from outside Advocase: the manifest says it was not redacted.
  const manifest = execFileSync('unzip', ['-p', bundlePath, 'manifest.csv'], { encoding: 'utf8' });
  expect(manifest).toContain('Not redacted: the document as filed');
  await screenshotBothSizes(page, app, 'attorney-export-03-saved');
});
