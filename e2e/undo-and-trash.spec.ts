import type { Page } from '@playwright/test';
import { backToCaseloadFromNewCase, callHarness, completeFirstRun } from './support/app-steps';
import { expect, test } from './support/web-harness-fixture';

const passphrase = 'maple harbor quiet lantern 42';

/** First run through the screens, then one case opened with the New case dialog. */
async function setUpWithOneCase(page: Page, url: string, name = 'Rosa Delgado'): Promise<void> {
  await completeFirstRun(page, url, passphrase);
  await page.getByRole('button', { name: 'New case' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'New case' });
  await dialog.getByLabel('Full name').fill(name);
  await dialog.getByLabel('Date of birth').fill('1981-07-14');
  await dialog.getByLabel('Payer').fill('Aetna');
  await dialog.getByRole('button', { name: 'Open case' }).click();
  await backToCaseloadFromNewCase(page, new RegExp(name));
}

test('Ctrl+Z undoes the last edits one by one, then says there is nothing left', async ({ page, app }) => {
  await setUpWithOneCase(page, app.url);
  await callHarness(app.url, 'cases.update', { caseId: 1, changes: { stage: 'decision' } });
  // Leave the caseload and come back, so it reads the change made behind its back.
  await page.getByRole('link', { name: 'Agenda', exact: true }).click();
  await page.getByRole('link', { name: 'Caseload' }).click();
  const row = page.getByRole('row', { name: /Rosa Delgado/ });
  await expect(row).toContainText('Awaiting decision');

  await page.keyboard.press('Control+z');
  await expect(page.getByRole('status').filter({ hasText: 'Undone' })).toHaveText(
    'Undone: Changed stage of case C-00001.',
  );
  await expect(row).toContainText('Intake');
  await app.screenshot('undo-01-stage-change-undone');

  await page.keyboard.press('Control+z');
  await expect(page.getByRole('status').filter({ hasText: 'Undone' })).toHaveText(
    'Undone: Opened case C-00001.',
  );
  await expect(row).toHaveCount(0);
  await page.keyboard.press('Control+z');
  await expect(page.getByRole('status').filter({ hasText: 'Undone' })).toHaveText(
    'Undone: Added client Rosa Delgado.',
  );
  await page.keyboard.press('Control+z');
  await expect(page.getByRole('status').filter({ hasText: 'Nothing' })).toHaveText(
    'Nothing to undo: you have made no changes since you unlocked Advocase.',
  );
});

test('delete a case from the palette, confirm, and restore it from the trash', async ({ page, app }) => {
  await setUpWithOneCase(page, app.url);
  await page.evaluate("window.location.hash = '#/cases/1/timeline'");
  await page.keyboard.press('Control+k');
  const palette = page.getByRole('dialog', { name: 'Search and actions' });
  await palette.getByRole('combobox').fill('delete');
  await expect(palette.getByRole('option', { name: /Delete case C-00001 \(Rosa Delgado\)/ })).toBeVisible();
  await page.keyboard.press('Enter');

  const confirm = page.getByRole('dialog', { name: 'Delete case C-00001 (Rosa Delgado)?' });
  await expect(confirm).toContainText('You can restore it from the trash for 30 days');
  await app.screenshot('trash-01-confirm-delete');
  await confirm.getByRole('button', { name: 'Move to trash' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'trash' })).toHaveText(
    'Moved case C-00001 (Rosa Delgado) to the trash. You can restore it from the trash for 30 days.',
  );
  await expect.poll(() => new URL(page.url()).hash).toBe('#/caseload');
  await expect(page.getByRole('row', { name: /Rosa Delgado/ })).toHaveCount(0);

  await page.keyboard.press('Control+k');
  await palette.getByRole('combobox').fill('trash');
  await page.keyboard.press('Enter');
  const trash = page.getByRole('dialog', { name: 'Trash' });
  await expect(trash.getByRole('listitem')).toHaveCount(1);
  await expect(trash.getByRole('listitem')).toContainText('Case C-00001');
  await expect(trash.getByRole('listitem')).toContainText('Client: Rosa Delgado');
  await app.screenshot('trash-02-trash-dialog');
  await trash.getByRole('button', { name: 'Restore case Case C-00001' }).click();
  await expect(trash).toContainText('The trash is empty.');
  await page.keyboard.press('Escape');
  await expect(trash).toBeHidden();
  await expect(page.getByRole('row', { name: /Rosa Delgado/ })).toBeVisible();
});
