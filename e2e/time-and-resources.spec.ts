import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { backToCaseloadFromNewCase, callHarness, completeFirstRun } from './support/app-steps';
import { screenshotBothSizes } from './support/screenshot-both-sizes';
import { expect, test } from './support/web-harness-fixture';

const passphrase = 'copper window river 58';

async function setUpWithOneCase(page: Page, url: string): Promise<void> {
  await completeFirstRun(page, url, passphrase);
  // The button rather than its N shortcut: right after the first run the shortcut can arrive
  // before the page has put focus where shortcuts are heard (it ran out in CI once).
  await page.getByRole('banner').getByRole('button', { name: 'New case' }).click();
  const dialog = page.getByRole('dialog', { name: 'New case' });
  await dialog.getByLabel('Full name').fill('Lena Ortiz');
  await dialog.getByLabel('Treatment').selectOption({ label: 'Esketamine (Spravato)' });
  await dialog.getByLabel('Payer').fill('Cigna');
  await dialog.getByRole('button', { name: 'Open case' }).click();
  await backToCaseloadFromNewCase(page, /Lena Ortiz/);
}

test('time a case, type in time, set rates and issue an invoice PDF', async ({ page, app }) => {
  const output = join('test-results', 'time-and-resources');
  mkdirSync(output, { recursive: true });
  await setUpWithOneCase(page, app.url);
  await page.evaluate("window.location.hash = '#/cases/1/time'");
  const panel = page.getByRole('region', { name: 'Time' });
  await expect(panel.getByText('No time recorded on this case yet.')).toBeVisible();
  await expect(panel.getByText('No hourly rate set: set one before you invoice.')).toBeVisible();
  await app.screenshot('time-01-empty');

  // T starts the one timer; it is kept in the encrypted store, so a lock does not lose it.
  await page.keyboard.press('t');
  const stop = page.getByRole('button', { name: /^Stop the timer \(running \d+:\d\d:\d\d\)$/ });
  await expect(stop).toBeVisible();
  await expect(page.getByRole('status')).toHaveText('Timer started on C-00001.');
  await page.getByRole('button', { name: 'Lock' }).click();
  await page.getByLabel('Passphrase').fill(passphrase);
  await page.getByRole('button', { name: 'Unlock' }).click();
  await page.evaluate("window.location.hash = '#/cases/1/time'");
  await expect(stop).toBeVisible();
  await expect(panel.getByText('Running', { exact: true })).toBeVisible();
  await app.screenshot('time-02-timer-running');

  // One timer at a time: another case shows where it runs instead of starting a second.
  await callHarness(app.url, 'cases.create', { clientId: 1, treatment: 'tms', payer: 'Cigna' });
  await page.evaluate("window.location.hash = '#/cases/2/time'");
  await expect(page.getByRole('link', { name: /Timer running on C-00001/ })).toBeVisible();
  await page.evaluate("window.location.hash = '#/cases/1/time'");
  await expect(stop).toBeVisible();

  await page.keyboard.press('t');
  const stopDialog = page.getByRole('dialog', { name: 'Stop the timer' });
  await stopDialog.getByLabel('What you did').fill('Reviewed denial letter and plan documents');
  await stopDialog.getByLabel('Minutes to keep').fill('-3');
  await stopDialog.getByRole('button', { name: 'Stop and save' }).click();
  await expect(stopDialog.getByText('Minutes cannot be negative.')).toBeVisible();
  await stopDialog.getByLabel('Minutes to keep').fill('50');
  await stopDialog.getByRole('button', { name: 'Stop and save' }).click();
  await expect(stopDialog).toBeHidden();
  await expect(page.getByRole('button', { name: 'Start timer' })).toBeVisible();

  // Typed-in time: a wrong entry says what is wrong by the field and keeps what was typed.
  await panel.getByRole('button', { name: 'Add time' }).click();
  const add = page.getByRole('dialog', { name: 'Add time' });
  await add.getByLabel('What you did').fill('Call with Cigna member services');
  await add.getByLabel('Start time').fill('10:00');
  await add.getByLabel('End time').fill('09:30');
  await add.getByRole('button', { name: 'Add time' }).click();
  await expect(add.getByText('The end time must be after the start time.', { exact: false })).toBeVisible();
  await expect(add.getByLabel('End time')).toHaveAttribute('aria-invalid', 'true');
  await app.screenshot('time-03-add-time-error');
  await add.getByLabel('Start time').fill('');
  await add.getByLabel('End time').fill('');
  await add.getByLabel(/^Minutes/).fill('7');
  await add.getByRole('button', { name: 'Add time' }).click();
  await expect(add).toBeHidden();

  await panel.getByRole('button', { name: 'Add time' }).click();
  await add.getByLabel('What you did').fill('Drafted the appeal');
  await add.getByLabel('Start time').fill('09:00');
  await add.getByLabel('End time').fill('10:01');
  await add.getByLabel(/^Hourly rate/).fill('95');
  await add.getByRole('button', { name: 'Add time' }).click();
  await expect(add).toBeHidden();

  await panel.getByRole('button', { name: 'Rates and rounding' }).click();
  const rates = page.getByRole('dialog', { name: 'Rates and rounding' });
  await rates.getByLabel(/^Hourly rate for Lena Ortiz/).fill('150');
  await rates.getByLabel(/^Default hourly rate/).fill('90');
  await expect(rates.getByLabel('Billing increment')).toHaveValue('6');
  await rates.getByRole('button', { name: 'Save rates' }).click();
  await expect(rates).toBeHidden();
  await expect(panel.getByText('New time is billed at')).toContainText('$150.00/h');
  await expect(panel.getByRole('row')).toHaveCount(4);
  await app.screenshot('time-04-entries');

  // 50 min → 0.9 h × $150 = $135; 7 → 0.2 h × $150 = $30; 61 → 1.1 h × $95 = $104.50.
  await panel.getByRole('button', { name: 'Invoice client…' }).click();
  const invoiceDialog = page.getByRole('dialog', { name: 'Invoice Lena Ortiz' });
  await expect(invoiceDialog.getByRole('row', { name: /Total/ })).toContainText('$269.50');
  await invoiceDialog.getByLabel('Your name or business name').fill('Rivera Patient Advocacy LLC');
  await invoiceDialog.getByLabel('Your address').fill('12 Elm Street, Suite 4\nAustin, TX 78701');
  await app.screenshot('time-05-invoice-dialog');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    invoiceDialog.getByRole('button', { name: 'Issue invoice and save PDF' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^invoice-INV-\d{4}-0001\.pdf$/);
  const pdfPath = join(output, 'invoice.pdf');
  await download.saveAs(pdfPath);
  const text = execFileSync('pdftotext', ['-layout', pdfPath, '-'], { encoding: 'utf8' });
  expect(text).toContain('Rivera Patient Advocacy LLC');
  expect(text).toMatch(/0\.90\s+\$150\.00\/h\s+\$135\.00/);
  expect(text).toMatch(/0\.20\s+\$150\.00\/h\s+\$30\.00/);
  expect(text).toMatch(/1\.10\s+\$95\.00\/h\s+\$104\.50/);
  expect(text).toMatch(/Total due\s+\$269\.50/);
  execFileSync('pdftoppm', [
    '-png',
    '-r',
    '60',
    '-f',
    '1',
    '-l',
    '1',
    pdfPath,
    join('e2e', 'screenshots', 'time-invoice-pdf'),
  ]);
  expect(existsSync(join('e2e', 'screenshots', 'time-invoice-pdf-1.png'))).toBe(true);

  await expect(page.getByRole('status')).toContainText(
    /Invoice INV-\d{4}-0001 issued for \$269\.50; its PDF was saved as invoice-INV-\d{4}-0001\.pdf \(not encrypted\)/,
  );
  await expect(panel.getByText(/^Invoiced INV-/)).toHaveCount(3);
  await expect(
    panel
      .getByRole('region', { name: 'Invoices to this client' })
      .getByRole('row', { name: /INV-.*\$269\.50.*Issued/ }),
  ).toBeVisible();
  await screenshotBothSizes(page, app, 'time-06-invoiced');
});

test('keep a resource directory: starter set, search, add, delete with undo, link to a case', async ({
  page,
  app,
}) => {
  await setUpWithOneCase(page, app.url);
  await page.getByRole('link', { name: 'Resources' }).click();
  await expect(page.getByText('Your resource directory is empty.')).toBeVisible();
  await app.screenshot('resources-01-empty');

  await page.getByRole('button', { name: 'Add the starter set' }).click();
  await expect(page.getByRole('status')).toContainText('starter entries');
  const list = page.getByRole('list', { name: 'Resources' });
  await expect(list.getByRole('listitem')).toHaveCount(9);
  await expect(list.getByText('Verify before use')).toHaveCount(9);
  await expect(list.getByText('1-866-444-3272')).toBeVisible();
  await app.screenshot('resources-02-starter-set');

  await page.getByRole('searchbox').fill('spravato');
  await expect(list.getByRole('listitem')).toHaveCount(2);
  await app.screenshot('resources-03-search');
  await page.getByRole('searchbox').fill('');

  await page.getByRole('button', { name: 'Add resource' }).click();
  const form = page.getByRole('dialog', { name: 'Add a resource' });
  await form.getByLabel('Name').fill('Texas Department of Insurance');
  await form.getByLabel('Kind').selectOption({ label: 'State insurance department' });
  await form.getByLabel(/^State/).selectOption('TX');
  await form.getByLabel(/^Website/).fill('tdi.texas.gov');
  await form.getByRole('button', { name: 'Add resource' }).click();
  await expect(form.getByText(/Website must be a full web address/)).toBeVisible();
  await app.screenshot('resources-04-form-error');
  await form.getByLabel(/^Website/).fill('https://www.tdi.texas.gov');
  await form.getByRole('button', { name: 'Add resource' }).click();
  await expect(form).toBeHidden();
  await expect(list.getByRole('listitem')).toHaveCount(10);

  await page.getByRole('button', { name: 'Delete Johnson & Johnson Patient Assistance Foundation' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Delete' }).click();
  await expect(list.getByRole('listitem')).toHaveCount(9);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(list.getByText('Johnson & Johnson Patient Assistance Foundation')).toBeVisible();

  await page.evaluate("window.location.hash = '#/cases/1/coverage'");
  const section = page.getByRole('region', { name: 'Resources on this case' });
  await section.getByRole('button', { name: 'Link a resource' }).click();
  const link = page.getByRole('dialog', { name: 'Link a resource to this case' });
  await link.getByLabel(/^Find/).fill('Texas');
  await link
    .getByLabel('Resource')
    .selectOption({ label: 'Texas Department of Insurance (State insurance department, TX)' });
  await link.getByLabel(/^Note on this case/).fill('Complaint filed about the delayed decision');
  await link.getByRole('button', { name: 'Link' }).click();
  await expect(section.getByText('On this case: Complaint filed about the delayed decision')).toBeVisible();
  await section.scrollIntoViewIfNeeded();
  await app.screenshot('resources-05-on-case');
});

test('a timer left running for hours is queried at unlock, and only the minutes worked are kept', async ({
  page,
  app,
}) => {
  // The page's clock is moved on three hours while the data is locked: the laptop slept.
  await page.clock.install();
  await setUpWithOneCase(page, app.url);
  await page.evaluate("window.location.hash = '#/cases/1/time'");
  await page.getByRole('button', { name: 'Start timer' }).click();
  await expect(page.getByRole('button', { name: /^Stop the timer/ })).toBeVisible();
  await page.getByRole('button', { name: 'Lock' }).click();
  await page.clock.fastForward('03:00:00');
  await page.getByLabel('Passphrase').fill(passphrase);
  await page.getByRole('button', { name: 'Unlock' }).click();

  const question = page.getByRole('dialog', { name: 'Stop the timer' });
  await expect(question).toContainText(/The timer has been running for 3 h/);
  await question.getByLabel('What you did').fill('Prepared the external review request');
  await question.getByLabel('Minutes to keep').fill('40');
  await app.screenshot('time-07-forgotten-timer');
  await question.getByRole('button', { name: 'Stop and save' }).click();
  await expect(question).toBeHidden();
  await page.evaluate("window.location.hash = '#/cases/1/time'");
  const panel = page.getByRole('region', { name: 'Time' });
  await expect(panel.getByRole('row', { name: /Prepared the external review request/ })).toContainText(
    '40 min',
  );
});
