import type { Page } from '@playwright/test';
import { callHarness, completeFirstRun, dayFromToday } from './support/app-steps';
import { expect, test } from './support/web-harness-fixture';

/**
 * A payer decision is dated by its notice wherever it shows: recorded through the timeline form
 * three weeks after the date on the notice, it sits on the timeline on that date (before what was
 * done since), and Outcomes counts the days from intake to it, not to the day it was typed in.
 */

const passphrase = 'quiet maple harbor lantern 24';

async function timelineOrder(page: Page): Promise<(string | null)[]> {
  const times = await page
    .getByRole('article', { name: /^(Payer decision|Note), / })
    .locator('time')
    .all();
  return Promise.all(times.map((time) => time.getAttribute('datetime')));
}

test('a denial recorded three weeks after its notice is on the timeline and in Outcomes on the notice’s date', async ({
  page,
  app,
}) => {
  await completeFirstRun(page, app.url, passphrase);
  const client = (await callHarness(app.url, 'clients.create', { fullName: 'Ines Moreau' })) as {
    id: number;
  };
  const opened = (await callHarness(app.url, 'cases.create', {
    clientId: client.id,
    treatment: 'tms',
    payer: 'Aetna',
    openedOn: dayFromToday(-40),
  })) as { id: number };
  await callHarness(app.url, 'events.add', {
    caseId: opened.id,
    event: {
      type: 'note',
      occurredAt: `${dayFromToday(-10)}T15:00:00.000Z`,
      summary: 'Asked the clinic for records',
      details: {},
    },
  });

  await page.goto(`${new URL(app.url).origin}/#/cases/${opened.id}/timeline`);
  await page.getByRole('button', { name: 'Add event' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add to the timeline' });
  await dialog.getByLabel('What happened').selectOption({ label: 'Payer decision' });
  // The notice's date is the decision's date: there is no second "When" to disagree with it.
  await expect(dialog.getByLabel('When')).toHaveCount(0);
  // The date the decision is known by cannot be left out, and is not labelled as if it could.
  await expect(dialog.locator('label', { hasText: 'Date on the notice' })).toHaveText('Date on the notice');
  await dialog.getByLabel('Summary').fill('TMS denied: not medically necessary');
  await dialog.getByLabel('Decision', { exact: true }).selectOption('denied');
  await dialog.getByLabel('Date on the notice').fill(dayFromToday(-21));
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();

  // Newest first: the note of ten days ago, then the denial dated three weeks ago.
  const decision = page.getByRole('article', { name: /^Payer decision, / });
  await expect(decision.locator('time')).toHaveAttribute('datetime', dayFromToday(-21));
  expect(await timelineOrder(page)).toEqual([`${dayFromToday(-10)}T15:00:00.000Z`, dayFromToday(-21)]);
  await app.screenshot('decision-date-01-timeline');

  // Opened 40 days ago, decided 21 days ago: 19 days from intake to decision.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Outcomes' }).click();
  await page.getByLabel('Period').selectOption({ label: 'Last 12 months' });
  const card = page
    .getByRole('list', { name: 'Headline figures' })
    .getByRole('listitem')
    .filter({ hasText: 'Intake to decision' });
  await expect(card).toContainText('19 days');
});
