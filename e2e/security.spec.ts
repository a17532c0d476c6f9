import { completeFirstRun } from './support/app-steps';
import { expect, test } from './support/web-harness-fixture';

const passphrase = 'walnut ferry cobalt thistle 64';

test('a weak passphrase is refused at setup with a hint how to make it stronger', async ({ page, app }) => {
  await page.goto(app.url);
  await page.getByLabel('Passphrase', { exact: true }).fill('aaaaaaaaaa');
  await expect(page.getByText('Weak. Repeated characters like "aaa" are easy to guess.')).toBeVisible();
  await page.getByLabel('Type it again').fill('aaaaaaaaaa');
  await page.getByRole('button', { name: 'Create encrypted store' }).click();
  await expect(page.getByRole('alert')).toHaveText(
    'Too easy to guess. Repeated characters like "aaa" are easy to guess. Add more words that are less common.',
  );
  await app.screenshot('security-01-weak-passphrase');
});

test('wrong passphrases are reported after the next unlock; the audit log checks out; the key rotates', async ({
  page,
  app,
}) => {
  await completeFirstRun(page, app.url, passphrase);
  await page.getByRole('button', { name: 'Lock' }).click();
  for (let attempt = 1; attempt <= 3; attempt += 1) {
    await page.getByLabel('Passphrase').fill(`not it ${attempt} at all`);
    await page.getByRole('button', { name: 'Unlock' }).click();
    await expect(page.getByRole('alert')).toContainText('Wrong passphrase.');
  }
  await expect(page.getByRole('alert')).toHaveText(
    'Wrong passphrase. After 2 more wrong tries, Advocase will make you wait before the next.',
  );
  await page.getByLabel('Passphrase').fill(passphrase);
  await page.getByRole('button', { name: 'Unlock' }).click();
  const notice = page.getByRole('complementary', { name: 'Failed unlock attempts' });
  await expect(notice).toContainText('3 failed unlock attempts since your last unlock.');
  await app.screenshot('security-02-failed-unlocks-notice');
  await notice.getByRole('button', { name: 'Dismiss' }).click();
  await expect(notice).toHaveCount(0);

  await page.getByRole('button', { name: 'Settings' }).click();
  const settings = page.getByRole('dialog', { name: 'Settings' });
  await settings.getByRole('button', { name: 'Check the audit log' }).click();
  await expect(settings.getByText(/^All \d+ audit log entries check out\.$/)).toBeVisible();
  await settings.getByRole('button', { name: 'Check the audit log' }).scrollIntoViewIfNeeded();
  await app.screenshot('security-03-audit-log-checked');

  const rotation = settings.getByRole('group', { name: 'Security: encryption key' });
  await rotation.getByLabel('Passphrase').fill(passphrase);
  await rotation.getByRole('button', { name: 'Rotate the encryption key' }).click();
  await expect(rotation.getByRole('button', { name: 'Re-encrypting everything…' })).toBeDisabled();
  // Two keys derived at the production scrypt cost, then the database rekeyed.
  await expect(rotation.getByLabel('New recovery key')).toHaveText(
    /^([0-9A-Z]{4}-){3}[0-9A-Z]{4}([0-9A-Z]{4}-){3}[0-9A-Z]{4}$/,
    { timeout: 60_000 },
  );
  await rotation.scrollIntoViewIfNeeded();
  await app.screenshot('security-04-key-rotated');
  await rotation.getByRole('button', { name: 'I have saved it' }).click();
  await expect(rotation.getByRole('button', { name: 'Rotate the encryption key' })).toBeVisible();
});
