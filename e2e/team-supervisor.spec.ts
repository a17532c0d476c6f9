import { expect, test, type Page } from '@playwright/test';
import { screenshotBothSizes } from './support/screenshot-both-sizes';
import {
  caseOf,
  openCopyOf,
  startTeamDatabase,
  type TeamDatabase,
  type TeamPerson,
} from './support/team-database';
import { saveScreenshot } from './support/web-harness-fixture';

// A supervisor hands cases over from the app (docs/team-mode.md, "Handing cases over from the
// app", "The Team page"), on a team database of its own, each person in their own copy.
let team: TeamDatabase;
let ana: TeamPerson;
let ben: TeamPerson;
let mei: TeamPerson;
let sam: TeamPerson;

// A team server of its own, four people and two copies of Advocase: slow on a loaded machine.
test.describe.configure({ timeout: 600_000 });

test.beforeEach(async () => {
  team = await startTeamDatabase();
  ana = await team.addPerson('ana', 'navigator', 'Ana Okafor');
  ben = await team.addPerson('ben', 'navigator', 'Ben Ito');
  mei = await team.addPerson('mei', 'supervisor', 'Mei Chen');
  sam = await team.addPerson('sam', 'viewer', 'Sam Ortiz, Esq.');
});

test.afterEach(async () => {
  await team.stop();
});

/** Goes to a case as a link would (the route is the URL fragment), without reloading the page. */
async function openCasePage(page: Page, caseId: number): Promise<void> {
  await page.evaluate(`window.location.hash = '#/cases/${caseId}/timeline'`);
}

const screenshotsOf = (page: Page) => ({ screenshot: (name: string) => saveScreenshot(page, name) });

test('a supervisor assigns, shares and hands over cases; a navigator sees who holds theirs and no Team page', async ({
  browser,
}) => {
  const anasCase = await caseOf(team, ana, 'Rosa Delgado');
  await caseOf(team, ana, 'Omar Haddad');
  await caseOf(team, ben, 'Lena Park');
  const unheld = await caseOf(team, mei, 'Tom Becker');

  const meiPage = await openCopyOf(team, browser, mei);
  await meiPage.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Team' }).click();
  await expect(meiPage.getByRole('heading', { name: 'Team', level: 1 })).toBeVisible();
  const caseloads = meiPage.getByRole('table').first();
  await expect(
    caseloads
      .getByRole('row', { name: /Ana Okafor/ })
      .getByRole('cell')
      .first(),
  ).toHaveText('2');
  await expect(meiPage.getByRole('heading', { name: 'Unassigned cases (1)' })).toBeVisible();
  await expect(meiPage.getByRole('row', { name: /Ana Okafor/ }).last()).toBeVisible();
  await screenshotBothSizes(meiPage, screenshotsOf(meiPage), 'team-page');

  // The unheld case goes to Ben from the Team page.
  await meiPage
    .getByLabel(`Assign C-${String(unheld).padStart(5, '0')} to`)
    .selectOption({ label: 'Ben Ito' });
  await expect(meiPage.getByRole('heading', { name: 'Unassigned cases (0)' })).toBeVisible();
  await expect(
    caseloads
      .getByRole('row', { name: /Ben Ito/ })
      .getByRole('cell')
      .first(),
  ).toHaveText('2');

  // On the case page: hand Ana's case to Ben, and share it with the attorney for a month.
  await openCasePage(meiPage, anasCase);
  const holders = meiPage.getByRole('region', { name: 'Who holds this case' });
  await expect(holders.getByLabel('Assigned to')).toHaveValue(ana.login);
  await holders.getByLabel('Assigned to').selectOption({ label: 'Ben Ito' });
  await expect(holders.getByRole('status')).toHaveText('Assigned to Ben Ito.');
  await expect(meiPage.getByText('Assigned to Ben Ito (was Ana Okafor) by Mei Chen')).toBeVisible();
  await holders.getByRole('button', { name: 'Share…' }).click();
  const share = meiPage.getByRole('dialog', { name: 'Share this case' });
  await share.getByLabel('Share with').selectOption({ label: `${sam.fullName} (Viewer)` });
  await share.getByRole('button', { name: 'Share' }).click();
  await expect(holders.getByText(/Sam Ortiz, Esq\., through/)).toBeVisible();
  await screenshotBothSizes(meiPage, screenshotsOf(meiPage), 'team-case-holders');

  // Reassign all of Ana's cases (one left) to Ben, after the count is confirmed.
  await meiPage.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Team' }).click();
  await meiPage.getByRole('button', { name: 'Reassign all cases of Ana Okafor…' }).click();
  const reassign = meiPage.getByRole('dialog', { name: 'Reassign all cases of Ana Okafor' });
  await expect(reassign).toContainText('Ana Okafor holds 1 case');
  await reassign.getByLabel('Give them to').selectOption({ label: 'Ben Ito' });
  await screenshotBothSizes(meiPage, screenshotsOf(meiPage), 'team-reassign-all');
  await reassign.getByRole('button', { name: 'Move 1 case' }).click();
  await expect(meiPage.getByText('Moved 1 case from Ana Okafor to Ben Ito.')).toBeVisible();
  await expect(
    caseloads
      .getByRole('row', { name: /Ben Ito/ })
      .getByRole('cell')
      .first(),
  ).toHaveText('4');

  // Ben, a navigator: no Team page, and his case says who holds it without a control to change it.
  const benPage = await openCopyOf(team, browser, ben);
  await expect(
    benPage.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Team' }),
  ).toHaveCount(0);
  await openCasePage(benPage, anasCase);
  const seenByBen = benPage.getByRole('region', { name: 'Who holds this case' });
  await expect(seenByBen).toContainText('Assigned to Ben Ito');
  await expect(seenByBen).toContainText('Sam Ortiz, Esq., through');
  await expect(seenByBen.getByRole('combobox')).toHaveCount(0);
  await screenshotBothSizes(benPage, screenshotsOf(benPage), 'team-case-holders-navigator');
});
