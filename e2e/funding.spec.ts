import { callHarness, completeFirstRun, createCaseWithCoverage, dayFromToday } from './support/app-steps';
import { expect, test } from './support/web-harness-fixture';

const passphrase = 'copper meadow silent harbor 17';

test('track two funding options, one granted; the renewal reaches the agenda; the tracks board shows every route', async ({
  page,
  app,
}) => {
  await completeFirstRun(page, app.url, passphrase);

  // Setup outside the test's subject: a commercially insured esketamine case with a denied prior authorization.
  const client = (await callHarness(app.url, 'clients.create', {
    fullName: 'Marisol Vega',
    dateOfBirth: '1986-09-14',
    state: 'OR',
  })) as { id: number };
  const { caseId } = await createCaseWithCoverage(app.url, {
    clientId: client.id,
    payer: 'Aetna',
    planType: 'employer-fully-insured',
    networkType: 'PPO',
    treatment: 'esketamine',
    changes: { claimType: 'pre-service' },
  });
  const opened = { id: caseId };
  await callHarness(app.url, 'events.add', {
    caseId: opened.id,
    event: {
      type: 'prior_auth_submitted',
      occurredAt: `${dayFromToday(-30)}T15:00:00Z`,
      summary: 'Prior authorization faxed with records',
      details: { method: 'fax' },
    },
  });
  await callHarness(app.url, 'events.add', {
    caseId: opened.id,
    event: {
      type: 'payer_decision',
      occurredAt: `${dayFromToday(-20)}T15:00:00Z`,
      summary: 'Denied: two antidepressant trials not documented',
      details: { decision: 'denied', level: 0, noticeDate: dayFromToday(-21), receivedOn: dayFromToday(-20) },
    },
  });

  await page.goto(`${new URL(app.url).origin}/#/cases/${opened.id}/funding`);
  await expect(page.getByText('No funding options tracked yet.')).toBeVisible();
  const checklist = page.getByRole('region', { name: 'Not yet considered' });
  const manufacturerLine = checklist
    .getByRole('listitem')
    .filter({ hasText: 'Manufacturer support program' });
  await expect(manufacturerLine.getByText('Likely', { exact: true })).toBeVisible();
  await expect(manufacturerLine).toContainText(
    'Esketamine with commercial coverage (Employer plan, fully insured, Aetna): SPRAVATO withMe / Janssen CarePath',
  );
  await expect(
    manufacturerLine.getByRole('link', { name: /SPRAVATO withMe patient support \(Janssen\)/ }),
  ).toHaveAttribute('href', 'https://spravatohcp.com/patient-support');
  await app.screenshot('funding-01-not-yet-considered');

  // The first option, from its checklist line: the type comes preset.
  await manufacturerLine.getByRole('button', { name: 'Add Manufacturer support program' }).click();
  let dialog = page.getByRole('dialog', { name: 'Add a funding option' });
  await expect(dialog.getByLabel('Type')).toHaveValue('manufacturer_program');
  await dialog.getByLabel('Program name').fill('SPRAVATO withMe');
  await dialog.getByLabel('Status').selectOption({ label: 'Granted' });
  await dialog.getByLabel('Applied on').fill(dayFromToday(-10));
  await dialog.getByLabel('Decided on').fill(dayFromToday(-2));
  await dialog.getByLabel('Renewal date').fill(dayFromToday(20));
  await dialog.getByLabel('Amount granted').fill('1,250');
  await dialog.getByRole('button', { name: 'Add option' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('funding-total-granted')).toHaveText('$1,250.00');
  await expect(manufacturerLine).toBeHidden();

  // The second, with a mistake first: an amount granted on an option not granted.
  await page.getByRole('button', { name: 'Add funding option' }).click();
  dialog = page.getByRole('dialog', { name: 'Add a funding option' });
  await dialog.getByLabel('Type').selectOption({ label: 'Hospital charity care' });
  await dialog.getByLabel('Program name').fill('Providence financial assistance');
  await dialog.getByLabel('Status').selectOption({ label: 'Applied' });
  await dialog.getByLabel('Applied on').fill(dayFromToday(-1));
  await dialog.getByLabel('Answer expected by').fill(dayFromToday(45));
  await dialog.getByLabel('Amount granted').fill('500');
  await dialog.getByRole('button', { name: 'Add option' }).click();
  const amountGranted = dialog.getByLabel('Amount granted');
  await expect(amountGranted).toHaveAttribute('aria-invalid', 'true');
  await expect(amountGranted).toHaveAccessibleDescription(
    'Amount granted is only for a granted option: set the status to Granted, or clear the amount.',
  );
  await app.screenshot('funding-02-error-by-the-field');
  await amountGranted.fill('');
  await dialog.getByRole('button', { name: 'Add option' }).click();
  await expect(dialog).toBeHidden();

  const options = page.getByRole('table', { name: 'Funding options' });
  await expect(options.getByRole('row', { name: /SPRAVATO withMe/ })).toContainText('Granted');
  await expect(options.getByRole('row', { name: /SPRAVATO withMe/ })).toContainText('$1,250.00');
  await expect(options.getByRole('row', { name: /Providence financial assistance/ })).toContainText(
    'Applied',
  );
  await expect(page.getByTestId('funding-total-granted')).toHaveText('$1,250.00');

  // "Not relevant" is remembered.
  await checklist.getByRole('button', { name: 'Crowdfunding: not relevant' }).click();
  await expect(checklist.getByText('Marked not relevant (1)')).toBeVisible();
  await page.reload();
  await page.getByLabel('Passphrase', { exact: true }).fill(passphrase);
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(
    page.getByRole('region', { name: 'Not yet considered' }).getByText('Marked not relevant (1)'),
  ).toBeVisible();
  await app.screenshot('funding-03-tab');

  // The renewal in 20 days is on the agenda, marked as the user's date.
  await page.getByRole('link', { name: 'Agenda' }).click();
  const renewalRow = page
    .getByRole('region', { name: /Next 30 days/ })
    .getByRole('row', { name: /A granted funding option renews/ });
  await expect(renewalRow).toContainText('Marisol Vega');

  // The board, from the case's Funding tab.
  await page.goto(`${new URL(app.url).origin}/#/cases/${opened.id}/funding`);
  await page.getByRole('link', { name: 'Parallel tracks board' }).click();
  await expect(page.getByRole('heading', { name: 'Parallel tracks: Marisol Vega' })).toBeVisible();
  const card = (name: string) =>
    page.getByRole('listitem').filter({ has: page.getByRole('heading', { name, exact: true }) });
  await expect(card('Prior authorization')).toContainText('Lost');
  await expect(card('Internal appeal')).toContainText('Not started');
  await expect(card('Internal appeal')).toContainText('file an internal appeal');
  await expect(card('Manufacturer support program')).toContainText('Won');
  await expect(card('Manufacturer support program')).toContainText('SPRAVATO withMe — Granted $1,250.00');
  await expect(card('Other funding')).toContainText('Waiting on payer');
  await expect(card('Other funding')).toContainText('Providence financial assistance');

  await card('Single case agreement')
    .getByRole('button', { name: 'Note and next step: Single case agreement' })
    .click();
  const noteDialog = page.getByRole('dialog', { name: 'Single case agreement: note and next step' });
  await noteDialog.getByLabel('Status').selectOption({ label: 'In progress' });
  await noteDialog.getByLabel('Next step (optional)', { exact: true }).fill('Send the in-network search log');
  await noteDialog.getByLabel('Next step due').fill(dayFromToday(3));
  await noteDialog.getByLabel('Note').fill('Clinic willing to ask Aetna for an SCA.');
  await noteDialog.getByRole('button', { name: 'Save' }).click();
  await expect(noteDialog).toBeHidden();
  await expect(card('Single case agreement')).toContainText('In progress');
  await expect(card('Single case agreement')).toContainText('Status set by you');
  await expect(card('Single case agreement')).toContainText('Send the in-network search log');
  await app.screenshot('funding-04-tracks-board');
});
