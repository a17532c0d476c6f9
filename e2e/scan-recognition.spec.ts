import type { Page } from '@playwright/test';
import { denialNoticeLines, imageToPdf, pdfToPng, scanLike, typesetPdf } from '../test/ocr/scanned-notice';
import { backToCaseloadFromNewCase, completeFirstRun } from './support/app-steps';
import { screenshotBothSizes } from './support/screenshot-both-sizes';
import { expect, test } from './support/web-harness-fixture';

const passphrase = 'maple harbor quiet lantern 42';
/** Printed only in the scan's image: no other record holds it. */
const memberId = 'BHX482913577';

async function setUpWithCase(page: Page, url: string): Promise<void> {
  await completeFirstRun(page, url, passphrase);
  await page.getByRole('button', { name: 'New case' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'New case' });
  await dialog.getByLabel('Full name').fill('Rosa Delgado');
  await dialog.getByLabel('Payer').fill('Blue Harbor Health Plan');
  await dialog.getByRole('button', { name: 'Open case' }).click();
  await backToCaseloadFromNewCase(page, /Rosa Delgado/);
}

test('a scanned denial becomes searchable: recognise its text, then Ctrl+K finds a word only in its image', async ({
  page,
  app,
}) => {
  // OCR takes seconds on a busy two-core machine; the bench, not this test, holds it to a time.
  test.setTimeout(180_000);
  const scan = imageToPdf(
    await scanLike(pdfToPng(await typesetPdf(denialNoticeLines), 200), { sigma: 30, format: 'jpeg' }),
  );
  await setUpWithCase(page, app.url);
  await page.evaluate("window.location.hash = '#/cases/1/documents'");
  await expect(page.getByRole('heading', { name: 'No documents yet' })).toBeVisible();

  await page
    .getByTestId('documents-file-input')
    .setInputFiles([{ name: 'Fax from payer.pdf', mimeType: 'application/pdf', buffer: scan }]);
  await expect(page.getByRole('list', { name: 'Files being added' })).toContainText(
    'It has no text layer (a scan or a picture): choose Recognise text beside it to make its words searchable.',
    { timeout: 60_000 },
  );
  const row = page.getByRole('row', { name: /Fax from payer\.pdf/ });
  await expect(row.getByRole('cell', { name: 'No text' })).toBeVisible();

  await row.getByRole('button', { name: 'Recognise text: Fax from payer.pdf' }).click();
  await expect(
    row.getByRole('progressbar', { name: 'Recognising the text of Fax from payer.pdf' }),
  ).toBeVisible();
  await expect(row.getByText(/^Page 1 of 1 · \d+ %$/)).toBeVisible({ timeout: 60_000 });
  await expect(
    row.getByRole('button', { name: 'Cancel recognising the text of Fax from payer.pdf' }),
  ).toBeVisible();
  await screenshotBothSizes(page, app, 'scan-recognition-01-in-progress');

  await expect(page.getByRole('status').filter({ hasText: 'Text recognised' })).toHaveText(
    /^Text recognised from the image, confidence \d{2,3} %: “Fax from payer\.pdf” is searchable now\.$/,
    { timeout: 150_000 },
  );
  await expect(row.getByText('Searchable')).toBeVisible();
  await expect(row.getByTitle(/^Text recognised from the image, confidence \d{2,3} %$/)).toBeVisible();
  await expect(row.getByRole('button', { name: /Recognise the text/ })).toHaveCount(0);
  await screenshotBothSizes(page, app, 'scan-recognition-02-recognised');

  await page.evaluate("window.location.hash = '#/caseload'");
  await page.keyboard.press('Control+k');
  const palette = page.getByRole('dialog', { name: 'Search and actions' });
  await palette.getByRole('combobox', { name: 'Search clients, cases and timeline' }).fill(memberId);
  const found = palette.getByRole('option', { name: /Fax from payer\.pdf/ });
  await expect(found).toBeVisible();
  await expect(found.locator('mark')).toHaveText(memberId);
  await screenshotBothSizes(page, app, 'scan-recognition-03-found-by-ctrl-k');

  await page.keyboard.press('Enter');
  await expect(palette).toBeHidden();
  await expect.poll(() => new URL(page.url()).hash).toBe('#/cases/1/documents');
  await expect(page.getByRole('row', { name: /Fax from payer\.pdf/ })).toBeVisible();
});
