import type { Page } from '@playwright/test';
import { completeFirstRun } from './support/app-steps';
import { expect, test } from './support/web-harness-fixture';

const passphrase = 'granite meadow copper violin';

async function setUp(page: Page, url: string): Promise<void> {
  await completeFirstRun(page, url, passphrase);
  await expect(page.getByRole('heading', { name: 'Caseload' })).toBeVisible();
}

test('Advocase locks itself after the idle time the user chose', async ({ page, app }) => {
  await page.clock.install();
  await setUp(page, app.url);

  await page.getByRole('button', { name: 'Settings' }).click();
  const settings = page.getByRole('dialog', { name: 'Settings' });
  const autoLock = settings.getByLabel('Lock after this many minutes without use');
  await expect(autoLock).toHaveValue('15');
  await autoLock.fill('0');
  await settings.getByRole('button', { name: 'Save auto-lock' }).click();
  await expect(settings.getByRole('alert')).toHaveText('Auto-lock must be at least 1 minute.');
  await autoLock.fill('5');
  await settings.getByRole('button', { name: 'Save auto-lock' }).click();
  await expect(page.getByRole('status')).toHaveText('Advocase now locks after 5 minutes without use.');
  await app.screenshot('09-settings');
  await settings.getByRole('button', { name: 'Close' }).click();

  await page.clock.fastForward('04:00');
  await expect(page.getByRole('heading', { name: 'Caseload' })).toBeVisible();
  await page.clock.fastForward('01:30');
  await expect(page.getByRole('heading', { name: 'Unlock Advocase' })).toBeVisible();
  await app.screenshot('10-auto-locked');
});

test('the passphrase is changed from Settings; the old one stops working', async ({ page, app }) => {
  await setUp(page, app.url);
  await page.getByRole('button', { name: 'Settings' }).click();
  const settings = page.getByRole('dialog', { name: 'Settings' });
  await settings.getByLabel('Current passphrase').fill('not my passphrase');
  await settings.getByLabel('New passphrase').fill('silver orchard paper kite');
  await settings.getByLabel('Type it again').fill('silver orchard paper kite');
  await settings.getByRole('button', { name: 'Change passphrase' }).click();
  await expect(settings.getByRole('alert')).toHaveText('The current passphrase is wrong.');

  await settings.getByLabel('Current passphrase').fill(passphrase);
  await settings.getByRole('button', { name: 'Change passphrase' }).click();
  await expect(page.getByRole('status')).toHaveText('Passphrase changed. Your recovery key still works.');

  await page.getByRole('button', { name: 'Lock' }).click();
  await page.getByLabel('Passphrase').fill(passphrase);
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(page.getByRole('alert')).toHaveText('Wrong passphrase.');
  await page.getByLabel('Passphrase').fill('silver orchard paper kite');
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(page.getByRole('heading', { name: 'Caseload' })).toBeVisible();
});
