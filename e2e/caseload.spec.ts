import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { backToCaseloadFromNewCase, completeFirstRun } from './support/app-steps';
import { expect, test } from './support/web-harness-fixture';

const passphrase = 'caseload willow river 58';

async function setUp(page: Page, url: string): Promise<void> {
  await completeFirstRun(page, url, passphrase);
  await expect(page.getByRole('heading', { name: 'No cases yet' })).toBeVisible();
}

async function openCase(page: Page, fullName: string, treatment: string, payer: string): Promise<void> {
  await page.keyboard.press('n');
  const dialog = page.getByRole('dialog', { name: 'New case' });
  await dialog.getByLabel('Full name').fill(fullName);
  await dialog.getByLabel('Treatment').selectOption({ label: treatment });
  await dialog.getByLabel('Payer').fill(payer);
  await dialog.getByRole('button', { name: 'Open case' }).click();
  await expect(dialog).toBeHidden();
  await backToCaseloadFromNewCase(page, new RegExp(fullName));
}

const table = (page: Page) => page.getByTestId('caseload-table');
const clientNamesInOrder = (page: Page) =>
  table(page).locator('tbody tr[data-case-id] td:nth-child(3)').allInnerTexts();

test('filter to a payer, sort, open a case by keyboard, move cases to a stage, export the view', async ({
  page,
  app,
}) => {
  await setUp(page, app.url);
  await openCase(page, 'Rosa Delgado', 'TMS', 'Aetna');
  await openCase(page, 'Marcus Chen', 'IV ketamine', 'Cigna');
  await openCase(page, 'Aisha Bennett', 'Esketamine (Spravato)', 'Aetna');
  await openCase(page, 'Omar Haddad', 'TMS', 'Humana');
  await openCase(page, 'Leah Quinn', 'IV ketamine', 'Aetna');
  await expect(page.getByTestId('caseload-count')).toHaveText('5 cases');
  await expect(page.getByRole('button', { name: /^5\s*Intake$/ })).toBeVisible();

  // Filter to one payer.
  await page.getByLabel(/^Filter by payer/).click();
  await page.getByRole('checkbox', { name: 'Aetna' }).check();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('caseload-count')).toHaveText('3 cases match');
  await expect(table(page).locator('tbody tr[data-case-id]')).toHaveCount(3);
  await expect(page.getByRole('row', { name: /Marcus Chen/ })).toHaveCount(0);

  // Sort by client, then the other way.
  await page.getByRole('button', { name: /^Client/ }).click();
  await expect.poll(() => clientNamesInOrder(page)).toEqual(['Aisha Bennett', 'Leah Quinn', 'Rosa Delgado']);
  await page.getByRole('button', { name: /^Client/ }).click();
  await expect.poll(() => clientNamesInOrder(page)).toEqual(['Rosa Delgado', 'Leah Quinn', 'Aisha Bennett']);

  // Keyboard: "/" to the quick filter, down into the table, j to the second row, Enter opens it.
  await page.keyboard.press('/');
  await expect(page.getByRole('searchbox', { name: 'Filter cases' })).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(table(page)).toBeFocused();
  await page.keyboard.press('j');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: /Leah Quinn/ })).toBeVisible();
  expect(new URL(page.url()).hash).toMatch(/^#\/cases\/5\/timeline$/);

  // Back to the caseload: the filter and sort are as they were.
  await page.goBack();
  await expect(page.getByTestId('caseload-count')).toHaveText('3 cases match');
  await expect.poll(() => clientNamesInOrder(page)).toEqual(['Rosa Delgado', 'Leah Quinn', 'Aisha Bennett']);

  // Bulk: tick two cases, move them to the first internal appeal.
  await page.getByRole('checkbox', { name: 'Select C-00001' }).check();
  await page.getByRole('checkbox', { name: 'Select C-00003' }).check();
  const bulk = page.getByRole('region', { name: 'Bulk actions' });
  await expect(bulk).toContainText('2 cases selected');
  await bulk.getByLabel('New stage').selectOption({ label: 'Internal appeal 1' });
  await bulk.getByRole('button', { name: 'Change stage' }).click();
  await expect(page.getByRole('status')).toHaveText('2 cases moved to Internal appeal 1.');
  // An edit: the toast offers to undo it.
  await expect(page.getByRole('button', { name: 'Undo', exact: true })).toBeVisible();
  await expect(page.getByRole('row', { name: /Rosa Delgado/ })).toContainText('Internal appeal 1');
  await expect(page.getByRole('row', { name: /Aisha Bennett/ })).toContainText('Internal appeal 1');
  await expect(page.getByRole('row', { name: /Leah Quinn/ })).toContainText('Intake');
  await expect(page.getByRole('button', { name: /^2\s*Internal appeal 1$/ })).toBeVisible();

  // Export the view and read the file back.
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export CSV' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^caseload-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = readFileSync(await download.path(), 'utf8');
  const lines = csv.trimEnd().split('\r\n');
  expect(lines[0]).toBe('Case,Client,Treatment,Payer,Stage,Priority,Next deadline,Readiness,Advocate,Opened');
  expect(lines.slice(1).map((line) => line.split(',').slice(0, 5).join(','))).toEqual([
    'C-00001,Rosa Delgado,TMS,Aetna,Internal appeal 1',
    'C-00005,Leah Quinn,IV ketamine,Aetna,Intake',
    'C-00003,Aisha Bennett,Esketamine (Spravato),Aetna,Internal appeal 1',
  ]);
  await expect(page.getByRole('status')).toContainText('Exported 3 cases to caseload-');
  // Not an edit: an Undo here would take back the stage change above, which nothing asked for.
  await expect(page.getByRole('button', { name: 'Undo', exact: true })).toHaveCount(0);

  // A stage count is a filter too.
  await page.getByRole('button', { name: /Internal appeal 1$/ }).click();
  await expect(page.getByTestId('caseload-count')).toHaveText('2 cases match');
  await app.screenshot('caseload-filtered-sorted');
});

