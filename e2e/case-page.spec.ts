import type { Page } from '@playwright/test';
import { backToCaseloadFromNewCase, completeFirstRun } from './support/app-steps';
import { screenshotBothSizes as shootBothSizes } from './support/screenshot-both-sizes';
import { expect, test } from './support/web-harness-fixture';

const passphrase = 'harbor lantern meadow 77';

async function openCase(page: Page, fullName: string, treatment: string, payer: string): Promise<void> {
  await page.keyboard.press('n');
  const dialog = page.getByRole('dialog', { name: 'New case' });
  await dialog.getByLabel('Full name').fill(fullName);
  await dialog.getByLabel('Date of birth').fill('1988-09-14');
  await dialog.getByLabel('Treatment').selectOption({ label: treatment });
  await dialog.getByLabel('Payer').fill(payer);
  await dialog.getByRole('button', { name: 'Open case' }).click();
  await backToCaseloadFromNewCase(page, new RegExp(fullName));
}

test('a case from coverage to three logged calls, found again by payer, by reference and in its timeline', async ({
  page,
  app,
}) => {
  // A long walk through most of the case page: it took 57 s of the default 60 on a busy machine.
  test.setTimeout(120_000);
  await completeFirstRun(page, app.url, passphrase);
  await openCase(page, 'Imani Brooks', 'Esketamine (Spravato)', 'UnitedHealthcare');
  await openCase(page, 'Noah Ferris', 'TMS', 'Cigna');

  // A second case for a name already here offers that client rather than making a duplicate.
  await page.keyboard.press('n');
  const newCase = page.getByRole('dialog', { name: 'New case' });
  await newCase.getByLabel('Full name').fill('imani  brooks');
  const sameName = newCase.getByRole('note', { name: 'Clients with this name' });
  await expect(sameName).toContainText('A client with this name is already here. Is this case for them?');
  await shootBothSizes(page, app, '10b-new-case-same-name');
  await sameName.getByRole('button', { name: 'Use Imani Brooks (born Sep 14, 1988)' }).click();
  await expect(newCase.getByRole('radio', { name: 'Existing client' })).toBeChecked();
  await expect(newCase.getByRole('combobox', { name: 'Client', exact: true })).toHaveValue('1');
  // Another birth date is another person: no hint.
  await newCase.getByRole('radio', { name: 'New client' }).check();
  await newCase.getByLabel('Date of birth').fill('1990-01-01');
  await expect(sameName).toBeHidden();
  await page.keyboard.press('Escape');
  await expect(newCase).toBeHidden();
  await page.getByRole('row', { name: /Imani Brooks/ }).click();
  await expect(page.getByRole('heading', { name: /Imani Brooks/ })).toContainText(
    'Esketamine (Spravato) · UnitedHealthcare',
  );
  await expect(page.getByRole('note')).toContainText('No signed authorization on file');

  // Coverage, with bad input first: it is explained at the field and nothing typed is lost.
  await page.getByRole('link', { name: 'Coverage' }).click();
  await page.getByRole('button', { name: 'Add coverage' }).click();
  const coverage = page.getByRole('dialog', { name: 'Add coverage' });
  await coverage.getByLabel('Kind of plan').selectOption('employer-self-funded');
  await coverage.getByLabel('Payer', { exact: true }).fill('UnitedHealthcare');
  await coverage.getByLabel(/^Member ID/).fill('X'.repeat(500));
  await coverage.getByLabel(/^Effective date/).fill('2026-01-01');
  await coverage.getByLabel(/^End date/).fill('2025-06-30');
  await coverage.getByRole('button', { name: 'Save coverage' }).click();
  await expect(
    coverage.getByText('Member ID must be at most 64 characters (shorten it and try again).'),
  ).toBeVisible();
  await expect(coverage.getByText('End date is before the effective date. Check both dates.')).toBeVisible();
  await expect(coverage.getByLabel('Payer', { exact: true })).toHaveValue('UnitedHealthcare');
  await app.screenshot('11-coverage-errors');
  await coverage.getByLabel(/^Member ID/).fill('UHC-88431207');
  await coverage.getByLabel(/^End date/).fill('2026-12-31');
  await coverage.getByLabel(/^Deductible \(/).fill('2,000');
  // The case has no coverage yet: the new one is for this case unless the advocate says otherwise.
  await expect(coverage.getByRole('checkbox', { name: /^Use for this case/ })).toBeChecked();
  await coverage.getByRole('button', { name: 'Save coverage' }).click();
  await expect(coverage).toBeHidden();
  await expect(page.getByText('Member ID UHC-88431207')).toBeVisible();

  // A second plan (the spouse's) is added to the client without moving the case to it…
  await page.getByRole('button', { name: 'Add coverage' }).click();
  const second = page.getByRole('dialog', { name: 'Add coverage' });
  await second.getByLabel('Kind of plan').selectOption('employer-fully-insured');
  await second.getByLabel('Payer', { exact: true }).fill('Aetna');
  const useForCase = second.getByRole('checkbox', {
    name: 'Use for this case (instead of the coverage with UnitedHealthcare it uses now)',
  });
  await expect(useForCase).not.toBeChecked();
  await shootBothSizes(page, app, '11b-second-coverage');
  await second.getByRole('button', { name: 'Save coverage' }).click();
  await expect(second).toBeHidden();
  await expect(page.getByRole('status')).toContainText(
    'Coverage with Aetna saved; this case still uses UnitedHealthcare.',
  );
  await expect(page.getByLabel('Coverage for this case')).toHaveText(/UnitedHealthcare/);
  await expect(page.getByText('Member ID UHC-88431207')).toBeVisible();

  // …unless chosen, and then Undo takes the case back to the plan it used.
  await page.getByRole('button', { name: 'Add coverage' }).click();
  await second.getByLabel('Kind of plan').selectOption('employer-fully-insured');
  await second.getByLabel('Payer', { exact: true }).fill('Aetna Choice POS II');
  await useForCase.check();
  await second.getByRole('button', { name: 'Save coverage' }).click();
  await expect(page.getByRole('status')).toContainText(
    'Coverage with Aetna Choice POS II saved; this case now uses it instead of UnitedHealthcare.',
  );
  await expect(page.getByRole('heading', { level: 2, name: 'Aetna Choice POS II' })).toBeVisible();
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByText('Member ID UHC-88431207')).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'UnitedHealthcare' })).toBeVisible();

  // A provider, in network under this coverage.
  await page.getByRole('link', { name: 'Providers' }).click();
  await page.getByRole('button', { name: 'Add provider' }).click();
  const provider = page.getByRole('dialog', { name: 'Add a provider' });
  await provider.getByLabel('Name').fill('Dr. Amara Osei');
  await provider.getByLabel(/^NPI/).fill('1457390861');
  await provider.getByLabel(/^Specialty/).fill('Psychiatry');
  await provider.getByRole('button', { name: 'Save provider' }).click();
  await expect(page.getByLabel('Treating provider for this case')).toHaveValue('1');
  await page.getByLabel('Provider', { exact: true }).selectOption({ label: 'Dr. Amara Osei' });
  await page.getByRole('button', { name: 'Record status' }).click();
  await expect(page.getByRole('cell', { name: 'In network' })).toBeVisible();

  // Three calls, each with its rep and reference number, one keystroke away.
  await page.getByRole('link', { name: 'Timeline' }).click();
  const calls = [
    ['Tanya', 'UHC-0001', 'Prior authorization received; clinical review pending.'],
    ['Marcus', 'UHC-0002', 'Rep says a decision will come by Friday.'],
    ['Priya', 'UHC-0003', 'Denial issued; asked for the criteria used.'],
  ] as const;
  for (const [rep, reference, said] of calls) {
    await page.keyboard.press('c');
    const quickCall = page.getByRole('dialog', { name: 'Log a call' });
    await expect(quickCall.getByLabel(/^Rep name/)).toBeFocused();
    await page.keyboard.type(rep);
    await page.keyboard.press('Tab');
    await page.keyboard.type(reference);
    await quickCall.getByLabel('What was said').fill(said);
    if (rep === 'Marcus') {
      await quickCall.getByLabel(/^Follow-up promised/).fill('Decision promised by Friday');
      await quickCall.getByLabel(/^Follow-up due/).fill('2026-11-27');
    }
    await page.keyboard.press('Control+Enter');
    await expect(quickCall).toBeHidden();
  }
  await expect(page.getByRole('list').getByRole('article')).toHaveCount(3);
  await expect(page.getByText('Decision promised by Friday')).toBeVisible();
  await app.screenshot('12-case-timeline');

  await page.getByRole('searchbox', { name: 'Search this timeline' }).fill('UHC-0002');
  await expect(page.getByRole('list').getByRole('article')).toHaveCount(1);
  await expect(page.getByRole('list').getByRole('article')).toContainText('Marcus');
  await page.getByRole('searchbox', { name: 'Search this timeline' }).fill('');

  // The caseload, filtered to this payer, keeps only this case.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Caseload' }).click();
  await page.getByLabel(/^Filter by payer/).click();
  await page.getByRole('checkbox', { name: 'UnitedHealthcare' }).check();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('row', { name: /Imani Brooks/ })).toBeVisible();
  await expect(page.getByRole('row', { name: /Noah Ferris/ })).toHaveCount(0);
  await app.screenshot('15-caseload-filtered-to-payer');

  // Global search by a reference number finds the call and opens its case.
  await page.keyboard.press('Control+k');
  const palette = page.getByRole('dialog', { name: 'Search and actions' });
  await palette.getByRole('combobox').fill('UHC-0002');
  const found = palette.getByRole('option', { name: /Phone call · C-00001 · Imani Brooks/ });
  await expect(found).toBeVisible();
  await app.screenshot('16-search-by-reference');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: /Imani Brooks/ })).toBeVisible();

  // Undo takes back the last edit: the third call.
  await page.keyboard.press('Control+z');
  await expect(page.getByRole('status')).toContainText('Undone');
  await expect(page.getByRole('list').getByRole('article')).toHaveCount(2);
  await expect(page.getByText('UHC-0003')).toHaveCount(0);

  // A denial with its reason quoted; submissions warn until proof of delivery is recorded.
  await page.getByRole('button', { name: 'Add event' }).click();
  const addEvent = page.getByRole('dialog', { name: 'Add to the timeline' });
  await addEvent.getByLabel('What happened').selectOption('appeal_filed');
  await addEvent.getByLabel('Summary').fill('First-level appeal faxed with the letter of medical necessity.');
  await addEvent.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('No proof of delivery recorded.')).toBeVisible();

  // Codes from the pick lists or typed, urgency and the advocate: a bad code is refused at its list.
  await page.getByRole('button', { name: 'Edit details' }).click();
  const details = page.getByRole('dialog', { name: 'Case details' });
  await details.getByLabel('Add a procedure code from the list').selectOption('J0013');
  await details.getByLabel('Add a procedure code from the list').selectOption('G2083');
  await details.getByLabel('Add a diagnosis code from the list').selectOption('F33.2');
  await details.getByLabel('Type a diagnosis code').fill('F3');
  await details.getByLabel('Type a diagnosis code').press('Enter');
  await details.getByLabel(/^Assigned advocate/).fill('J. Rivera');
  await details.getByLabel(/^Urgent/).check();
  await details.getByRole('button', { name: 'Save details' }).click();
  await expect(details.getByRole('alert')).toHaveText(
    'Diagnosis codes: each code is 3 to 8 letters and digits.',
  );
  await app.screenshot('14-case-details');
  await details.getByRole('button', { name: 'Remove F3', exact: true }).click();
  await details.getByRole('button', { name: 'Save details' }).click();
  await expect(details).toBeHidden();
  await expect(page.getByText('J0013, G2083, F33.2')).toBeVisible();
  await expect(page.getByText(/· Urgent · Employer plan/)).toBeVisible();

  // The client page: record the authorization, and the case's warning goes away.
  await page
    .getByRole('heading', { name: /Imani Brooks/ })
    .getByRole('link', { name: 'Imani Brooks' })
    .click();
  await expect(page.getByText('UnitedHealthcare', { exact: true })).toBeVisible();
  await page.getByLabel('Signed on').fill('2026-11-01');
  await page.getByRole('button', { name: 'Record authorization' }).click();
  await expect(page.getByText(/Signed Nov 1, 2026/)).toBeVisible();
  await app.screenshot('13-client-page');
  await page.getByRole('link', { name: /C-00001/ }).click();
  await expect(page.getByRole('heading', { name: /Imani Brooks/ })).toBeVisible();
  await expect(page.getByRole('note')).toHaveCount(0);

  // Deleting asks first; the toast that follows offers Undo, which brings the case back.
  await page.getByRole('button', { name: 'Delete case…' }).click();
  const confirm = page.getByRole('dialog', { name: /Delete case C-00001/ });
  await expect(confirm).toContainText('You can restore it from the trash for 30 days');
  await confirm.getByRole('button', { name: 'Move to trash' }).click();
  await expect(page.getByRole('row', { name: /Imani Brooks/ })).toHaveCount(0);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByRole('row', { name: /Imani Brooks/ })).toBeVisible();
});
