import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { backToCaseloadFromNewCase, completeFirstRun } from './support/app-steps';
import { expect, test } from './support/web-harness-fixture';

const passphrase = 'cedar window amber signal 77';

/**
 * The case page scrolls inside its own container, so a full-page capture shows only the first
 * screen: these shots capture one region, scrolled into view, instead.
 */
async function shot(page: Page, name: string, region: string): Promise<void> {
  const locator = page
    .getByRole('region', { name: region })
    .or(page.locator(`[aria-labelledby="${region}"]`));
  await locator.first().scrollIntoViewIfNeeded();
  await locator.first().screenshot({ path: join('e2e', 'screenshots', `${name}.png`) });
}

async function openCaseWithDocuments(page: Page, url: string): Promise<void> {
  await completeFirstRun(page, url, passphrase);
  await page.getByRole('button', { name: 'New case' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'New case' });
  await dialog.getByLabel('Full name').fill('Rosa Delgado');
  await dialog.getByLabel('Payer').fill('Example Health Plan');
  await dialog.getByRole('button', { name: 'Open case' }).click();
  await backToCaseloadFromNewCase(page, /Rosa Delgado/);
  await page.evaluate("window.location.hash = '#/cases/1/documents'");
  await page.getByTestId('documents-file-input').setInputFiles([
    {
      name: 'Letter of medical necessity.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('Dr. Patel: esketamine is medically necessary for treatment-resistant depression.'),
    },
    {
      name: 'Pharmacy fill history.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('Sertraline 200 mg filled monthly Jan to Apr 2025. Escitalopram 20 mg May 2025.'),
    },
  ]);
  await expect(page.getByRole('status').filter({ hasText: 'of 2 files added' })).toHaveText(
    '2 of 2 files added.',
  );
}

