import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base, type Page } from '@playwright/test';
import { startHarnessProcess } from './harness-process';

type RunningApp = {
  readonly url: string;
  readonly dataDirectory: string;
  /** Saves a full-window screenshot under e2e/screenshots/ for a person to look at. */
  screenshot(name: string): Promise<void>;
};

/** The passphrase of a store made with `demoClients` (as `npm run demo` uses). */
export const demoPassphrase = 'demo passphrase only';

/**
 * Starts the built web harness, out/web/index.js (what `npm run web` runs), on a fresh data folder
 * for each test. With `test.use({ demoClients: N })` the folder first gets the demo caseload of N
 * invented clients, locked with `demoPassphrase`, so a spec sees a full caseload as `npm run demo`
 * shows it.
 */
export const test = base.extend<{
  app: RunningApp;
  demoClients: number;
  harnessEnvironment: Readonly<Record<string, string>>;
}>({
  demoClients: [0, { option: true }],
  /** More environment for the harness (e.g. ADVOCASE_BACKUP_DIR), set with test.use(). */
  harnessEnvironment: [{}, { option: true }],
  app: async ({ page, demoClients, harnessEnvironment }, use, testInfo) => {
    const dataDirectory = mkdtempSync(join(tmpdir(), 'advocase-e2e-'));
    if (demoClients > 0) seedDemoStore(dataDirectory, demoClients);
    const harness = await startHarnessProcess({ ...harnessEnvironment, ADVOCASE_DATA_DIR: dataDirectory });
    await use({
      url: harness.url,
      dataDirectory,
      screenshot: (name) => saveScreenshot(page, name),
    });
    if (testInfo.status !== testInfo.expectedStatus) {
      await testInfo.attach('web-harness.log', { body: harness.output.join(''), contentType: 'text/plain' });
    }
    await harness.stop();
    rmSync(dataDirectory, { recursive: true, force: true });
  },
});

function seedDemoStore(dataDirectory: string, clientCount: number): void {
  const seeded = spawnSync(
    join('node_modules', '.bin', 'tsx'),
    [join('e2e', 'support', 'seed-demo-store.ts'), dataDirectory, String(clientCount), demoPassphrase],
    { encoding: 'utf8' },
  );
  if (seeded.status !== 0) throw new Error(`The demo caseload was not made:\n${seeded.stderr}`);
}

export async function saveScreenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join('e2e', 'screenshots', `${name}.png`), fullPage: true });
}

export { expect } from '@playwright/test';
