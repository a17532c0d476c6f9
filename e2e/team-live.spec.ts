import { spawnSync } from 'node:child_process';
import { expect, test, type Page } from '@playwright/test';
import { screenshotBothSizes } from './support/screenshot-both-sizes';
import { openCopyOf, startTeamDatabase, type TeamDatabase, type TeamPerson } from './support/team-database';
import { saveScreenshot } from './support/web-harness-fixture';

// Two navigators, each with their own copy of Advocase (a web harness connected as them) on one
// team database, and a supervisor who hands cases over from the command line (docs/team-mode.md).
let team: TeamDatabase;
let ana: TeamPerson;
let ben: TeamPerson;
let mei: TeamPerson;

// Each test starts a PostgreSQL server of its own and sets a team up on it, which takes a while.
test.describe.configure({ timeout: 180_000 });

test.beforeEach(async () => {
  team = await startTeamDatabase();
  ana = await team.addPerson('ana', 'navigator', 'Ana Okafor');
  ben = await team.addPerson('ben', 'navigator', 'Ben Ito');
  mei = await team.addPerson('mei', 'supervisor', 'Mei Chen');
});

test.afterEach(async () => {
  await team.stop();
});

async function openCase(page: Page, fullName: string, payer: string): Promise<void> {
  await page.keyboard.press('n');
  const dialog = page.getByRole('dialog', { name: 'New case' });
  await dialog.getByLabel('Full name').fill(fullName);
  await dialog.getByLabel('Treatment').selectOption({ label: 'TMS' });
  await dialog.getByLabel('Payer').fill(payer);
  await dialog.getByRole('button', { name: 'Open case' }).click();
  await expect(page.getByRole('heading', { level: 1, name: fullName })).toBeVisible();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Caseload' }).click();
}

const screenshotsOf = (page: Page) => ({ screenshot: (name: string) => saveScreenshot(page, name) });

test('a case the supervisor assigns to the second navigator appears on their open caseload without a reload', async ({
  browser,
}) => {
  const anaPage = await openCopyOf(team, browser, ana);
  const benPage = await openCopyOf(team, browser, ben);
  await expect(benPage.getByRole('heading', { name: 'No cases yet' })).toBeVisible();

  await openCase(anaPage, 'Rosa Delgado', 'Aetna');
  await expect(anaPage.getByRole('row', { name: /Rosa Delgado/ })).toBeVisible();
  const { rows } = await team.query(ana.url, 'SELECT id FROM cases');
  const caseId = String((rows[0] as { id: number }).id);

  // The supervisor hands it over with `advocase team assign`, from another program altogether.
  const assigned = spawnSync(
    process.execPath,
    ['bin/advocase.mjs', 'team', 'assign', '--case', caseId, '--to', 'ben'],
    {
      env: { ...process.env, ADVOCASE_DATABASE_URL: mei.url },
      encoding: 'utf8',
    },
  );
  expect(assigned.stderr).toBe('');
  expect(assigned.status).toBe(0);

  // Neither page is reloaded: each hears the change and re-reads its caseload through its own policies.
  await expect(benPage.getByRole('row', { name: /Rosa Delgado/ })).toBeVisible();
  await expect(benPage.getByTestId('caseload-count')).toHaveText('1 case');
  await expect(anaPage.getByRole('row', { name: /Rosa Delgado/ })).toBeHidden();
  await screenshotBothSizes(benPage, screenshotsOf(benPage), 'team-live-second-navigator');
  await screenshotBothSizes(anaPage, screenshotsOf(anaPage), 'team-live-first-navigator');

  // A change on the case's page reaches the other copy's caseload too: Ben moves the stage.
  await team.query(ben.url, `UPDATE cases SET stage = 'denied' WHERE id = $1`, [caseId]);
  await expect(benPage.getByRole('row', { name: /Rosa Delgado/ })).toContainText('Denied');
});

test('while the team database is away a banner says so, a save keeps what was typed, and it goes through once the server is back', async ({
  browser,
}) => {
  const benPage = await openCopyOf(team, browser, ben);
  await openCase(benPage, 'Omar Haddad', 'Humana');
  const banner = benPage.getByRole('alert').filter({ hasText: 'The team database cannot be reached.' });

  await team.server.stopForAWhile();
  await expect(banner).toBeVisible();

  await benPage.keyboard.press('n');
  const dialog = benPage.getByRole('dialog', { name: 'New case' });
  await dialog.getByLabel('Full name').fill('Leah Quinn');
  await dialog.getByLabel('Treatment').selectOption({ label: 'TMS' });
  await dialog.getByLabel('Payer').fill('Cigna');
  await dialog.getByRole('button', { name: 'Open case' }).click();
  await expect(dialog).toContainText('The team database cannot be reached, so nothing was changed.');
  await expect(dialog.getByLabel('Full name')).toHaveValue('Leah Quinn');
  await expect(dialog.getByLabel('Payer')).toHaveValue('Cigna');
  await screenshotBothSizes(benPage, screenshotsOf(benPage), 'team-server-away-dialog');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await screenshotBothSizes(benPage, screenshotsOf(benPage), 'team-server-away-banner');
  // Closed and opened again, the dialog still holds what was typed.
  await benPage.keyboard.press('n');
  await expect(dialog.getByLabel('Full name')).toHaveValue('Leah Quinn');

  await team.server.startAgain();
  await expect(banner).toBeHidden({ timeout: 30_000 });
  await expect(benPage.getByRole('row', { name: /Omar Haddad/ })).toBeVisible();
  await dialog.getByRole('button', { name: 'Open case' }).click();
  await expect(benPage.getByRole('heading', { level: 1, name: 'Leah Quinn' })).toBeVisible();
  const { rows } = await team.query(
    ben.url,
    `SELECT count(*)::int AS clients FROM clients WHERE full_name = 'Leah Quinn'`,
  );
  expect(rows[0]).toEqual({ clients: 1 });
});
