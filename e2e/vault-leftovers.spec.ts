import { randomBytes } from 'node:crypto';
import { mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { completeFirstRun } from './support/app-steps';
import { expect, test } from './support/web-harness-fixture';

const passphrase = 'granite meadow copper violin';

test('Settings finds what an interrupted upload left, and removes it on request (docs/security.md §6)', async ({
  page,
  app,
}) => {
  await completeFirstRun(page, app.url, passphrase);
  await expect(page.getByRole('heading', { name: 'Caseload' })).toBeVisible();
  // An encrypted file moved into place by an upload whose record never committed (a crash).
  const storageId = randomBytes(16).toString('hex');
  const shard = join(app.dataDirectory, 'vault', 'objects', storageId.slice(0, 2));
  mkdirSync(shard, { recursive: true });
  writeFileSync(join(shard, storageId), randomBytes(4096));
  const twoHoursAgo = new Date(Date.now() - 2 * 60 * 60 * 1000);
  utimesSync(join(shard, storageId), twoHoursAgo, twoHoursAgo);

  await page.getByRole('button', { name: 'Settings' }).click();
  const settings = page.getByRole('dialog', { name: 'Settings' });
  await settings.getByRole('button', { name: 'Check every document' }).click();
  await expect(settings.getByText('Found 1 leftover of an interrupted upload')).toBeVisible();
  await settings.getByRole('button', { name: 'Remove leftovers' }).scrollIntoViewIfNeeded();
  for (const [width, height] of [
    [1280, 800],
    [1440, 900],
  ] as const) {
    await page.setViewportSize({ width, height });
    await app.screenshot(`vault-leftovers-${width}x${height}`);
  }
  await settings.getByRole('button', { name: 'Remove leftovers' }).click();
  await expect(settings.getByText('Removed 1 leftover of an interrupted upload.')).toBeVisible();
});
