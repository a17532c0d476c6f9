import { readFileSync } from 'node:fs';
import { formatLongDate } from '../src/shared/domain/long-date';
import { parseCalendar } from '../test/deadlines/parse-ics';
import { backToCaseloadFromNewCase, callHarness, completeFirstRun, dayFromToday } from './support/app-steps';
import { expect, test } from './support/web-harness-fixture';

const passphrase = 'maple harbor quiet lantern 42';

test('a denial gives an appeal deadline on the case and the agenda; override it; export it as .ics', async ({
  page,
  app,
}) => {
  await completeFirstRun(page, app.url, passphrase);

  await page.getByRole('button', { name: 'New case' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'New case' });
  await dialog.getByLabel('Full name').fill('Rosa Delgado');
  await dialog.getByLabel('State').selectOption('CA');
  await dialog.getByLabel('Treatment').selectOption({ label: 'Esketamine (Spravato)' });
  await dialog.getByLabel('Payer').fill('Anthem Blue Cross');
  await dialog.getByRole('button', { name: 'Open case' }).click();
  await backToCaseloadFromNewCase(page, /Rosa Delgado/);

  // Setup outside the test's subject: the employer plan (ERISA) and the claim type.
  const [opened] = (await callHarness(app.url, 'cases.list', {})) as { id: number; clientId: number }[];
  const coverage = (await callHarness(app.url, 'coverages.create', {
    clientId: opened!.clientId,
    payer: 'Anthem Blue Cross',
    planType: 'employer-self-funded',
  })) as { id: number };
  await callHarness(app.url, 'cases.update', {
    caseId: opened!.id,
    changes: { coverageId: coverage.id, claimType: 'pre-service' },
  });

  // Before any decision, the tab says what to record.
  await page.goto(`${new URL(app.url).origin}/#/cases/${opened!.id}/deadlines`);
  await expect(page.getByText('No computed deadlines yet.')).toBeVisible();

  // The denial, through the timeline form. It arrived 165 days ago: 180 days from receipt leaves 15.
  const noticeDate = dayFromToday(-170);
  const receivedOn = dayFromToday(-165);
  const dueOn = dayFromToday(15);
  await page.getByRole('button', { name: 'Add event' }).click();
  const eventDialog = page.getByRole('dialog', { name: 'Add to the timeline' });
  await eventDialog.getByLabel('What happened').selectOption({ label: 'Payer decision' });
  await eventDialog.getByLabel('Summary').fill('Spravato denied: two antidepressant trials not documented');
  await eventDialog.getByLabel('Decision', { exact: true }).selectOption('denied');
  await eventDialog.getByLabel('Decision on').selectOption('0');
  await eventDialog.getByLabel('Date on the notice').fill(noticeDate);
  await eventDialog.getByLabel('Date it arrived').fill(receivedOn);
  await eventDialog.getByRole('button', { name: 'Save' }).click();
  await expect(eventDialog).toBeHidden();

  const deadlines = page.getByRole('list', { name: 'Deadlines' });
  const appealCard = deadlines.getByRole('listitem').filter({ hasText: 'file an internal appeal' });
  await expect(appealCard).toContainText('Client / advocate must act');
  await expect(appealCard).toContainText('29 CFR 2560.503-1(h)(3)(i)');
  await expect(appealCard).toContainText('Open');
  await expect(appealCard).toContainText('Estimated — verify against the notice');
  // The rule's grade says what it means for the date, not the reference's bare word.
  await expect(appealCard).toContainText("Rule checked against the regulation's text");
  await expect(deadlines).not.toContainText(/Source (verified|corroborated|unverified)/);
  const citation = appealCard.getByRole('link', { name: /29 CFR 2560\.503-1\(h\)\(3\)\(i\)/ });
  await expect(citation).toHaveAttribute('href', 'https://www.ecfr.gov/current/title-29/section-2560.503-1');
  await expect(citation).toHaveAttribute('rel', 'noreferrer');
  await expect(citation).toHaveAttribute('target', '_blank');
  const dueText = (await appealCard.locator('p').first().innerText()).replace(/^Due /, '');
  await app.screenshot('deadlines-01-case-tab');

  // The agenda, across all cases: due in 15 days is in "Next 30 days".
  await page.getByRole('link', { name: 'Agenda' }).click();
  const nextThirty = page.getByRole('region', { name: /Next 30 days/ });
  const agendaRow = nextThirty.getByRole('row', { name: /C-00001/ });
  await expect(agendaRow).toContainText('Rosa Delgado');
  await expect(agendaRow).toContainText('file an internal appeal');
  await expect(agendaRow).toContainText(dueText);
  // The same rule as the case's card cites, with the same link: the Agenda is no less sourced.
  await expect(agendaRow.getByRole('link', { name: /29 CFR 2560\.503-1\(h\)\(3\)\(i\)/ })).toHaveAttribute(
    'href',
    'https://www.ecfr.gov/current/title-29/section-2560.503-1',
  );
  await app.screenshot('deadlines-02-agenda');

  // The plan document gives 10 more days: override with the reason (still inside the agenda's 30 days).
  const laterDate = dayFromToday(25);
  await agendaRow.getByRole('link', { name: 'C-00001' }).click();
  await appealCard.getByRole('button', { name: /^Change date/ }).click();
  const overrideDialog = page.getByRole('dialog', { name: 'Change this deadline' });
  await overrideDialog.getByLabel('New date').fill(laterDate);
  await overrideDialog.getByLabel('Reason').fill('SPD section 9.1 allows 210 days to appeal');
  await overrideDialog.getByRole('button', { name: 'Save date' }).click();
  await expect(overrideDialog).toBeHidden();
  await expect(appealCard).toContainText(`Changed by you from the computed ${dueText}`);
  await expect(appealCard).toContainText('SPD section 9.1 allows 210 days to appeal');
  await expect(appealCard).not.toContainText('Estimated — verify against the notice');
  await app.screenshot('deadlines-03-overridden');

  // Export the open deadlines and read the file back.
  const downloadPromise = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export open deadlines (.ics)' }).click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toMatch(/^advocase-deadlines-\d{4}-\d{2}-\d{2}\.ics$/);
  const text = readFileSync(await download.path(), 'utf8');
  const calendar = parseCalendar(text);
  // Titled as the Agenda names it, whose date it is first; dates written out as people read them.
  const appealEvent = calendar.events.find((event) => event.SUMMARY?.includes('to file an internal appeal'));
  expect(appealEvent).toBeDefined();
  expect(appealEvent!['DTSTART;VALUE=DATE']).toBe(laterDate.replace(/-/g, ''));
  expect(appealEvent!.SUMMARY).toMatch(/^C-00001: You must act — /);
  expect(text).not.toContain('Rosa');
  expect(appealEvent!.DESCRIPTION).toContain(
    `from ${formatLongDate(dueOn)} to ${formatLongDate(laterDate)}: SPD section 9.1 allows 210 days to appeal`,
  );

  // Mark it done from the agenda: it leaves the list and a note lands on the timeline.
  await page.getByRole('link', { name: 'Agenda' }).click();
  await page
    .getByRole('row', { name: /C-00001/ })
    .getByRole('button', { name: /Mark done/ })
    .click();
  await expect(page.getByText(/Nothing to act on for any open case\./)).toBeVisible();
  await app.screenshot('deadlines-04-agenda-done');

  // Undo in the toast takes the whole step back: the deadline is on the agenda again.
  await page.getByRole('button', { name: 'Undo', exact: true }).click();
  await expect(page.getByRole('row', { name: /C-00001/ })).toBeVisible();
  // Exporting the agenda changes nothing, so its message offers no Undo.
  const agendaDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export agenda (.ics)' }).click();
  await agendaDownload;
  await expect(page.getByRole('status')).toContainText('exported to');
  await expect(page.getByRole('button', { name: 'Undo', exact: true })).toHaveCount(0);
  // Done again, for the rest of the story.
  await page
    .getByRole('row', { name: /C-00001/ })
    .getByRole('button', { name: /Mark done/ })
    .click();
  await expect(page.getByText(/Nothing to act on for any open case\./)).toBeVisible();
  await page.goto(`${new URL(app.url).origin}/#/cases/${opened!.id}/timeline`);
  await expect(page.getByText(/Deadline marked done \(due /)).toBeVisible();
  // A request for the claim file: its dates, like every date on the tab, read in the user's locale
  // (never 2026-12-07), and the deadline a "Change date" button is for is in its name, not a line of its own.
  await page.goto(`${new URL(app.url).origin}/#/cases/${opened!.id}/deadlines`);
  await page.getByRole('button', { name: 'Record request' }).click();
  await expect(page.getByRole('region', { name: 'Requests the payer must answer' })).toContainText(', sent ');
  const tabText = await page.locator('main').innerText();
  expect(tabText).not.toMatch(/\b\d{4}-\d{2}-\d{2}\b/);
  expect(tabText).not.toMatch(/^\s*: /m);
  await expect(appealCard.getByRole('button', { name: /^Change date: .*internal appeal/ })).toBeVisible();
});
