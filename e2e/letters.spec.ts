import { callHarness, completeFirstRun, dayFromToday } from './support/app-steps';
import { expect, test } from './support/web-harness-fixture';

const passphrase = 'maple harbor quiet lantern 42';

/** Setup the test is not about: a denied Spravato case with its coverage, provider and one record. */
async function openDeniedCase(url: string): Promise<number> {
  const client = (await callHarness(url, 'clients.create', {
    fullName: 'Rosa Delgado',
    dateOfBirth: '1979-05-14',
    state: 'CA',
  })) as { id: number };
  const coverage = (await callHarness(url, 'coverages.create', {
    clientId: client.id,
    payer: 'Anthem Blue Cross',
    planName: 'Anthem PPO 500',
    planType: 'employer-self-funded',
    memberId: 'XKP448812301',
    groupNumber: '174220',
    payerFax: '888-555-0142',
    appealsAddress: 'Anthem Appeals\nPO Box 4310\nWoodland Hills, CA 91365',
  })) as { id: number };
  const provider = (await callHarness(url, 'providers.create', {
    name: 'Dr. Lena Ortiz',
    npi: '1902847561',
    specialty: 'Psychiatry',
    phone: '310-555-0187',
  })) as { id: number };
  const opened = (await callHarness(url, 'cases.create', {
    clientId: client.id,
    treatment: 'esketamine',
    payer: 'Anthem Blue Cross',
  })) as { id: number };
  await callHarness(url, 'cases.update', {
    caseId: opened.id,
    changes: {
      coverageId: coverage.id,
      providerId: provider.id,
      claimType: 'pre-service',
      procedureCodes: ['G2083'],
      diagnosisCodes: ['F33.2'],
      assignedAdvocate: 'Jordan Reyes',
    },
  });
  await callHarness(url, 'events.add', {
    caseId: opened.id,
    event: {
      type: 'payer_decision',
      occurredAt: new Date(Date.now() - 2 * 86_400_000).toISOString(),
      summary: 'Spravato denied.',
      details: {
        decision: 'denied',
        noticeDate: dayFromToday(-5),
        receivedOn: dayFromToday(-2),
        reason: 'Fewer than two antidepressant trials from different classes are documented.',
      },
    },
  });
  const { uploadId } = (await callHarness(url, 'vault.uploadBegin', {
    fileName: 'pharmacy-fill-history.txt',
  })) as {
    uploadId: string;
  };
  await callHarness(url, 'vault.uploadAppend', {
    uploadId,
    data: Buffer.from(
      'Sertraline 200 mg 2024-01 to 2024-04; bupropion XL 450 mg 2024-04 to 2024-08.\n',
    ).toString('base64'),
  });
  const added = (await callHarness(url, 'vault.uploadFinish', {
    uploadId,
    target: { caseId: opened.id },
  })) as {
    document: { id: number };
  };
  await callHarness(url, 'vault.update', {
    documentId: added.document.id,
    documentType: 'medical_records',
    documentDate: '2025-06-30',
  });
  return opened.id;
}

test('a first-level appeal is filled from a denied case, edited, and the edit survives a reload', async ({
  page,
  app,
}) => {
  await completeFirstRun(page, app.url, passphrase);
  const caseId = await openDeniedCase(app.url);

  await page.goto(`${new URL(app.url).origin}/#/cases/${caseId}/letters`);
  await expect(page.getByText('No letters yet.')).toBeVisible();
  await app.screenshot('letters-01-empty-tab');

  await page.getByRole('button', { name: 'New letter' }).click();
  const dialog = page.getByRole('dialog', { name: 'New letter' });
  // Creating without a choice says what is missing, by the choices.
  await dialog.getByRole('button', { name: 'Create letter' }).click();
  await expect(dialog.getByRole('alert')).toHaveText('Choose the letter to write.');
  await dialog.getByRole('radio', { name: /Internal appeal, first level/ }).check();
  await dialog.getByRole('checkbox', { name: /pharmacy-fill-history\.txt/ }).check();
  await expect(dialog.getByRole('list', { name: 'Enclosure order' })).toContainText(
    'pharmacy-fill-history.txt',
  );
  await app.screenshot('letters-02-new-letter-dialog');
  await dialog.getByRole('button', { name: 'Create letter' }).click();

  await expect(page.getByRole('heading', { name: 'Internal appeal, first level', level: 1 })).toBeVisible();
  const editor = page.getByRole('textbox', { name: 'Letter text' });
  await expect(editor).toContainText('Member ID: XKP448812301');
  await expect(editor).toContainText('Treating provider: Dr. Lena Ortiz, NPI 1902847561');
  await expect(editor).toContainText(
    '“Fewer than two antidepressant trials from different classes are documented.”',
  );
  await expect(editor).toContainText('29 CFR 2560.503-1(h)(3)(i)');
  await expect(editor).toContainText('Medical records: pharmacy-fill-history, dated June 30, 2025');
  const stillToFill = page.getByRole('list', { name: 'Still to fill' });
  // The Criteria tab's evaluation fills the criteria met (age and diagnosis are on the case).
  await expect(stillToFill).toContainText('[treatment history — not recorded]');
  await expect(stillToFill).not.toContainText('[criteria met, with evidence — not recorded]');
  await expect(editor).toContainText('— met.');
  await expect(page.getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible();
  await app.screenshot('letters-03-editor');

  // Edit a sentence: the closing line gets a number to call, typed at its end and set in bold
  // with the keyboard shortcut.
  await editor.getByText('Please send your decision and any request for information to me').click();
  await page.keyboard.press('End');
  await page.keyboard.type(' You can reach me at ');
  await page.keyboard.press('Control+b');
  await expect(page.getByRole('button', { name: 'Bold' })).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.type('415-555-0110');
  await page.keyboard.press('Control+b');
  await expect(page.getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible();
  await expect(editor.locator('strong').last()).toHaveText('415-555-0110');

  // Reloading locks the web harness; unlocking brings the same letter back with the edit.
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Unlock Advocase' })).toBeVisible();
  await page.getByLabel('Passphrase').fill(passphrase);
  await page.getByRole('button', { name: 'Unlock' }).click();
  const reopened = page.getByRole('textbox', { name: 'Letter text' });
  await expect(reopened).toContainText(
    'to me, with a copy to Rosa Delgado. You can reach me at 415-555-0110',
  );
  await expect(reopened.locator('strong').last()).toHaveText('415-555-0110');

  // The case's Letters tab lists it, with how many prompts are left.
  await page.getByRole('link', { name: 'Letters', exact: true }).click();
  const row = page.getByRole('row', { name: /Internal appeal, first level/ });
  await expect(row).toContainText('Draft');
  await expect(row).toContainText(/\d+ prompts?/);
  await app.screenshot('letters-04-case-tab');

  await page.getByRole('link', { name: 'Letter templates' }).first().click();
  await expect(page.getByRole('heading', { name: 'Letter templates', level: 1 })).toBeVisible();
  await page.getByRole('button', { name: /Internal appeal, first level/ }).click();
  await expect(page.getByLabel('Template text')).toHaveValue(/\{\{denial_reasons_answered\}\}/);
  await app.screenshot('letters-05-templates');
});
