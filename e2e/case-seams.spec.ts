import { callHarness, completeFirstRun, createCaseWithCoverage, dayFromToday } from './support/app-steps';
import { expect, test } from './support/web-harness-fixture';

// The seams between screens, walked in the UI.
const passphrase = 'harbor lantern seam 62';

test('"Open case" opens it; a quick call has direction and minutes; TMS finds Deep TMS; Ctrl+K opens a document', async ({
  page,
  app,
}) => {
  await completeFirstRun(page, app.url, passphrase);

  // "Open case" lands on the new case's page, its heading focused.
  await page.getByRole('banner').getByRole('button', { name: 'New case' }).click();
  const newCase = page.getByRole('dialog', { name: 'New case' });
  await newCase.getByLabel('Full name').fill('Rosa Delgado');
  await newCase.getByLabel('Treatment').selectOption({ label: 'TMS' });
  await newCase.getByLabel('Payer').fill('Aetna');
  await newCase.getByRole('button', { name: 'Open case' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Rosa Delgado/ })).toBeFocused();
  expect(await page.evaluate<string>('window.location.hash')).toBe('#/cases/1/timeline');

  // The quick call log (C) asks the direction and the minutes, as Add event → Phone call does.
  await page.keyboard.press('c');
  const call = page.getByRole('dialog', { name: 'Log a call' });
  await call.getByLabel('Rep name').fill('Dana');
  await call.getByLabel('Reference number').fill('REF-5521');
  await call.getByLabel('Direction').selectOption({ label: 'They called' });
  await call.getByLabel('Minutes').fill('14');
  await call.getByLabel('Summary: what was said').fill('Rep called back: clinical review pending.');
  await call.getByRole('button', { name: 'Save' }).click();
  await expect(call).toBeHidden();
  const { events } = (await callHarness(app.url, 'events.list', { caseId: 1 })) as {
    events: { type: string; details: { direction?: string; durationMinutes?: number } }[];
  };
  expect(events.find((event) => event.type === 'phone_call')?.details).toMatchObject({
    direction: 'inbound',
    durationMinutes: 14,
  });

  // The TMS filter finds a TMS recorded in the clinic's words.
  const client = (await callHarness(app.url, 'clients.create', { fullName: 'Omar Haddad' })) as {
    id: number;
  };
  await callHarness(app.url, 'cases.create', {
    clientId: client.id,
    treatment: 'other',
    treatmentDetail: 'Deep TMS (BrainsWay)',
  });
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Caseload' }).click();
  await page.getByLabel(/^Filter by treatment/).click();
  await page.getByRole('checkbox', { name: 'TMS' }).check();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('caseload-count')).toHaveText('2 cases match');
  await expect(page.getByRole('row', { name: /Deep TMS \(BrainsWay\)/ })).toBeVisible();

  // Ctrl+K, a document's name, Enter: its preview opens on its case.
  await page.evaluate("window.location.hash = '#/cases/1/documents'");
  await page.getByTestId('documents-file-input').setInputFiles([
    {
      name: 'Denial notice.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('Denied: not medically necessary.'),
    },
  ]);
  await expect(page.getByRole('status').filter({ hasText: 'of 1 file' })).toContainText('1 of 1');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Agenda' }).click();
  await page.keyboard.press('Control+k');
  await page.getByRole('combobox', { name: 'Search clients, cases and timeline' }).fill('Denial notice');
  await expect(page.getByRole('option', { name: /Denial notice\.txt/ })).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog', { name: /Denial notice\.txt/ })).toBeVisible();
  await expect(page.getByRole('dialog', { name: /Denial notice\.txt/ })).toContainText(
    'Denied: not medically necessary.',
  );
  expect(await page.evaluate<string>('window.location.hash')).toBe('#/cases/1/documents');
});

test('funding: routes ranked with what would change them; every funding date on the Agenda with its own words', async ({
  page,
  app,
}) => {
  await completeFirstRun(page, app.url, passphrase);
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
    treatment: 'iv_ketamine',
  });
  const opened = { id: caseId };
  await callHarness(app.url, 'funding.add', {
    caseId: opened.id,
    optionType: 'nonprofit_grant',
    programName: 'Hope access grant',
    status: 'applied',
    appliedOn: dayFromToday(-3),
    responseExpectedOn: dayFromToday(10),
    nextStep: 'Send the cost estimate',
    nextStepOn: dayFromToday(2),
  });

  await page.evaluate(`window.location.hash = '#/cases/${opened.id}/funding'`);
  const checklist = page.getByRole('region', { name: 'Not yet considered' });
  const agreement = checklist.getByRole('listitem').filter({ hasText: 'Single case agreement' });
  await expect(agreement).toContainText('No provider linked to the case');
  await expect(agreement).not.toContainText('No provider or coverage');
  await expect(agreement).toContainText(
    'Would change it: The treating provider and its network status for this plan, on the Providers tab.',
  );
  await expect(checklist.getByText('Unlikely', { exact: true })).not.toHaveCount(0);
  await app.screenshot('funding-triage-tab');

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Agenda' }).click();
  const nextStep = page.getByRole('row', { name: /next step on a funding option/ });
  const answer = page.getByRole('row', { name: /funding program.s answer is expected/ });
  await expect(nextStep.getByRole('cell').nth(3)).toHaveText('Your follow-up');
  await expect(answer.getByRole('cell').nth(3)).toHaveText('Program\u2019s answer expected');
  await expect(page.getByRole('main')).not.toContainText('Payer must act');
  await app.screenshot('funding-triage-agenda');
});
