import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import type { MethodInput, MethodName, MethodOutput } from '../src/shared/contract';
import { enterOutcomesFixture, type CallContract } from '../test/outcomes/outcomes-fixture';
import { callHarness, completeFirstRun, dayFromToday } from './support/app-steps';
import { expect, test } from './support/web-harness-fixture';

const passphrase = 'harbor lantern quiet maple 77';
// The dashboard scrolls inside the window: a tall one puts all of it in each screenshot.
const tallWindow = { width: 1280, height: 2000 };

function callerFor(url: string): CallContract {
  return <M extends MethodName>(method: M, input: MethodInput<M>) =>
    callHarness(url, method, input) as Promise<MethodOutput<M>>;
}

function headlineCard(page: Page, label: string) {
  return page
    .getByRole('list', { name: 'Headline figures' })
    .getByRole('listitem')
    .filter({ hasText: label });
}

/** Downloads the funder report through its dialog, checks it is one page, and renders it for a person to look at. */
async function downloadFunderReport(page: Page, screenshotName: string): Promise<string> {
  await page.getByRole('button', { name: 'Funder report (PDF)' }).click();
  const dialog = page.getByRole('dialog', { name: 'Funder report' });
  await dialog.getByLabel('Organisation name').fill('Harbor Mental Health Navigators');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    dialog.getByRole('button', { name: 'Download PDF' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(
    /^outcomes-\d{4}-\d{2}-\d{2}-to-\d{4}-\d{2}-\d{2}-funder-report\.pdf$/,
  );
  const path = join(mkdtempSync(join(tmpdir(), 'advocase-funder-')), 'report.pdf');
  await download.saveAs(path);
  expect(execFileSync('pdfinfo', [path], { encoding: 'utf8' })).toMatch(/Pages:\s+1\n/);
  execFileSync('pdftoppm', [
    '-png',
    '-r',
    '60',
    '-singlefile',
    path,
    join('e2e', 'screenshots', screenshotName),
  ]);
  return execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
}

test('a denied case, its cost estimate and funding through their tabs: the dashboard counts them and the funder report shows them', async ({
  page,
  app,
}) => {
  const call = callerFor(app.url);
  await page.setViewportSize(tallWindow);
  await completeFirstRun(page, app.url, passphrase);

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Outcomes' }).click();
  await expect(page.getByRole('heading', { name: 'Outcomes' })).toBeVisible();
  await expect(page.getByText(/No cases in this period/)).toBeVisible();
  await app.screenshot('outcomes-01-empty');

  // A new case, through the app.
  await page.getByRole('button', { name: 'New case' }).first().click();
  const newCase = page.getByRole('dialog', { name: 'New case' });
  await newCase.getByLabel('Full name').fill('Marisol Vega');
  await newCase.getByLabel('State').selectOption('CA');
  await newCase.getByLabel('Treatment').selectOption({ label: 'Esketamine (Spravato)' });
  await newCase.getByLabel('Payer').fill('Aetna');
  await newCase.getByRole('button', { name: 'Open case' }).click();
  // The dialog closes once the case is saved; listing before then can find none.
  await expect(newCase).toBeHidden();
  const [opened] = await call('cases.list', {});
  // Setup outside this test's subject: the employer plan, the claim type and the advocate.
  const coverage = await call('coverages.create', {
    clientId: opened!.clientId,
    payer: 'Aetna',
    planType: 'employer-self-funded',
  });
  await call('cases.update', {
    caseId: opened!.id,
    changes: { coverageId: coverage.id, claimType: 'pre-service', assignedAdvocate: 'Rosa Diaz' },
  });

  // The denial, through the timeline form.
  await page.goto(`${new URL(app.url).origin}/#/cases/${opened!.id}/timeline`);
  await page.getByRole('button', { name: 'Add event' }).click();
  const eventDialog = page.getByRole('dialog', { name: 'Add to the timeline' });
  await eventDialog.getByLabel('What happened').selectOption({ label: 'Payer decision' });
  await eventDialog.getByLabel('Summary').fill('Spravato denied: not medically necessary');
  await eventDialog.getByLabel('Decision', { exact: true }).selectOption('denied');
  await eventDialog.getByLabel('Decision on').selectOption('0');
  await eventDialog.getByLabel('Date on the notice').fill(dayFromToday(-3));
  await eventDialog.getByLabel('Date it arrived').fill(dayFromToday(-1));
  await eventDialog.getByLabel('Stated reason (quote the notice)').fill('Not medically necessary.');
  await eventDialog.getByRole('button', { name: 'Save' }).click();
  await expect(eventDialog).toBeHidden();

  // The dashboard counts the decision: one denial, nothing saved yet.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Outcomes' }).click();
  await page.getByLabel('Period').selectOption({ label: 'Last 12 months' });
  // No case closed yet: no approval rate, rather than 0 % for a case still being fought.
  await expect(headlineCard(page, 'Approval rate')).toContainText('—');
  await expect(headlineCard(page, 'Approval rate')).toContainText('0 of 0 closed cases the payer answered');
  await expect(headlineCard(page, 'Clients served')).toContainText('1');
  await expect(headlineCard(page, 'Money saved for clients')).toContainText('$0');
  // The decision charts count payer decisions, not cases, and say so under their titles.
  await expect(page.getByRole('region', { name: 'Payer decisions approved, by appeal level' })).toContainText(
    'Each payer decision counts, not each case: Initial decision 0 of 1 approved.',
  );

  // The cost estimate on the case's Costs tab: six induction sessions at $900 charged, $600
  // allowed out of network, $800 self-pay; out of network a $1,000 deductible, 40 % coinsurance.
  await page.goto(`${new URL(app.url).origin}/#/cases/${opened!.id}/timeline`);
  await page.getByRole('link', { name: 'Costs', exact: true }).click();
  const course = page.getByRole('group', { name: 'Course of treatment' });
  await course.getByLabel('Induction sessions').fill('6');
  await course.getByLabel('Maintenance sessions per month').fill('0');
  await course.getByLabel('Months of maintenance').fill('0');
  const prices = page.getByRole('group', { name: 'Price per session' });
  await prices.getByLabel('Out-of-network charge').fill('$900.00');
  await prices.getByLabel('Out-of-network allowed amount').fill('$600.00');
  await prices.getByLabel('Self-pay price').fill('$800.00');
  const outOfNetwork = page.getByRole('group', { name: 'Out of network' });
  await outOfNetwork.getByLabel('The plan pays something out of network').check();
  await outOfNetwork.getByLabel('Deductible', { exact: true }).fill('1,000');
  await outOfNetwork.getByLabel('Deductible met').fill('0');
  await outOfNetwork.getByLabel('Coinsurance %').fill('40');
  await outOfNetwork.getByLabel('Out-of-pocket maximum').fill('5,000');
  await outOfNetwork.getByLabel('Out-of-pocket met').fill('0');
  await page.getByRole('button', { name: 'Save and estimate' }).click();
  const scenarios = page.getByRole('table', { name: 'What the client would pay' });
  // Self-pay: 6 × $800. Out of network: the $1,000 deductible, 40 % of the other $2,600 allowed
  // ($1,040), and the $300 a session above the allowed amount the clinic may bill (6 × $300).
  await expect(scenarios.getByRole('row', { name: /^Self-pay/ })).toContainText('$4,800.00');
  await expect(scenarios.getByRole('row', { name: /^Out of network with superbill/ })).toContainText(
    '$3,840.00',
  );
  await app.screenshot('outcomes-costs-estimate');

  // Two funding options on the case's Funding tab; only the granted one is money saved.
  await page.getByRole('link', { name: 'Funding', exact: true }).click();
  await page.getByRole('button', { name: 'Add funding option' }).click();
  let fundingDialog = page.getByRole('dialog', { name: 'Add a funding option' });
  await fundingDialog.getByLabel('Type').selectOption({ label: 'Nonprofit grant' });
  await fundingDialog.getByLabel('Program name').fill('Ketamine access grant');
  await fundingDialog.getByLabel('Status').selectOption({ label: 'Granted' });
  await fundingDialog.getByLabel('Decided on').fill(dayFromToday(0));
  await fundingDialog.getByLabel('Amount granted').fill('3,000');
  await fundingDialog.getByRole('button', { name: 'Add option' }).click();
  await expect(fundingDialog).toBeHidden();
  await page.getByRole('button', { name: 'Add funding option' }).click();
  fundingDialog = page.getByRole('dialog', { name: 'Add a funding option' });
  await fundingDialog.getByLabel('Type').selectOption({ label: 'Manufacturer support program' });
  await fundingDialog.getByLabel('Program name').fill('Spravato withMe');
  await fundingDialog.getByLabel('Status').selectOption({ label: 'Pending' });
  await fundingDialog.getByLabel('Amount requested').fill('1,500');
  await fundingDialog.getByRole('button', { name: 'Add option' }).click();
  await expect(fundingDialog).toBeHidden();
  const fundingOptions = page.getByRole('table', { name: 'Funding options' });
  await expect(fundingOptions.getByRole('row', { name: /Ketamine access grant/ })).toContainText('Granted');
  await expect(fundingOptions.getByRole('row', { name: /Spravato withMe/ })).toContainText('Pending');
  await expect(page.getByTestId('funding-total-granted')).toHaveText('$3,000.00');
  await app.screenshot('outcomes-funding-tab');

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Outcomes' }).click();
  await page.getByLabel('Period').selectOption({ label: 'Last 12 months' });
  const moneySaved = headlineCard(page, 'Money saved for clients');
  await expect(moneySaved).toContainText('$3,000');
  await expect(moneySaved).toContainText('$0 on cases · $3,000 funding granted');
  await expect(headlineCard(page, 'Approval rate')).toContainText('0 of 0 closed cases the payer answered');
  await app.screenshot('outcomes-02-one-case');

  // What "money saved" counts, one click away.
  await moneySaved.getByLabel('How "Money saved for clients" is counted').click();
  await expect(moneySaved.getByText(/plus the amounts of funding options/)).toBeVisible();
  await app.screenshot('outcomes-03-definition');
  await page.keyboard.press('Escape');

  // The numbers behind a chart, as a table.
  const byPayer = page.getByRole('region', { name: 'Payer decisions approved, by payer' });
  await byPayer.getByRole('button', { name: 'Table' }).click();
  await expect(byPayer.getByRole('row', { name: /Aetna/ })).toContainText('0.0%');

  // CSV of the same figures.
  const [csvDownload] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export CSV' }).click(),
  ]);
  const csv = readFileSync(await csvDownload.path(), 'utf8');
  expect(csv).toContain('Headline,Money saved for clients,Dollars,3000.00');
  expect(csv).toContain('Headline,Funding granted,Dollars,3000.00');
  expect(csv).not.toContain('Marisol');

  // The funder report: a name is required, said by the field.
  await page.getByRole('button', { name: 'Funder report (PDF)' }).click();
  const funderDialog = page.getByRole('dialog', { name: 'Funder report' });
  await funderDialog.getByRole('button', { name: 'Download PDF' }).click();
  await expect(funderDialog.getByText('Organisation name is required.')).toBeVisible();
  await funderDialog.getByRole('button', { name: 'Cancel' }).click();
  const text = await downloadFunderReport(page, 'outcomes-funder-report-one-case');
  expect(text).toContain('Harbor Mental Health Navigators');
  expect(text).toContain('$3,000');
  expect(text).toContain('incl. $3,000 funding granted');
  expect(text).toContain('0 of 1 payer decision');
  expect(text).not.toContain('Marisol');
  expect(text).not.toContain('Vega');
});