test('treatment history, scores, checklist links and the readiness column', async ({ page, app }) => {
  await openCaseWithDocuments(page, app.url);

  // Treatment history: the empty state, then two trials by keyboard, one too short.
  await page.getByRole('link', { name: 'Treatment history' }).click();
  await expect(page.getByText('No prior treatments yet.')).toBeVisible();
  await page.keyboard.press('t');
  const trialDialog = page.getByRole('dialog', { name: 'Add a prior treatment' });
  await expect(trialDialog.getByLabel('Name')).toBeFocused();
  await trialDialog.getByLabel('Name').fill('Sertraline (Zoloft)');
  await expect(trialDialog.getByLabel('Drug class (optional)')).toHaveValue('ssri');
  await trialDialog.getByLabel('Peak dose (optional)').fill('200 mg/day');
  await trialDialog.getByLabel('Start date (optional)').fill('2025-01-06');
  await trialDialog.getByLabel('End date (optional)').fill('2025-04-07');
  await expect(trialDialog.getByText('The dates span 13 weeks')).toBeVisible();
  await expect(trialDialog.getByLabel('Weeks at therapeutic dose (optional)')).toHaveValue('');
  await trialDialog.getByLabel('Weeks at therapeutic dose (optional)').fill('10');
  await trialDialog.getByLabel('Adequate dose?').selectOption('yes');
  await trialDialog.getByLabel('Outcome').selectOption('no_response');
  await trialDialog.getByLabel('In the current episode?').selectOption('yes');
  await trialDialog.getByLabel('Source (optional)').selectOption({ label: 'Pharmacy fill history.txt' });
  await app.screenshot('evidence-01-trial-form');
  await trialDialog.getByRole('button', { name: 'Save and add another' }).click();
  await expect(trialDialog.getByLabel('Name')).toHaveValue('');
  await expect(trialDialog.getByLabel('Name')).toBeFocused();

  await trialDialog.getByLabel('Name').fill('Escitalopram');
  await trialDialog.getByLabel('Start date (optional)').fill('2025-05-01');
  await trialDialog.getByLabel('End date (optional)').fill('2025-06-15');
  await trialDialog.getByLabel('Weeks at therapeutic dose (optional)').fill('4');
  await trialDialog.getByLabel('Outcome').selectOption('side_effects');
  await trialDialog.getByLabel('Weeks at therapeutic dose (optional)').press('Control+Enter');
  await expect(trialDialog).toBeHidden();

  const ledger = page.getByRole('table', { name: 'Prior treatments of Rosa Delgado' });
  const sertraline = ledger.getByRole('row', { name: /Sertraline/ });
  await expect(sertraline).toContainText('10 wk at therapeutic dose');
  await expect(sertraline).toContainText('No response');
  await expect(sertraline).toContainText('Pharmacy fill history.txt');
  const escitalopram = ledger.getByRole('row', { name: /Escitalopram/ });
  await expect(escitalopram).toContainText('4 wk at therapeutic dose');
  await expect(escitalopram).toContainText('shorter than the 6 weeks most payers ask for');
  await expect(escitalopram).toContainText('Stopped for side effects');
  await expect(escitalopram).toContainText('No source');

  // Scores: one out of range is refused at the field; two good ones go into the table and chart.
  const scoreForm = page.getByRole('form', { name: 'Record a score' });
  await scoreForm.getByLabel('Score').fill('31');
  await scoreForm.getByLabel('Date taken').fill('2025-03-01');
  await scoreForm.getByRole('button', { name: 'Record score' }).click();
  await expect(scoreForm.getByText('A PHQ-9 score is between 0 and 27; 31 is outside that.')).toBeVisible();
  await scoreForm.getByLabel('Score').fill('21');
  await scoreForm.getByRole('button', { name: 'Record score' }).click();
  await expect(page.getByRole('table', { name: /Scores, oldest first/ }).getByRole('row')).toHaveCount(2);
  await scoreForm.getByLabel('Score').fill('17');
  await scoreForm.getByLabel('Date taken').fill('2025-06-20');
  await scoreForm.getByRole('button', { name: 'Record score' }).click();
  const scores = page.getByRole('table', { name: /Scores, oldest first/ });
  await expect(scores.getByRole('row')).toHaveCount(3);
  await expect(scores.getByRole('row').nth(2)).toContainText('17 of 27');
  await expect(page.locator('.recharts-line')).toHaveCount(1);
  await page.setViewportSize({ width: 1280, height: 1500 });
  await shot(page, 'evidence-02-treatment-history', 'Treatment history');
  await page.setViewportSize({ width: 1280, height: 800 });

  // Evidence: readiness starts low; the treatment history is partial (one trial has no source).
  await page.getByRole('link', { name: 'Evidence', exact: true }).click();
  const readiness = page.getByRole('meter', { name: 'Evidence readiness' });
  // Treatment history partial (½) and scores partial (½) of 13: 1 / 13 = 8%.
  await expect(readiness).toHaveAttribute('aria-valuenow', '8');
  const history = page.getByRole('listitem', { name: 'Treatment history' });
  await expect(history).toContainText('Partial');
  await expect(history).toContainText('1 trial has no source document');

  const letterItem = page.getByRole('listitem', { name: "Physician's letter of medical necessity" });
  await expect(letterItem).toContainText('Missing');
  await letterItem.getByRole('button', { name: /^Link document/ }).click();
  const picker = page.getByRole('dialog', { name: /Link a document to/ });
  await picker.getByRole('radio', { name: /Letter of medical necessity\.txt/ }).check();
  await picker.getByLabel('Note (optional)').fill('Signed, dated 2025-07-01');
  await picker.getByRole('button', { name: 'Link', exact: true }).click();
  await expect(picker).toBeHidden();
  await expect(letterItem).toContainText('Done');
  await expect(letterItem).toContainText('Letter of medical necessity.txt');
  // 2 of 13: 15%.
  await expect(readiness).toHaveAttribute('aria-valuenow', '15');

  const recordsItem = page.getByRole('listitem', { name: 'Medical records' });
  await recordsItem.getByRole('button', { name: /^Link document/ }).click();
  await page
    .getByRole('dialog', { name: /Link a document to/ })
    .getByRole('radio', { name: /Pharmacy fill history\.txt/ })
    .check();
  await page
    .getByRole('dialog', { name: /Link a document to/ })
    .getByRole('button', { name: 'Link', exact: true })
    .click();
  await expect(recordsItem).toContainText('Done');
  // 3 of 13: 23%.
  await expect(readiness).toHaveAttribute('aria-valuenow', '23');

  // Not applicable needs a reason, said at the field.
  const secondOpinion = page.getByRole('listitem', { name: 'Expert or second opinions' });
  await secondOpinion.getByRole('button', { name: /^Status… of/ }).click();
  const statusDialog = page.getByRole('dialog', { name: /Status of/ });
  await statusDialog.getByLabel('Not applicable').check();
  await statusDialog.getByRole('button', { name: 'Save status' }).click();
  await expect(statusDialog.getByText('Say why this item does not apply')).toBeVisible();
  await statusDialog.getByLabel('Reason').fill('The payer’s policy does not ask for a second opinion.');
  await statusDialog.getByRole('button', { name: 'Save status' }).click();
  await expect(secondOpinion).toContainText('Not applicable (set by hand)');
  // 3 of 12: 25%.
  await expect(readiness).toHaveAttribute('aria-valuenow', '25');

  await page.getByLabel('Treatment site and pharmacy REMS-certified: answer').selectOption('yes');
  await expect(page.getByLabel('Treatment site and pharmacy REMS-certified: answer')).toHaveValue('yes');
  await page.setViewportSize({ width: 1280, height: 2600 });
  await shot(page, 'evidence-03-readiness-and-checklist', 'Evidence');
  await page.setViewportSize({ width: 1280, height: 800 });
  await shot(page, 'evidence-04-clinical-facts', 'facts-title');

  // The caseload shows each case's readiness and sorts by it.
  await page.getByRole('link', { name: 'Caseload' }).first().click();
  await expect(page.getByRole('columnheader', { name: /Readiness/ })).toBeVisible();
  const row = page.getByRole('row', { name: /Rosa Delgado/ });
  await page.getByRole('columnheader', { name: /Readiness/ }).click();
  await expect(page.getByRole('columnheader', { name: /Readiness/ })).toHaveAttribute(
    'aria-sort',
    'ascending',
  );
  await expect(row.getByRole('meter', { name: 'Evidence readiness' })).toHaveAttribute('aria-valuenow', '25');
  await expect(row).toContainText('25%');
  await app.screenshot('evidence-05-caseload');
});