test('after unlock, and back from a case, the caseload asks for its first page once', async ({
  page,
  app,
}) => {
  await setUp(page, app.url);
  await openCase(page, 'Rosa Delgado', 'TMS', 'Aetna');
  const firstPageAsks: number[] = [];
  page.on('request', (request) => {
    if (!request.url().endsWith('/api/caseload.query')) return;
    const input = request.postDataJSON() as { offset: number };
    if (input.offset === 0) firstPageAsks.push(Date.now());
  });

  // Lock and unlock: the header's counts and the table share one read of the first page.
  await page.keyboard.press('Control+l');
  await page.getByLabel('Passphrase').fill(passphrase);
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(page.getByRole('row', { name: /Rosa Delgado/ })).toBeVisible();
  // Past the moment the trash purge runs after unlock (3 s), which re-reads only when it removed something.
  await page.waitForTimeout(4000);
  expect(firstPageAsks).toHaveLength(1);

  // Open the case and come back: one fresh read, not one per part of the screen.
  firstPageAsks.length = 0;
  await page.getByRole('row', { name: /Rosa Delgado/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Rosa Delgado/ })).toBeVisible();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Caseload' }).click();
  await expect(page.getByRole('row', { name: /Rosa Delgado/ })).toBeVisible();
  await page.waitForTimeout(1000);
  expect(firstPageAsks).toHaveLength(1);
});

test('after unlock, the first page is asked for before the banner, the filter choices and the timer check', async ({
  page,
  app,
}) => {
  await setUp(page, app.url);
  await openCase(page, 'Rosa Delgado', 'TMS', 'Aetna');
  const sent: string[] = [];
  page.on('request', (request) => {
    const method = /\/api\/([\w.]+)$/.exec(request.url())?.[1];
    if (method) sent.push(method);
  });

  // The core answers one call at a time: what only decorates the screen waits for its rows.
  await page.keyboard.press('Control+l');
  await page.getByLabel('Passphrase').fill(passphrase);
  sent.length = 0;
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(page.getByRole('row', { name: /Rosa Delgado/ })).toBeVisible();
  const decorations = ['deadlines.reminderSummary', 'caseload.filterOptions', 'time.running'];
  await expect.poll(() => decorations.filter((method) => sent.includes(method))).toEqual(decorations);
  const firstPage = sent.indexOf('caseload.query');
  expect(firstPage).toBeGreaterThanOrEqual(0);
  for (const method of decorations) expect(sent.indexOf(method)).toBeGreaterThan(firstPage);

  // And they still arrive: the payer filter offers the case's payer.
  await page.getByLabel(/^Filter by payer/).click();
  await expect(page.getByRole('checkbox', { name: 'Aetna' })).toBeVisible();
});

test('Escape in the quick filter clears it, and a second Escape goes back to the table', async ({
  page,
  app,
}) => {
  await setUp(page, app.url);
  await openCase(page, 'Rosa Delgado', 'TMS', 'Aetna');
  await openCase(page, 'Marcus Chen', 'IV ketamine', 'Cigna');
  const filter = page.getByRole('searchbox', { name: 'Filter cases' });
  await page.keyboard.press('/');
  await page.keyboard.type('ros');
  await expect(page.getByTestId('caseload-count')).toHaveText('1 case matches');
  await page.keyboard.press('Escape');
  await expect(filter).toHaveValue('');
  await expect(filter).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(table(page)).toBeFocused();
  // j and k now move in the table; they do not filter for "jjk".
  await page.keyboard.press('j');
  await page.keyboard.press('j');
  await page.keyboard.press('k');
  await expect(filter).toHaveValue('');
  await expect(page.getByTestId('caseload-count')).toHaveText('2 cases');
});
