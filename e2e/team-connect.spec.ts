import type { Locator, Page } from '@playwright/test';
import { completeFirstRun } from './support/app-steps';
import { screenshotBothSizes } from './support/screenshot-both-sizes';
import { expect, test, type RunningTeamDatabase, type TeamPersonName } from './support/team-fixture';

const passphrase = 'granite meadow copper violin';

/** Fills the Team form as a person would from what their administrator gave them. */
async function fillTeamForm(
  form: Locator,
  teamDatabase: RunningTeamDatabase,
  person: TeamPersonName,
  password: string,
): Promise<void> {
  await form.getByLabel('Server', { exact: true }).fill(teamDatabase.host);
  await form.getByLabel('Port', { exact: true }).fill(String(teamDatabase.port));
  await form.getByLabel('Database', { exact: true }).fill(teamDatabase.database);
  await form.getByLabel('Login', { exact: true }).fill(person);
  await form.getByLabel('Password', { exact: true }).fill(password);
  // The test server is on this computer, the one place a connection may go without TLS.
  await form.getByLabel('Connection security').selectOption('disable');
}

async function expectLocalStoreShown(page: Page): Promise<void> {
  await expect(page).toHaveTitle('Advocase — this computer');
}

test('a navigator joins the team database from Settings → Team, reconnects after a lock, and leaves', async ({
  page,
  app,
  teamDatabase,
}) => {
  // A whole first run, a join, a lock, a reconnect and a leave, each looked at in two sizes.
  test.setTimeout(420_000);
  await completeFirstRun(page, app.url, passphrase);
  await expectLocalStoreShown(page);
  const header = page.getByRole('banner');
  await expect(header.getByText('Store open: This computer')).toBeVisible();

  await page.getByRole('button', { name: 'Settings' }).click();
  const settings = page.getByRole('dialog', { name: 'Settings' });
  const team = settings.getByRole('group', { name: 'Team', exact: true });
  await expect(
    team.getByText('only your login and password, encrypted by the operating system’s keychain'),
  ).toBeVisible();
  await fillTeamForm(team, teamDatabase, 'jrivera', 'not-the-password');
  await team.getByRole('button', { name: 'Join team database' }).click();
  await expect(team.getByRole('alert')).toHaveText(
    `The server at 127.0.0.1:${teamDatabase.port} refused the password for jrivera, or has no such login. Check the login and password (an admin can set a new password).`,
  );
  await expect(team.getByLabel('Password')).toBeFocused();
  await expectLocalStoreShown(page);
  await screenshotBothSizes(page, app, 'team-connect-wrong-password');

  await team.getByLabel('Password').fill(teamDatabase.people.jrivera.password);
  await team.getByRole('button', { name: 'Test connection' }).click();
  await expect(team.getByText('Connection works:')).toHaveText(
    `Connection works: Jordan Rivera (jrivera), navigator, on advocase_team at 127.0.0.1:${teamDatabase.port}.`,
  );
  await screenshotBothSizes(page, app, 'team-connect-tested');
  await team.getByRole('button', { name: 'Join team database' }).click();
  await expect(team.getByText('Connected to the team database as Jordan Rivera (jrivera)')).toBeVisible();
  await expect(page).toHaveTitle('Advocase — Team: advocase_team (jrivera)');
  await expect(header.getByText('Store open: Team: advocase_team (jrivera)')).toBeVisible();
  // The passphrase belongs to this computer's store: its forms are not offered on a team database.
  await expect(settings.getByText('Change passphrase')).toHaveCount(0);
  await team.scrollIntoViewIfNeeded();
  await screenshotBothSizes(page, app, 'team-connect-joined-settings');
  await settings.getByRole('button', { name: 'Close' }).click();
  await expect(page.getByRole('heading', { name: 'Caseload' })).toBeVisible();
  await screenshotBothSizes(page, app, 'team-connect-caseload');

  // Locked, a team database has no passphrase: the lock screen reconnects with the kept login.
  await page.getByRole('button', { name: 'Lock' }).click();
  await expect(page.getByRole('heading', { name: 'Advocase is locked' })).toBeVisible();
  await expect(page).toHaveTitle('Advocase — Team: advocase_team (jrivera)');
  await expect(page.getByLabel('Passphrase')).toHaveCount(0);
  await screenshotBothSizes(page, app, 'team-connect-reconnect');
  await page.getByRole('button', { name: 'Reconnect' }).click();
  await expect(page.getByRole('heading', { name: 'Caseload' })).toBeVisible();

  await page.getByRole('button', { name: 'Settings' }).click();
  await team.getByRole('button', { name: 'Leave team database…' }).click();
  const confirmation = team.getByRole('group', { name: 'Confirm leaving the team database' });
  await expect(confirmation).toContainText('This computer’s own store opens again, unchanged.');
  await screenshotBothSizes(page, app, 'team-connect-leave-confirmation');
  await confirmation.getByRole('button', { name: 'Leave team database' }).click();
  await expect(page.getByRole('heading', { name: 'Unlock Advocase' })).toBeVisible();
  await expectLocalStoreShown(page);
  await page.getByLabel('Passphrase').fill(passphrase);
  await page.getByRole('button', { name: 'Unlock' }).click();
  // Deriving the key from the passphrase takes its time (scrypt), the longer on a busy machine.
  await expect(header.getByText('Store open: This computer')).toBeVisible({ timeout: 60_000 });
});

test('the first-run screen offers joining a team database beside a local passphrase', async ({
  page,
  app,
  teamDatabase,
}) => {
  test.setTimeout(240_000);
  await page.goto(app.url);
  await page.getByRole('button', { name: 'Join a team database' }).click();
  await expect(page.getByRole('heading', { name: 'Join a team database' })).toBeVisible();
  await screenshotBothSizes(page, app, 'team-connect-first-run');
  await fillTeamForm(page.getByRole('main'), teamDatabase, 'mchen', teamDatabase.people.mchen.password);
  await page.getByRole('button', { name: 'Join team database' }).click();
  await expect(page.getByRole('heading', { name: 'Caseload' })).toBeVisible();
  await expect(page).toHaveTitle('Advocase — Team: advocase_team (mchen)');
  await expect(page.getByRole('banner').getByText('Store open: Team: advocase_team (mchen)')).toBeVisible();
});
