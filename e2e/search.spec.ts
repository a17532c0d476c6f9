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

test('Ctrl+K finds a call by its reference number, by keyboard alone', async ({ page, app }) => {
  await setUpWithOneCase(page, app.url);
  const [opened] = (await callHarness(app.url, 'cases.list', {})) as Array<{ id: number }>;
  for (const [minute, rep, reference] of [
    ['09:30', 'Derek Olsen', 'REF-20931'],
    ['10:05', 'Priya Shah', 'REF-20977'],
    ['11:40', 'Lena Ortiz', 'PA-55120'],
  ] as const) {
    await callHarness(app.url, 'events.add', {
      caseId: opened!.id,
      event: {
        type: 'phone_call',
        occurredAt: `2026-03-02T${minute}:00-05:00`,
        summary: `Called Aetna about the TMS request; spoke with ${rep}`,
        details: { direction: 'outbound', withWhom: 'Aetna', repName: rep, referenceNumber: reference },
      },
    });
  }

  await page.keyboard.press('Control+k');
  const palette = page.getByRole('dialog', { name: 'Search and actions' });
  const box = palette.getByRole('combobox', { name: 'Search clients, cases and timeline' });
  await expect(box).toBeFocused();
  await box.fill('REF-20931');
  const call = palette.getByRole('option', { name: /Phone call · C-00001 · Rosa Delgado/ });
  await expect(call).toBeVisible();
  await expect(palette.getByRole('option')).toHaveCount(1);
  await expect(call.locator('mark')).toHaveText('REF-20931');
  // The entry's day in the user's locale (the browser's is en-US), never as stored.
  await expect(call).toContainText('Mar 2, 2026');
  await expect(call).not.toContainText('2026-03-02');
  await expect(call).toHaveAttribute('aria-selected', 'true');
  await app.screenshot('search-01-reference-number');

  await page.keyboard.press('Enter');
  await expect(palette).toBeHidden();
  await expect.poll(() => new URL(page.url()).hash).toBe('#/cases/1/timeline');

  // Names: the client group comes first, arrows move through the options, Escape closes.
  await page.keyboard.press('Control+k');
  await box.fill('rosa del');
  const options = palette.getByRole('option');
  await expect(palette.getByRole('group', { name: 'Clients' })).toBeVisible();
  await expect(options.first()).toContainText('Rosa Delgado');
  await expect(options.first()).toContainText('Client');
  await page.keyboard.press('ArrowDown');
  await expect(options.nth(1)).toHaveAttribute('aria-selected', 'true');
  await expect(options.nth(1)).toContainText('C-00001 · Rosa Delgado');
  await app.screenshot('search-02-by-name');
  await page.keyboard.press('Escape');
  await expect(palette).toBeHidden();

  await page.keyboard.press('Control+k');
  await box.fill('Zebedee');
  await expect(palette.getByRole('status')).toHaveText(
    'Nothing found for “Zebedee”. Try a name, member ID or reference number.',
  );
});
