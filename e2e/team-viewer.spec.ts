import { expect, test, type Page } from '@playwright/test';
import { shareCase } from '../src/core/team/team-administration';
import { screenshotBothSizes } from './support/screenshot-both-sizes';
import {
  caseOf,
  openCopyOf,
  startTeamDatabase,
  type TeamDatabase,
  type TeamPerson,
} from './support/team-database';
import { saveScreenshot } from './support/web-harness-fixture';

// A viewer (an attorney, a funder's liaison) reads the cases shared with them and exports their
// summaries; the app offers them nothing to change (docs/team-mode.md, "Who sees what"), while a
// supervisor on the same team database keeps every control.
let team: TeamDatabase;
let ana: TeamPerson;
let mei: TeamPerson;
let sam: TeamPerson;

// A team server of its own, three people and two copies of Advocase: slow on a loaded machine.
test.describe.configure({ timeout: 600_000 });

test.beforeEach(async () => {
  team = await startTeamDatabase();
  ana = await team.addPerson('ana', 'navigator', 'Ana Okafor');
  mei = await team.addPerson('mei', 'supervisor', 'Mei Chen');
  sam = await team.addPerson('sam', 'viewer', 'Sam Ortiz, Esq.');
});

test.afterEach(async () => {
  await team.stop();
});

async function openCasePage(page: Page, caseId: number, tab = 'timeline'): Promise<void> {
  await page.evaluate(`window.location.hash = '#/cases/${caseId}/${tab}'`);
}

const screenshotsOf = (page: Page) => ({ screenshot: (name: string) => saveScreenshot(page, name) });

/** The controls that change a case, by their names on the case page. */
const caseEditingButtons = [
  'Add event',
  'Log call',
  'Close case…',
  'Delete case…',
  'Edit details',
  'Verify benefits',
  'Start timer',
];

