import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';

/** The Electron binary's path if it was downloaded; looking must not trigger a download. */
function installedElectronBinary(): string | null {
  const packageDirectory = dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  const pathFile = join(packageDirectory, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = join(packageDirectory, 'dist', readFileSync(pathFile, 'utf8'));
  return existsSync(binary) ? binary : null;
}

const electronBinary = installedElectronBinary();
if (!electronBinary) {
  process.stdout.write(
    'Electron smoke test skipped: no Electron binary is installed on this machine (it could not be downloaded).\n',
  );
}

test('the desktop app launches, unlocks and shows the caseload', async () => {
  test.skip(!electronBinary, 'No Electron binary on this machine: it could not be downloaded.');
  const dataDirectory = mkdtempSync(join(tmpdir(), 'advocase-electron-'));
  const app = await electron.launch({
    executablePath: electronBinary!,
    args: ['.'],
    env: { ...process.env, ADVOCASE_DATA_DIR: dataDirectory },
  });
  try {
    const window = await app.firstWindow();
    await window.getByLabel('Passphrase', { exact: true }).fill('electron smoke passphrase');
    await window.getByLabel('Type it again').fill('electron smoke passphrase');
    await window.getByRole('button', { name: 'Create encrypted store' }).click();
    await window.getByLabel('I have saved my recovery key somewhere safe.').check();
    await window.getByRole('button', { name: 'Continue to Advocase' }).click();
    await window.getByRole('button', { name: 'Lock' }).click();
    await window.getByLabel('Passphrase').fill('electron smoke passphrase');
    await window.getByRole('button', { name: 'Unlock' }).click();
    await expect(window.getByRole('heading', { name: 'Caseload' })).toBeVisible();
  } finally {
    await app.close();
    rmSync(dataDirectory, { recursive: true, force: true });
  }
});
