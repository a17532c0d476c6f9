import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { callHarness, completeFirstRun } from './support/app-steps';
import { screenshotBothSizes } from './support/screenshot-both-sizes';
import { expect, test } from './support/web-harness-fixture';

const passphrase = 'maple harbor quiet lantern 42';
// The harness has no folder dialog: its backup folder comes from ADVOCASE_BACKUP_DIR (docs/security.md §2).
const backupFolder = mkdtempSync(join(tmpdir(), 'advocase-e2e-backups-'));
test.use({ harnessEnvironment: { ADVOCASE_BACKUP_DIR: backupFolder } });
// The second test restores the backup the first one wrote.
test.describe.configure({ mode: 'serial' });

test('Settings → Backups: choose the folder, back up now, see it verified, check it', async ({
  page,
  app,
}) => {
  await completeFirstRun(page, app.url, passphrase);
  await callHarness(app.url, 'clients.create', { fullName: 'Backup Marker Person', state: 'CA' });
  await page.getByRole('button', { name: 'Settings' }).click();
  const backups = page.getByRole('group', { name: 'Backups' });
  await expect(backups.getByText('Backups are off: choose a folder')).toBeVisible();
  await expect(backups.getByRole('button', { name: 'Back up now' })).toBeDisabled();
  await backups.scrollIntoViewIfNeeded();
  await screenshotBothSizes(page, app, 'backup-settings-off');

  await backups.getByRole('button', { name: 'Choose folder…' }).click();
  await expect(backups.getByText(backupFolder)).toBeVisible();
  await backups.getByRole('button', { name: 'Back up now' }).click();
  await expect(backups.getByText(/^Last backup: today .+, .+, verified$/)).toBeVisible();
  await expect(backups.getByText('Backups are off')).toHaveCount(0);

  const files = readdirSync(backupFolder);
  expect(files).toHaveLength(1);
  expect(files[0]).toMatch(/^advocase-\d{4}-\d{2}-\d{2}-\d{6}\.advocase-backup$/);
  expect(readFileSync(join(backupFolder, files[0]!)).includes('Backup Marker Person')).toBe(false);

  await backups.getByRole('button', { name: /^Check the backup of / }).click();
  await expect(
    backups.getByText(
      'Backup checked: every byte and the database are intact. It holds 1 client, 0 cases and 0 documents.',
    ),
  ).toBeVisible();
  await backups.scrollIntoViewIfNeeded();
  await screenshotBothSizes(page, app, 'backup-settings');
});

test('first run on a new computer: restore from a backup, preview it, unlock it', async ({ page, app }) => {
  await page.goto(app.url);
  await expect(page.getByRole('heading', { name: 'Set up Advocase' })).toBeVisible();
  await screenshotBothSizes(page, app, 'first-run-restore-option');
  await page.getByRole('button', { name: 'Restore from a backup' }).click();
  await expect(page.getByRole('heading', { name: 'Restore from a backup' })).toBeVisible();
  await page.getByRole('button', { name: /^Restore the backup of / }).click();

  await page.getByLabel('Passphrase of the backup').fill('not the right passphrase');
  await page.getByRole('button', { name: 'Check backup' }).click();
  await expect(page.getByText('That passphrase does not open this backup.', { exact: false })).toBeVisible();

  await page.getByLabel('Passphrase of the backup').fill(passphrase);
  await page.getByRole('button', { name: 'Check backup' }).click();
  const preview = page.getByRole('definition');
  await expect(page.getByText('The backup passed every check. It holds:')).toBeVisible();
  await expect(preview.nth(1)).toHaveText('1');
  await expect(preview.nth(2)).toHaveText('0');
  await screenshotBothSizes(page, app, 'restore-preview');

  await page.getByRole('button', { name: 'Restore this backup' }).click();
  await page.getByLabel('Passphrase').fill(passphrase);
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(page.getByRole('heading', { name: 'Caseload' })).toBeVisible();
  const clients = await callHarness(app.url, 'clients.list', {});
  expect(JSON.stringify(clients)).toContain('Backup Marker Person');
});

test('restore on this computer from Settings: preview with a warning, the current data kept aside', async ({
  page,
  app,
}) => {
  await completeFirstRun(page, app.url, passphrase);
  await callHarness(app.url, 'clients.create', { fullName: 'Only On This Computer', state: 'NY' });
  await page.getByRole('button', { name: 'Settings' }).click();
  const restore = page.getByRole('group', { name: 'Restore from a backup' });
  await page.getByRole('group', { name: 'Backups' }).getByRole('button', { name: 'Restore…' }).click();
  await restore
    .getByRole('button', { name: /^Restore the backup of / })
    .first()
    .click();
  await restore.getByLabel('Recovery key').check();
  await restore.getByLabel('Recovery key of the backup').fill('AAAA-BBBB-CCCC-DDDD');
  await restore.getByRole('button', { name: 'Check backup' }).click();
  await expect(
    restore.getByText('That recovery key does not open this backup.', { exact: false }),
  ).toBeVisible();
  await restore.getByLabel('Passphrase', { exact: true }).check();
  await restore.getByLabel('Passphrase of the backup').fill(passphrase);
  await restore.getByRole('button', { name: 'Check backup' }).click();
  await expect(
    restore.getByText('Your current data is moved to a folder beside it', { exact: false }),
  ).toBeVisible();
  await restore.scrollIntoViewIfNeeded();
  await screenshotBothSizes(page, app, 'restore-preview-in-settings');

  await restore.getByRole('button', { name: 'Restore this backup' }).click();
  await expect(page.getByRole('heading', { name: 'Unlock Advocase' })).toBeVisible();
  await expect(page.getByRole('dialog', { name: 'Settings' })).toHaveCount(0);
  await page.getByLabel('Passphrase').fill(passphrase);
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(page.getByRole('heading', { name: 'Caseload' })).toBeVisible();
  const clients = JSON.stringify(await callHarness(app.url, 'clients.list', {}));
  expect(clients).toContain('Backup Marker Person');
  expect(clients).not.toContain('Only On This Computer');
  const parent = join(app.dataDirectory, '..');
  const aside = readdirSync(parent).filter((name) =>
    name.startsWith(`${basename(app.dataDirectory)}-before-restore-`),
  );
  expect(aside).toHaveLength(1);
  expect(readdirSync(join(parent, aside[0]!))).toContain('advocase.db');
});