test('a viewer reads the case shared with them, with nothing to edit; a supervisor keeps the controls', async ({
  browser,
}) => {
  const shared = await caseOf(team, ana, 'Rosa Delgado');
  await caseOf(team, ana, 'Omar Haddad');
  const inAMonth = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
  await shareCase(mei.url, shared, sam.login, inAMonth);

  const samPage = await openCopyOf(team, browser, sam);
  await expect(samPage.getByRole('note').filter({ hasText: 'Read-only' })).toHaveText(
    'Read-only: you can read the cases shared with you and export their summaries.',
  );
  await expect(samPage.getByRole('button', { name: 'New case' })).toHaveCount(0);
  await expect(samPage.getByRole('button', { name: 'Import' })).toHaveCount(0);
  await expect(samPage.getByRole('row', { name: /Rosa Delgado/ })).toBeVisible();
  await expect(samPage.getByRole('row', { name: /Omar Haddad/ })).toHaveCount(0);
  await expect(samPage.getByRole('table').getByRole('checkbox')).toHaveCount(0);
  await samPage.keyboard.press('n');
  await expect(samPage.getByRole('dialog')).toHaveCount(0);
  await screenshotBothSizes(samPage, screenshotsOf(samPage), 'team-viewer-caseload');

  await openCasePage(samPage, shared);
  await expect(samPage.getByRole('heading', { name: /Rosa Delgado/, level: 1 })).toBeVisible();
  await expect(samPage.getByText('Shared with Sam Ortiz, Esq. through')).toBeVisible();
  for (const name of caseEditingButtons) {
    await expect(samPage.getByRole('button', { name })).toHaveCount(0);
  }
  await expect(samPage.getByRole('combobox', { name: 'Stage' })).toHaveCount(0);
  await expect(samPage.getByText('Intake', { exact: true })).toBeVisible();
  await samPage.keyboard.press('e');
  await samPage.keyboard.press('c');
  await expect(samPage.getByRole('dialog')).toHaveCount(0);
  await screenshotBothSizes(samPage, screenshotsOf(samPage), 'team-viewer-case');

  // Each section of the case reads, with nothing in it to add, change or remove.
  const sections: readonly { tab: string; absent: readonly (string | RegExp)[] }[] = [
    { tab: 'coverage', absent: [/Add coverage|Edit coverage|Link/] },
    { tab: 'documents', absent: [/Upload|Add documents|Choose files/] },
    { tab: 'deadlines', absent: [/Add deadline|Mark done|Met|Waive/] },
    { tab: 'evidence', absent: [/^Add/] },
    { tab: 'letters', absent: [/New letter/] },
    { tab: 'funding', absent: [/^Add/] },
    { tab: 'time', absent: [/Add time|Start timer|Invoice/] },
  ];
  for (const { tab, absent } of sections) {
    await openCasePage(samPage, shared, tab);
    await expect(samPage.getByRole('link', { name: 'Timeline' })).toBeVisible();
    for (const name of absent) await expect(samPage.getByRole('button', { name })).toHaveCount(0);
  }

  // The client's page reads as text: no form, nothing to delete.
  await samPage
    .getByRole('heading', { name: /Rosa Delgado/, level: 1 })
    .getByRole('link')
    .click();
  await expect(samPage.getByRole('heading', { name: 'Rosa Delgado', level: 1 })).toBeVisible();
  await expect(samPage.getByRole('region', { name: 'Details, contact and notes' })).toContainText(
    'Full name',
  );
  for (const name of ['Save details', 'Delete client…', 'Add coverage', 'Record authorization']) {
    await expect(samPage.getByRole('button', { name })).toHaveCount(0);
  }
  await screenshotBothSizes(samPage, screenshotsOf(samPage), 'team-viewer-client');

  // The team's shared reference reads without its editors.
  const nav = samPage.getByRole('navigation', { name: 'Main' });
  await nav.getByRole('link', { name: 'Letter templates' }).click();
  await expect(samPage.getByRole('heading', { name: 'Letter templates', level: 1 })).toBeVisible();
  await expect(samPage.getByLabel('Title')).toHaveAttribute('readonly', '');
  for (const name of ['Import .md…', 'Duplicate', 'Save template']) {
    await expect(samPage.getByRole('button', { name })).toHaveCount(0);
  }
  await nav.getByRole('link', { name: 'Criteria' }).click();
  await expect(samPage.getByRole('navigation', { name: 'Criteria sets' })).toBeVisible();
  await expect(samPage.getByRole('button', { name: 'Duplicate and edit' })).toHaveCount(0);
  await nav.getByRole('link', { name: 'Resources' }).click();
  await expect(samPage.getByRole('heading', { name: 'Resources', level: 1 })).toBeVisible();
  await expect(samPage.getByRole('button', { name: 'Add resource' })).toHaveCount(0);

  // Exporting for an attorney stays, and saves: the export is recorded in the viewer's name.
  await openCasePage(samPage, shared);
  await samPage.getByRole('button', { name: 'Export for attorney' }).click();
  const exportDialog = samPage.getByRole('dialog', { name: 'Export for attorney' });
  await expect(exportDialog.getByText('Note (1)')).toBeVisible();
  const [summaryDownload] = await Promise.all([
    samPage.waitForEvent('download'),
    exportDialog.getByRole('button', { name: 'Save summary PDF' }).click(),
  ]);
  expect(summaryDownload.suggestedFilename()).toMatch(/^Case summary C-\d{5} \d{4}-\d{2}-\d{2}\.pdf$/);
  await expect(samPage.getByText(/Case summary saved as Case summary C-\d{5} [\d-]+\.pdf/)).toBeVisible();
  await samPage.keyboard.press('Escape');

  // The supervisor, in the same run, keeps every control.
  const meiPage = await openCopyOf(team, browser, mei);
  await expect(meiPage.getByRole('note').filter({ hasText: 'Read-only' })).toHaveCount(0);
  await expect(meiPage.getByRole('button', { name: 'New case' })).toBeVisible();
  await openCasePage(meiPage, shared);
  await expect(meiPage.getByRole('heading', { name: /Rosa Delgado/, level: 1 })).toBeVisible();
  for (const name of caseEditingButtons.filter((button) => button !== 'Start timer')) {
    await expect(meiPage.getByRole('button', { name })).toBeVisible();
  }
  await expect(meiPage.getByLabel('Stage')).toBeVisible();
  await meiPage.keyboard.press('e');
  await expect(meiPage.getByRole('dialog')).toBeVisible();
});
