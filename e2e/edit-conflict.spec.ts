import type { Page } from '@playwright/test';
import { callHarness, completeFirstRun } from './support/app-steps';
import { expectAccessible } from './support/axe';
import { screenshotBothSizes } from './support/screenshot-both-sizes';
import { expect, test } from './support/web-harness-fixture';

/**
 * No lost updates (docs/team-mode.md, "Two people editing at once"), through the interface: two
 * windows of one person on the local store (two pages of the same web harness) edit the same
 * case. The second save is not made; the conflict dialog shows who and when, both versions side by
 * side, and the choices. (A team database in e2e needs a PostgreSQL harness no spec has yet; the
 * contract tests run the same check on PostgreSQL with two people's logins.)
 */

const passphrase = 'lantern quiet harbor maple 61';

async function openCaseDetails(page: Page, origin: string, caseId: number) {
  await page.goto(`${origin}/#/cases/${caseId}/timeline`);
  await expect(page.getByRole('heading', { level: 1, name: /Rosa Delgado/ })).toBeVisible();
  await page.getByRole('button', { name: 'Edit details' }).click();
  return page.getByRole('dialog', { name: 'Case details' });
}

test('a save over a change made in another window shows both versions and lets the person choose', async ({
  app,
  page,
}) => {
  test.setTimeout(540_000); // Two windows, two saves and a first run with its key derivation, on a shared machine.
  await completeFirstRun(page, app.url, passphrase);
  const origin = new URL(app.url).origin;
  const client = (await callHarness(app.url, 'clients.create', {
    fullName: 'Rosa Delgado',
    dateOfBirth: '1979-03-14',
    state: 'NM',
  })) as { id: number };
  const opened = (await callHarness(app.url, 'cases.create', {
    clientId: client.id,
    treatment: 'tms',
    payer: 'Blue Cross NM',
  })) as { id: number };

  // The case's coverage, linked before the other window opens (for the last part).
  const coverage = (await callHarness(app.url, 'coverages.create', {
    clientId: client.id,
    payer: 'Blue Cross NM',
    planType: 'employer-self-funded',
    memberId: 'BC-100',
  })) as { id: number };
  await page.goto(`${origin}/#/cases/${opened.id}/coverage`);
  await page.getByLabel('Coverage for this case').selectOption({ value: String(coverage.id) });
  await expect(page.getByRole('button', { name: 'Edit', exact: true })).toBeVisible();

  // This window opens the form first…
  const mine = await openCaseDetails(page, origin, opened.id);
  await mine.getByLabel('Priority').selectOption({ label: 'Low' });
  await mine.getByLabel('Assigned advocate').fill('Dana Reyes');

  // …the other window saves first.
  const otherWindow = await page.context().newPage();
  await otherWindow.goto(app.url); // The launch's token is kept per window, from the address.
  await expect(otherWindow.getByRole('heading', { name: 'Caseload' })).toBeVisible();
  const theirs = await openCaseDetails(otherWindow, origin, opened.id);
  await theirs.getByLabel('Priority').selectOption({ label: 'Urgent' });
  await theirs.getByRole('button', { name: 'Save details' }).click();
  await expect(theirs).toBeHidden();

  await mine.getByRole('button', { name: 'Save details' }).click();
  const conflict = page.getByRole('dialog', { name: 'This case changed while you were editing it' });
  await expect(conflict).toBeVisible();
  await expect(conflict).toContainText(/Changed by you in another window at \d{1,2}:\d{2}/);
  const priority = conflict.getByRole('row', { name: /Priority/ });
  await expect(priority).toContainText('Differs');
  await expect(priority.getByRole('cell')).toHaveText(['Low', 'Urgent']);
  await expect(conflict.getByRole('row', { name: /Assigned advocate/ }).getByRole('cell')).toHaveText([
    'Dana Reyes',
    '—',
  ]);
  await expect(conflict.getByRole('row', { name: /Treatment/ }).first()).not.toContainText('Differs');
  await expectAccessible(page, 'the edit conflict dialog');
  await screenshotBothSizes(page, app, 'edit-conflict');

  // Nothing of this window's save was written.
  expect(await callHarness(app.url, 'cases.get', { caseId: opened.id })).toMatchObject({
    priority: 'urgent',
    assignedAdvocate: null,
  });

  // Escape goes back to the form, which still holds what was typed.
  await page.keyboard.press('Escape');
  await expect(conflict).toBeHidden();
  await expect(mine.getByLabel('Priority')).toHaveValue('low');
  await expect(mine.getByLabel('Assigned advocate')).toHaveValue('Dana Reyes');

  // The other window saves again; this time the person saves theirs over it, on purpose.
  await theirs.page().getByRole('button', { name: 'Edit details' }).click();
  await theirs.getByLabel('Assigned advocate').fill('Mei Chen');
  await theirs.getByRole('button', { name: 'Save details' }).click();
  await expect(theirs).toBeHidden();
  await mine.getByRole('button', { name: 'Save details' }).click();
  await expect(conflict.getByRole('row', { name: /Assigned advocate/ }).getByRole('cell')).toHaveText([
    'Dana Reyes',
    'Mei Chen',
  ]);
  await conflict.getByRole('button', { name: 'Save mine over theirs' }).click();
  await expect(conflict).toBeHidden();
  await expect(mine).toBeHidden();
  expect(await callHarness(app.url, 'cases.get', { caseId: opened.id })).toMatchObject({
    priority: 'low',
    assignedAdvocate: 'Dana Reyes',
  });

  // The case's coverage: this window keeps theirs, and is told its own changes were discarded
  // (not that anything was saved).
  const editCoverage = async (window: Page) => {
    await window.goto(`${origin}/#/cases/${opened.id}/coverage`);
    await window.getByRole('button', { name: 'Edit', exact: true }).click();
    return window.getByRole('dialog', { name: 'Edit coverage' });
  };
  const myCoverage = await editCoverage(page);
  await myCoverage.getByLabel('Member ID').fill('BC-MINE');
  const theirCoverage = await editCoverage(otherWindow);
  await theirCoverage.getByLabel('Member ID').fill('BC-THEIRS');
  await theirCoverage.getByRole('button', { name: /^Save/ }).click();
  await expect(theirCoverage).toBeHidden();
  await myCoverage.getByRole('button', { name: /^Save/ }).click();
  const coverageConflict = page.getByRole('dialog', { name: /changed while you were editing it/ });
  await coverageConflict.getByRole('button', { name: 'Keep theirs, discard mine' }).click();
  await expect(
    page.getByText('Your changes were discarded; the coverage shows the version saved last.'),
  ).toBeVisible();
  await expect(page.getByText(/Coverage with .* saved/)).toHaveCount(0);
  // Nothing of this window's was saved, so nothing to undo: an Undo here would take back an earlier edit.
  await expect(page.getByRole('button', { name: 'Undo', exact: true })).toHaveCount(0);
  await expect(page.getByText('BC-THEIRS').first()).toBeVisible();
});
