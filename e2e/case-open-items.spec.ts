import type { Locator, Page } from '@playwright/test';
import { callHarness, completeFirstRun, createCaseWithCoverage, dayFromToday } from './support/app-steps';
import { screenshotBothSizes } from './support/screenshot-both-sizes';
import { expect, test } from './support/web-harness-fixture';

/**
 * One case's open work tells the same story on every screen (core/deadlines/open-work.ts): a
 * newcomer logged a call where the payer promised a decision by a date; the reminder banner and the
 * Agenda counted it, the Deadlines tab did not show it and Close case said nothing was open.
 */

const passphrase = 'orchard lamp seven quiet';
const client = 'Nora Lindqvist';
const promise = 'Aetna calls back with the peer-to-peer decision';

function headerSummary(page: Page): Locator {
  return page.getByLabel('Open on this case', { exact: true });
}

/** The numbers in "Open: 1 deadline and 1 promise from a call", added up. */
function countIn(text: string): number {
  return [...text.matchAll(/(\d+) (?:deadlines?|promises? from (?:a )?calls?|dated to-dos?)/g)].reduce(
    (sum, match) => sum + Number(match[1]),
    0,
  );
}

test('a promise from a call is on the Deadlines tab, counted alike by the header, the Agenda and the caseload, and Close case offers to close it out', async ({
  page,
  app,
}) => {
  test.setTimeout(180_000);
  const origin = new URL(app.url).origin;
  await completeFirstRun(page, app.url, passphrase);
  // Setup outside the walk's subject: a denied case on an employer plan, its appeal window open.
  const created = (await callHarness(app.url, 'clients.create', { fullName: client, state: 'MN' })) as {
    id: number;
  };
  const { caseId } = await createCaseWithCoverage(app.url, {
    clientId: created.id,
    payer: 'Aetna',
    planType: 'employer-self-funded',
    treatment: 'tms',
    changes: { claimType: 'pre-service' },
  });
  await callHarness(app.url, 'events.add', {
    caseId,
    event: {
      type: 'payer_decision',
      occurredAt: `${dayFromToday(-100)}T15:00:00.000Z`,
      summary: 'TMS denied: not medically necessary',
      details: {
        decision: 'denied',
        level: 0,
        noticeDate: dayFromToday(-100),
        receivedOn: dayFromToday(-100),
      },
    },
  });

  await page.goto(`${origin}/#/cases/${caseId}/timeline`);
  await expect(page.getByRole('heading', { level: 1, name: new RegExp(client) })).toBeVisible();
  await expect(headerSummary(page)).toContainText('Open: 1 deadline ·');

  // The call, through "Log call": the payer promises a decision within five days.
  await page.getByRole('button', { name: 'Log call' }).click();
  const quickCall = page.getByRole('dialog', { name: 'Log a call' });
  await quickCall.getByLabel(/^Rep name/).fill('Marcus');
  await quickCall
    .getByLabel('What was said')
    .fill('Peer-to-peer done; the medical director decides this week.');
  await quickCall.getByLabel(/^Follow-up promised/).fill(promise);
  await quickCall.getByLabel(/^Follow-up due/).fill(dayFromToday(5));
  await quickCall.getByRole('button', { name: 'Save' }).click();
  await expect(quickCall).toBeHidden();
  // The next deadline is the appeal's: a promise is not a legal deadline and never takes its place.
  await expect(headerSummary(page)).toContainText(
    'Open: 1 deadline and 1 promise from a call · next deadline',
  );
  await expect(headerSummary(page)).toContainText('(open)');
  const headerText = await headerSummary(page).innerText();

  // The Deadlines tab shows the promise, as a promise from the call and not a legal deadline.
  await headerSummary(page).getByRole('link', { name: 'See the Deadlines tab' }).click();
  await expect(page.getByText('Open on this case: 1 deadline and 1 promise from a call.')).toBeVisible();
  // The reminder banner counts the promise too, without calling it a deadline.
  await expect(page.getByRole('complementary', { name: 'Reminders' })).toContainText(
    '1 deadline or follow-up due in 3 to 7 days.',
  );
  const promises = page.getByRole('list', { name: 'Promises and your own dates' }).getByRole('listitem');
  await expect(promises).toHaveCount(1);
  await expect(promises.first()).toContainText(promise);
  await expect(promises.first()).toContainText('Promised on the call of');
  await expect(promises.first()).toContainText('your follow-up, not a legal deadline');
  await expect(promises.first()).toContainText('Due soon');
  // No rule, no citation, no "estimated" label: no regulation sets this date.
  await expect(promises.first().getByRole('link')).toHaveCount(0);
  await expect(promises.first()).not.toContainText('Estimated');
  // The header's count is the tab's: the promise and the open deadline cards.
  const openDeadlineCards = (
    await page.getByRole('list', { name: 'Deadlines' }).getByRole('listitem').allInnerTexts()
  ).filter((text) => /\b(Open|Due soon|Due today|Missed)\b/.test(text));
  expect(countIn(headerText)).toBe((await promises.count()) + openDeadlineCards.length);
  const promiseDue = (await promises.first().innerText()).match(/Due ([A-Z][a-z]{2} \d{1,2}, \d{4})/)?.[1];
  expect(promiseDue).toBeTruthy();
  await screenshotBothSizes(page, app, 'open-items-01-deadlines-tab');

  // The Agenda lists the same two, the promise labelled as one.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Agenda' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Agenda' })).toBeVisible();
  const agendaRows = page.getByRole('row').filter({ hasText: client });
  await expect(agendaRows).toHaveCount(2);
  await expect(agendaRows.filter({ hasText: promise })).toContainText('Promised on the call of');
  await screenshotBothSizes(page, app, 'open-items-02-agenda');

  // The caseload's Next deadline is the header's: the appeal's date, not the promise's.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Caseload' }).click();
  await expect(page.getByRole('columnheader', { name: /next deadline/i })).toBeVisible();
  const headers = await page.getByRole('columnheader').allInnerTexts();
  const column = headers.findIndex((text) => /next deadline/i.test(text));
  expect(column).toBeGreaterThanOrEqual(0);
  const row = page.getByRole('row', { name: new RegExp(client) });
  await expect(row.getByRole('gridcell').nth(column)).not.toContainText(promiseDue!);
  const headerNext = headerText.match(/next deadline ([A-Z][a-z]{2} \d{1,2}, \d{4})/)?.[1];
  expect(headerNext).toBeTruthy();
  await expect(row.getByRole('gridcell').nth(column)).toHaveText(headerNext!);

  // Close case warns about both and offers to close out the promise; the button says what it does.
  await page.goto(`${origin}/#/cases/${caseId}/timeline`);
  await page.getByRole('button', { name: 'Close case…' }).click();
  const closing = page.getByRole('dialog', { name: /^Close C-\d+/ });
  const stillOpen = closing.getByRole('group', {
    name: 'Still open on this case: 1 deadline and 1 promise from a call',
  });
  await expect(stillOpen).toBeVisible();
  await expect(stillOpen.getByRole('listitem')).toHaveCount(countIn(headerText));
  await expect(stillOpen.getByRole('listitem').filter({ hasText: promise })).toContainText(
    'Promised on the call of',
  );
  const closeOut = closing.getByLabel(/^Close out the 1 promise from a call/);
  await expect(closeOut).not.toBeChecked();
  await closeOut.check();
  // "Denied (final)" while the internal appeal can still be filed: the dialog says what is given up.
  await closing.getByLabel('How did it end?').selectOption({ label: 'Denied (final)' });
  await expect(closing).toContainText(/An appeal can still be filed until .+ \(29 CFR 2560\.503-1/);
  await screenshotBothSizes(page, app, 'open-items-03a-close-denied-final');
  await closing.getByLabel('How did it end?').selectOption({ label: 'Approved' });
  await expect(closing).not.toContainText('An appeal can still be filed');
  await expect(closing.getByRole('button', { name: 'Close case and mark it done' })).toBeVisible();
  await screenshotBothSizes(page, app, 'open-items-03-close-case');
  await closing.getByRole('button', { name: 'Close case and mark it done' }).click();
  await expect(closing).toBeHidden();
  await expect(page.getByRole('status')).toContainText(
    'closed as approved. Marked done: 1 promise from a call. No longer tracked: 1 deadline.',
  );
  await expect(headerSummary(page)).toHaveText('Nothing open on this case.');
  await expect(page.getByText(`Done: ${promise} — closed out with the case`)).toBeVisible();
  await expect(page.getByRole('checkbox', { name: new RegExp(promise) })).toBeChecked();
  await screenshotBothSizes(page, app, 'open-items-04-closed');
});

test('a denial whose deadline cannot be worked out yet is not "nothing open": the header says what to record', async ({
  page,
  app,
}) => {
  await completeFirstRun(page, app.url, passphrase);
  // A denial recorded before the case has a coverage: the appeal clock runs, but no date is known.
  const created = (await callHarness(app.url, 'clients.create', { fullName: client, state: 'MN' })) as {
    id: number;
  };
  const opened = (await callHarness(app.url, 'cases.create', {
    clientId: created.id,
    treatment: 'tms',
    payer: 'Aetna',
  })) as { id: number };
  await callHarness(app.url, 'events.add', {
    caseId: opened.id,
    event: {
      type: 'payer_decision',
      occurredAt: `${dayFromToday(-10)}T15:00:00.000Z`,
      summary: 'TMS denied',
      details: { decision: 'denied', level: 0, noticeDate: dayFromToday(-10), receivedOn: dayFromToday(-8) },
    },
  });
  await page.goto(`${new URL(app.url).origin}/#/cases/${opened.id}/timeline`);
  const summary = headerSummary(page);
  await expect(summary).toContainText('Some dates cannot be worked out yet');
  await expect(summary).not.toContainText('Nothing open on this case.');
  await summary.getByRole('link', { name: 'See what to record' }).click();
  await expect(
    page.getByRole('heading', { name: 'What to record to get the remaining dates' }),
  ).toBeVisible();
  // The tab tells the same story as the header.
  await expect(
    page.getByText('Some dates cannot be worked out yet: what to record is listed below.'),
  ).toBeVisible();
  await expect(page.getByText('Nothing open on this case.')).toHaveCount(0);
  await screenshotBothSizes(page, app, 'open-items-05-dates-missing');
});