test('a year of cases: the dashboard agrees with the hand counts, by advocate too', async ({ page, app }) => {
  await page.setViewportSize(tallWindow);
  await completeFirstRun(page, app.url, passphrase);
  await enterOutcomesFixture(callerFor(app.url));

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Outcomes' }).click();
  await page.getByLabel('Period').selectOption({ label: 'Custom dates' });
  await page.getByLabel('From', { exact: true }).fill('2026-12-31');
  await page.getByLabel('To', { exact: true }).fill('2026-01-01');
  await expect(page.getByText('"From" is after "To". Check both dates.')).toBeVisible();
  await page.getByLabel('From', { exact: true }).fill('2026-01-01');
  await page.getByLabel('To', { exact: true }).fill('2026-12-31');

  // Hand counts: test/outcomes/outcomes-report.test.ts.
  await expect(headlineCard(page, 'Clients served')).toContainText('12');
  await expect(headlineCard(page, 'Clients served')).toContainText('14 cases worked');
  await expect(headlineCard(page, 'Approval rate')).toContainText('87.5%');
  await expect(headlineCard(page, 'Approval rate')).toContainText('7 of 8 closed cases the payer answered');
  await expect(headlineCard(page, 'Money saved for clients')).toContainText('$57,000');
  await expect(headlineCard(page, 'Your deadlines met')).toContainText('2 met · 2 missed');
  await expect(headlineCard(page, 'Intake to decision')).toContainText('20 days');
  const payers = page.getByRole('region', { name: 'Payer behaviour on your cases' });
  await expect(payers.getByRole('row', { name: /Cigna/ })).toContainText(
    'Experimental or investigational · on 2 denials',
  );
  await expect(payers.getByRole('row', { name: /Aetna/ })).toContainText(
    'Fax (800) 555-0101 · 2 deliveries with proof',
  );
  await app.screenshot('outcomes-04-year');

  await page.getByLabel('Advocate').selectOption('Rosa Diaz');
  await expect(headlineCard(page, 'Money saved for clients')).toContainText('$35,500');
  await expect(headlineCard(page, 'Clients served')).toContainText('7 cases worked');
  await app.screenshot('outcomes-05-one-advocate');

  await page.getByLabel('Advocate').selectOption('All advocates');
  await expect(headlineCard(page, 'Money saved for clients')).toContainText('$57,000');
  const text = await downloadFunderReport(page, 'outcomes-funder-report-year');
  expect(text).toContain('January 1, 2026 to December 31, 2026');
  expect(text).toContain('$57,000');
  // Locking (Ctrl+L) takes every record off the page, including the label the chart library left in
  // its hidden measuring span outside the app (docs/security.md §1).
  const onScreen = ['Cigna', 'Aetna', 'Esketamine', 'TMS', 'Experimental or investigational'];
  const pageText = await page.evaluate<string>('document.body.innerText');
  for (const record of onScreen) expect(pageText).toContain(record);
  await expect(page.locator('#recharts_measurement_span')).toHaveCount(1);
  await page.keyboard.press('Control+l');
  await expect(page.getByRole('heading', { name: 'Unlock Advocase' })).toBeVisible();
  await expect(page.locator('#recharts_measurement_span')).toHaveCount(0);
  const lockedText = await page.evaluate<string>('document.body.innerText');
  const lockedHtml = await page.evaluate<string>('document.documentElement.outerHTML');
  for (const record of onScreen) {
    expect(lockedText).not.toContain(record);
    expect(lockedHtml).not.toContain(record);
  }
});
