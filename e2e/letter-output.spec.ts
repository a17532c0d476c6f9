import { backToCaseloadFromNewCase, callHarness, completeFirstRun } from './support/app-steps';
import { expect, test } from './support/web-harness-fixture';

const passphrase = 'letterhead orchard violet 19';

test('the profile is checked by field; letters printed with it are downloads, and only the one marked sent is filed', async ({
  page,
  app,
}) => {
  await completeFirstRun(page, app.url, passphrase);
  await page.getByRole('button', { name: 'Settings' }).click();
  const settings = page.getByRole('dialog', { name: 'Settings' });
  const profile = settings.getByRole('form', { name: 'Profile' });
  await expect(profile).toContainText('Fill this in before printing a letter');
  await profile.getByLabel('Your name').fill('Jordan Reyes');
  await profile.getByLabel(/^Organization/).fill('Northside Patient Advocacy');
  await profile.getByLabel(/^Address/).fill('410 Alder Street, Suite 2\nPortland, OR 97205');
  await profile.getByLabel(/^Phone/).fill('503 555 01');
  await profile.getByLabel(/^Fax/).fill('503-555-0143');
  await profile.getByLabel(/^Email/).fill('jordan at northside');
  await profile.getByRole('button', { name: 'Save profile' }).click();
  await expect(profile.getByLabel(/^Phone/)).toHaveAccessibleDescription(/10 digits/);
  await profile.getByLabel(/^Phone/).fill('503 555 0142');
  await profile.getByRole('button', { name: 'Save profile' }).click();
  await expect(profile.getByLabel(/^Email/)).toHaveAccessibleDescription(
    'Email must look like name@example.org.',
  );
  await app.screenshot('letter-output-01-profile-error');
  await profile.getByLabel(/^Email/).fill('jordan@northside-advocacy.example');
  await profile.getByLabel(/^Name under the signature/).fill('Jordan Reyes, CPHA');
  await profile.getByLabel(/^Title under the signature/).fill('Patient Advocate');
  await profile.getByRole('button', { name: 'Save profile' }).click();
  // Settings also holds the backup status (a status of its own): read the announcement.
  await expect(page.getByRole('status').filter({ hasText: /^Profile saved/ })).toHaveText(
    'Profile saved: new letters use this letterhead and signature.',
  );
  // Stored as typed, numbers written the one way letters print them.
  await expect(profile.getByLabel(/^Phone/)).toHaveValue('(503) 555-0142');
  await app.screenshot('letter-output-02-profile-saved');
  await settings.getByRole('button', { name: 'Close' }).click();

  await page.keyboard.press('n');
  const newCase = page.getByRole('dialog', { name: 'New case' });
  await newCase.getByLabel('Full name').fill('Imani Brooks');
  await newCase.getByLabel('Payer').fill('UnitedHealthcare');
  await newCase.getByRole('button', { name: 'Open case' }).click();
  await backToCaseloadFromNewCase(page, /Imani Brooks/);
  // The export calls themselves, through the harness: the Letters tab's buttons are in medical-necessity.spec.ts.
  const created = (await callHarness(app.url, 'letters.create', {
    caseId: 1,
    templateId: 'internal-appeal-first-level',
  })) as { id: number };
  await callHarness(app.url, 'letters.update', {
    letterId: created.id,
    changes: {
      title: 'Level 1 appeal',
      body: { blocks: [{ type: 'paragraph', runs: [{ text: 'Please reverse the denial.' }] }] },
    },
  });
  const letter = { letterId: created.id };
  await callHarness(app.url, 'letters.exportPdf', letter);
  await callHarness(app.url, 'letters.exportDocx', letter);
  await callHarness(app.url, 'letters.markSent', {
    letterId: created.id,
    sentVia: 'fax',
    sentAt: new Date().toISOString(),
    sentTo: 'UnitedHealthcare appeals, fax (800) 555-0199',
    deliveryProof: { method: 'fax_confirmation', reference: 'FAXOK-2291' },
  });

  await page.getByRole('row', { name: /Imani Brooks/ }).click();
  await expect(page.getByRole('heading', { name: /Imani Brooks/ })).toBeVisible();
  const timeline = page.getByRole('main');
  await expect(timeline.getByText('Letter sent: Level 1 appeal (via fax)')).toBeVisible();
  // The exports were downloads: no "Letter drafted" entries.
  await expect(timeline.getByText(/^Letter drafted:/)).toHaveCount(0);
  await app.screenshot('letter-output-03-timeline');

  await page.getByRole('link', { name: 'Documents' }).click();
  await expect(
    page.getByText(/Internal appeal to UnitedHealthcare, sent \d{4}-\d{2}-\d{2}\.pdf/),
  ).toBeVisible();
  await expect(page.getByText(/Level 1 appeal.*\.(docx|pdf)/)).toHaveCount(0);
  await app.screenshot('letter-output-04-documents');
});
