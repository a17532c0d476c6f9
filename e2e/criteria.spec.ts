import { callHarness, completeFirstRun } from './support/app-steps';
import { expect, test } from './support/web-harness-fixture';

const passphrase = 'cedar window orbit 77 plain';

test('the criteria library: duplicate a shipped set, a bad threshold is named by its field, the copy saves', async ({
  page,
  app,
}) => {
  await completeFirstRun(page, app.url, passphrase);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Criteria' }).click();
  await expect(page.getByRole('heading', { name: 'Criteria library' })).toBeVisible();

  const sets = page.getByRole('navigation', { name: 'Criteria sets' });
  await sets.getByRole('button', { name: /BCBS North Dakota — Spravato \(version A/ }).click();
  await expect(page.getByText('Version A of two seen on the same page; date unknown.')).toBeVisible();
  await expect(page.getByText('Date unknown — check for the current version')).toBeVisible();
  await app.screenshot('criteria-library');

  await page.getByRole('button', { name: 'Duplicate and edit' }).click();
  const form = page.getByRole('form', { name: 'Edit criteria set' });
  await form.getByLabel('Set name').fill('BCBS ND — our 2026 letter');
  await form.getByLabel('Policy date').fill('2026-01-01');
  // A severity threshold above the PHQ-9's maximum of 27.
  await form.getByLabel('Kind of criterion').selectOption({ label: 'Baseline rating-scale score' });
  await form.getByRole('button', { name: 'Add criterion' }).click();
  const added = form.getByRole('group', { name: 'Baseline rating-scale score' });
  await added.getByLabel('Wording in the policy').fill('PHQ-9 of 30 or more');
  await added.getByLabel('Minimum score').fill('30');
  await form.getByRole('button', { name: 'Save set' }).click();
  await expect(
    added.getByText('PHQ-9 scores run from 0 to 27; enter a minimum score in that range.'),
  ).toBeVisible();
  await expect(form.getByLabel('Set name')).toHaveValue('BCBS ND — our 2026 letter');
  await app.screenshot('criteria-set-editor-error');

  await added.getByLabel('Minimum score').fill('20');
  await form.getByRole('button', { name: 'Save set' }).click();
  await expect(page.getByRole('heading', { name: 'BCBS ND — our 2026 letter' })).toBeVisible();
  await expect(sets.getByRole('button', { name: /BCBS ND — our 2026 letter\s*Your set/ })).toBeVisible();
  const saved = (await callHarness(app.url, 'criteria.listSets', {})) as {
    id: string;
    definition: { policyDate: string };
  }[];
  expect(saved[0]).toMatchObject({ id: 'user-1', definition: { policyDate: '2026-01-01' } });

  await page.getByRole('link', { name: 'Evidence packs' }).click();
  await page.getByRole('tab', { name: 'TMS' }).click();
  await expect(page.getByText('Add the FDA clearance and guideline citations you rely on.')).toBeVisible();
  await page.getByRole('tab', { name: 'IV ketamine' }).click();
  await expect(page.getByRole('link', { name: /29 CFR 2590\.712\(d\)/ }).first()).toBeVisible();
  await app.screenshot('criteria-evidence-pack');
});

/** Files a small text document to the case through the harness, the way the app uploads. */
async function fileDocument(url: string, caseId: number, fileName: string, text: string): Promise<number> {
  const { uploadId } = (await callHarness(url, 'vault.uploadBegin', { fileName })) as { uploadId: string };
  await callHarness(url, 'vault.uploadAppend', { uploadId, data: Buffer.from(text).toString('base64') });
  const added = (await callHarness(url, 'vault.uploadFinish', { uploadId, target: { caseId } })) as {
    document: { id: number };
  };
  return added.document.id;
}

test('an esketamine case: the Criteria tab shows what is met with its records, what is not and what to record', async ({
  page,
  app,
}) => {
  await completeFirstRun(page, app.url, passphrase);

  // Setup outside the test's subject: the client, the case and the facts the Evidence tabs record.
  const client = (await callHarness(app.url, 'clients.create', {
    fullName: 'Iris Mbeki',
    dateOfBirth: '1990-03-14',
    state: 'NJ',
  })) as { id: number };
  const opened = (await callHarness(app.url, 'cases.create', {
    clientId: client.id,
    treatment: 'esketamine',
    payer: 'Cigna Healthcare',
  })) as { id: number };
  await callHarness(app.url, 'cases.update', { caseId: opened.id, changes: { diagnosisCodes: ['F33.2'] } });
  const pharmacy = await fileDocument(app.url, opened.id, 'Pharmacy fills 2025.txt', 'sertraline; bupropion');
  const referral = await fileDocument(
    app.url,
    opened.id,
    'Psychiatrist referral.txt',
    'Dr. Osei, psychiatrist',
  );
  const trial = {
    kind: 'medication',
    isDoseAdequate: true,
    outcome: 'no_response',
    isInCurrentEpisode: true,
    sourceDocumentId: pharmacy,
  };
  await callHarness(app.url, 'treatmentHistory.add', {
    clientId: client.id,
    trial: { ...trial, name: 'sertraline', drugClass: 'ssri', weeksAtTherapeuticDose: 8 },
  });
  await callHarness(app.url, 'treatmentHistory.add', {
    clientId: client.id,
    trial: { ...trial, name: 'bupropion', drugClass: 'atypical', weeksAtTherapeuticDose: 4 },
  });
  await callHarness(app.url, 'clinicalFacts.set', {
    caseId: opened.id,
    key: 'prescriber_is_psychiatrist',
    answer: 'yes',
    sourceDocumentId: referral,
  });

  await page.goto(`${new URL(app.url).origin}/#/cases/${opened.id}/criteria`);
  await expect(page.getByLabel('Criteria set')).toHaveValue('cigna-spravato-trd');
  await expect(page.getByText('Date unknown — check for the current version')).toBeVisible();
  await expect(page.getByRole('link', { name: /Cigna "Psychiatry – Spravato"/ })).toHaveAttribute(
    'href',
    /^https:\/\/coverage\.pharmacistwrite\.com\//,
  );
  // age, diagnosis, prescriber met; 2 antidepressants not met; PDMP, psychosis, ≤ 25 % unknown.
  await expect(page.getByText('3 met · 1 not met · 3 unknown')).toBeVisible();

  const criteria = page.getByRole('list', { name: 'Criteria' });
  const trials = criteria.getByRole('listitem').filter({ hasText: 'At least 2 antidepressants' });
  await expect(trials.getByText('Not met', { exact: true })).toBeVisible();
  await expect(trials.getByText(/bupropion was too short: 4 weeks at a therapeutic dose/)).toBeVisible();
  const pdmp = criteria.getByRole('listitem').filter({ hasText: 'PDMP' });
  await expect(pdmp.getByText('Unknown', { exact: true })).toBeVisible();
  await expect(pdmp.getByText('To decide it, record:')).toBeVisible();
  const prescriber = criteria.getByRole('listitem').filter({ hasText: 'Prescribed by a psychiatrist' });
  await expect(prescriber.getByText('Met', { exact: true })).toBeVisible();
  // The page scrolls inside the workspace: a tall window shows the whole tab in one picture.
  await page.setViewportSize({ width: 1280, height: 2300 });
  await app.screenshot('criteria-case-tab');
  await page.setViewportSize({ width: 1280, height: 800 });

  // The evidence opens the document itself.
  await prescriber.getByRole('button', { name: /Psychiatrist referral\.txt/ }).click();
  await expect(page.getByRole('dialog').getByText('Dr. Osei, psychiatrist')).toBeVisible();
  await page.keyboard.press('Escape');

  // A criterion the app cannot check: "met" needs the document that shows it.
  const nonResponse = criteria.getByRole('listitem').filter({ hasText: '25% improvement or less' });
  await nonResponse.getByRole('button', { name: 'Record your judgement' }).click();
  const judge = page.getByRole('dialog', { name: 'Record your judgement' });
  await judge.getByLabel('Met', { exact: true }).check();
  await judge.getByRole('button', { name: 'Save' }).click();
  await expect(judge.getByText('Choose the document that shows this criterion is met.')).toBeVisible();
  await judge.getByLabel('Document that shows it').selectOption({ label: 'Pharmacy fills 2025.txt' });
  await judge.getByLabel('Note').fill('Fill history shows no dose change helped');
  await judge.getByRole('button', { name: 'Save' }).click();
  await expect(judge).toBeHidden();
  await expect(nonResponse.getByText('Met', { exact: true })).toBeVisible();
  await expect(page.getByText('4 met · 1 not met · 2 unknown')).toBeVisible();

  // Another policy for the same case: BCBS ND version B asks for 2 antidepressants of 4 weeks.
  await page.getByLabel('Criteria set').selectOption('bcbs-nd-spravato-b');
  await expect(page.getByRole('heading', { name: /BCBS North Dakota — Spravato \(version B/ })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'This case is now judged against' })).toBeVisible();
  await expect(
    criteria
      .getByRole('listitem')
      .filter({ hasText: 'At least 2 oral antidepressants' })
      .getByText('Met', { exact: true }),
  ).toBeVisible();
  await page.setViewportSize({ width: 1280, height: 2000 });
  await app.screenshot('criteria-case-tab-other-set');
});
