import { expect, type Page } from '@playwright/test';
import { localToday } from '../../src/shared/schemas/fields';

/** Through the first-run screens: passphrase twice, recovery key confirmed, into the empty caseload. */
export async function completeFirstRun(page: Page, url: string, passphrase: string): Promise<void> {
  await page.goto(url);
  await page.getByLabel('Passphrase', { exact: true }).fill(passphrase);
  await page.getByLabel('Type it again').fill(passphrase);
  await page.getByRole('button', { name: 'Create encrypted store' }).click();
  await page.getByLabel('I have saved my recovery key somewhere safe.').check();
  await page.getByRole('button', { name: 'Continue to Advocase' }).click();
  // The first caseload waits for the new store's first calls; on a busy machine past the usual 10 s.
  await expect(page.getByRole('heading', { name: 'Caseload' })).toBeVisible({ timeout: 30_000 });
}

/** Calls a contract method over the web harness with the launch's token, for setup a test is not about. */
export async function callHarness(url: string, method: string, input: unknown): Promise<unknown> {
  const address = new URL(url);
  const token = /token=([\w-]+)/.exec(address.hash)?.[1] ?? '';
  const response = await fetch(`${address.origin}/api/${method}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
    body: JSON.stringify(input),
  });
  const result = (await response.json()) as { ok: boolean; value?: unknown; error?: { message: string } };
  if (!result.ok) throw new Error(`${method} failed: ${result.error?.message}`);
  return result.value;
}

/** YYYY-MM-DD of today plus `days` (negative: before today), on this computer's calendar, where the harness runs too. */
export function dayFromToday(days: number): string {
  const date = new Date();
  date.setDate(date.getDate() + days);
  return localToday(date);
}

/** Opens a store that already exists (one made with `demoClients`) and waits for the caseload. */
export async function unlockStore(page: Page, url: string, passphrase: string): Promise<void> {
  await page.goto(url);
  await page.getByLabel('Passphrase').fill(passphrase);
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(page.getByRole('heading', { name: 'Caseload' })).toBeVisible();
}

/**
 * After "Open case" in the New case dialog: the case's page opens; then back to the
 * caseload, where the new row is, for specs that go on from there.
 */
export async function backToCaseloadFromNewCase(page: Page, clientName: string | RegExp): Promise<void> {
  await expect(page.getByRole('heading', { level: 1, name: clientName })).toBeVisible();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Caseload' }).click();
  await expect(page.getByRole('row', { name: clientName })).toBeVisible();
}

/**
 * A case on a new coverage of the client's, linked to it (plus any other changes), made over the
 * harness for setup a test is not about.
 */
export async function createCaseWithCoverage(
  url: string,
  input: {
    readonly clientId: number;
    readonly payer: string;
    readonly planType: string;
    readonly networkType?: string;
    readonly treatment: string;
    readonly changes?: Readonly<Record<string, unknown>>;
  },
): Promise<{ caseId: number; coverageId: number }> {
  const { clientId, payer, planType, networkType, treatment, changes } = input;
  const coverage = (await callHarness(url, 'coverages.create', {
    clientId,
    payer,
    planType,
    ...(networkType === undefined ? {} : { networkType }),
  })) as { id: number };
  const opened = (await callHarness(url, 'cases.create', { clientId, treatment, payer })) as { id: number };
  await callHarness(url, 'cases.update', {
    caseId: opened.id,
    changes: { coverageId: coverage.id, ...changes },
  });
  return { caseId: opened.id, coverageId: coverage.id };
}
