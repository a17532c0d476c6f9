import type { Locator, Page } from '@playwright/test';
import { callHarness, completeFirstRun, createCaseWithCoverage, dayFromToday } from './support/app-steps';
import { expect, test } from './support/web-harness-fixture';

/**
 * One case's whole life through the interface: intake → benefits verified → prior
 * authorization requested → denied → internal appeal sent → upheld → external review →
 * overturned → closed as approved. At each step: the stage, the case's deadlines, the Agenda,
 * the caseload's Next deadline and the banner; at the end, Outcomes. The appeal is recorded as a
 * timeline entry (sending a letter is another engineer's screen).
 */

const passphrase = 'lantern quiet harbor maple 61';
const client = 'Lena Ortiz';

type Walk = { readonly page: Page; readonly origin: string; readonly caseId: number };

const at = (days: number) => `${dayFromToday(days)}T10:00`;

function stageSelect(page: Page): Locator {
  return page.getByRole('combobox', { name: 'Stage' });
}

async function expectStage(page: Page, label: string): Promise<void> {
  await expect(stageSelect(page).locator('option:checked')).toHaveText(label);
}

async function openTab(walk: Walk, tab: 'timeline' | 'deadlines'): Promise<void> {
  await walk.page.goto(`${walk.origin}/#/cases/${walk.caseId}/${tab}`);
  await expect(walk.page.getByRole('heading', { level: 1, name: new RegExp(client) })).toBeVisible();
}

/** Adds a timeline entry through "Add event", filling the fields named. */
async function addEvent(
  page: Page,
  kind: string,
  summary: string,
  /** Null for a payer decision, which is dated by its notice and has no "When". */
  when: string | null,
  fill: (dialog: Locator) => Promise<void>,
): Promise<void> {
  await page.getByRole('button', { name: 'Add event' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add to the timeline' });
  await dialog.getByLabel('What happened').selectOption({ label: kind });
  await dialog.getByLabel('Summary').fill(summary);
  if (when !== null) await dialog.getByLabel('When').fill(when);
  await fill(dialog);
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
}

/** A note on the case's timeline, found by its words. */
function timelineNote(page: Page, summary: string): Locator {
  return page.getByRole('article', { name: /^Note, / }).filter({ hasText: summary });
}

/** The case's open deadlines as the Deadlines tab lists them: "what — status" per card. */
async function openDeadlines(walk: Walk): Promise<string[]> {
  if (!walk.page.url().endsWith('/deadlines')) await openTab(walk, 'deadlines');
  const list = walk.page.getByRole('list', { name: 'Deadlines' });
  if ((await list.count()) === 0) return [];
  // Read at once, like the Agenda's headings below: a card read one by one could vanish under the read.
  const texts = (await list.getByRole('listitem').allInnerTexts()).map((text) => text.replace(/\s+/g, ' '));
  return texts.filter((text) => /\b(Open|Due soon|Due today|Missed|Payer late)\b/.test(text));
}

/** The Agenda's sections with their counts, as their headings read: { Overdue: 1, Later: 1 }. */
async function agendaSections(page: Page): Promise<Record<string, number>> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Agenda' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Agenda' })).toBeVisible();
  await page.waitForLoadState('networkidle');
  const sections: Record<string, number> = {};
  // Read at once: the list re-renders when fresh data arrives, and a heading read one by one could
  // vanish under the read and leave it waiting.
  for (const heading of await page.getByRole('heading', { level: 2 }).allInnerTexts()) {
    const match = /^(.*\D)\s+(\d+)$/.exec(heading.trim());
    if (match) sections[match[1]!.trim()] = Number(match[2]);
  }
  return sections;
}

/** The caseload row's Next deadline cell, found by its column heading. */
async function nextDeadlineCell(page: Page): Promise<string> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Caseload' }).click();
  await expect(page.getByRole('columnheader', { name: /next deadline/i })).toBeVisible();
  const headers = await page.getByRole('columnheader').allInnerTexts();
  const column = headers.findIndex((text) => /next deadline/i.test(text));
  expect(column).toBeGreaterThanOrEqual(0);
  const row = page.getByRole('row', { name: new RegExp(client) });
  await expect(row).toBeVisible();
  return (await row.getByRole('gridcell').nth(column).innerText()).replace(/\s+/g, ' ').trim();
}

/** The banner's sentence, or '' when it says nothing (it is not shown on the Agenda itself). */
async function bannerText(page: Page): Promise<string> {
  const banner = page.getByRole('complementary', { name: 'Reminders' });
  await page.waitForLoadState('networkidle');
  return (await banner.count()) === 0 ? '' : (await banner.innerText()).replace(/\s+/g, ' ').trim();
}

/** What every step checks beyond the stage: deadlines, Agenda, caseload and banner agree. */
async function expectEverywhere(
  walk: Walk,
  expected: {
    deadlines: RegExp[];
    agenda: Record<string, number>;
    nextDeadline: RegExp;
    banner: RegExp;
  },
): Promise<void> {
  // Each screen reads again when it is shown; poll until it has, rather than read a cached answer.
  await openTab(walk, 'deadlines');
  await expect
    .poll(() => openDeadlines(walk))
    .toEqual(expected.deadlines.map((pattern) => expect.stringMatching(pattern)));
  await expect.poll(() => agendaSections(walk.page)).toEqual(expected.agenda);
  await expect.poll(() => nextDeadlineCell(walk.page)).toMatch(expected.nextDeadline);
  // The banner asks only once the screen's own calls are answered (lib/screen-calls.ts), after the
  // deadlines a new entry moves are worked out again: on a busy machine that is more than 10 s.
  await expect.poll(() => bannerText(walk.page), { timeout: 30_000 }).toMatch(expected.banner);
}

/** A screenshot at both window sizes the app must work at, for a person to look at. */
async function shootBothSizes(page: Page, app: { screenshot(name: string): Promise<void> }, name: string) {
  for (const size of [
    { width: 1280, height: 800 },
    { width: 1440, height: 900 },
  ]) {
    await page.setViewportSize(size);
    await app.screenshot(`${name}-${size.width}x${size.height}`);
  }
  await page.setViewportSize({ width: 1280, height: 800 });
}

test("a case's whole life, from intake to closed as approved, agrees on every screen", async ({
  page,
  app,
}) => {
  test.setTimeout(240_000);
  const origin = new URL(app.url).origin;
  await completeFirstRun(page, app.url, passphrase);

  // Intake, through the New case dialog.
  await page.getByRole('button', { name: 'New case' }).first().click();
  const newCase = page.getByRole('dialog', { name: 'New case' });
  await newCase.getByLabel('Full name').fill(client);
  await newCase.getByLabel('State').selectOption('NY');
  await newCase.getByLabel('Treatment').selectOption({ label: 'Esketamine (Spravato)' });
  await newCase.getByLabel('Payer').fill('Cigna');
  await newCase.getByRole('button', { name: 'Open case' }).click();
  await expect(newCase).toBeHidden();
  // Setup outside the walk's subject: the employer plan (ERISA) and the claim type.
  const [opened] = (await callHarness(app.url, 'cases.list', {})) as { id: number; clientId: number }[];
  const coverage = (await callHarness(app.url, 'coverages.create', {
    clientId: opened!.clientId,
    payer: 'Cigna',
    planType: 'employer-self-funded',
  })) as { id: number };
  await callHarness(app.url, 'cases.update', {
    caseId: opened!.id,
    changes: { coverageId: coverage.id, claimType: 'pre-service' },
  });
  const walk: Walk = { page, origin, caseId: opened!.id };

  await openTab(walk, 'timeline');
  await expectStage(page, 'Intake');
  await expectEverywhere(walk, { deadlines: [], agenda: {}, nextDeadline: /^—$/, banner: /^$/ });

  // Benefits verified: the verification call, with an answer.
  await openTab(walk, 'timeline');
  await page.getByRole('button', { name: 'Verify benefits' }).click();
  const call = page.getByRole('dialog', { name: 'Benefits verification call' });
  await call.getByLabel('Rep name').fill('Tanya');
  await call.getByLabel('Reference number').fill('REF-2201');
  await call.locator('textarea').first().fill('Yes: prior authorization is required for Spravato.');
  await call.getByLabel('When').fill(at(-70));
  await call.getByRole('button', { name: 'Save call' }).click();
  await expect(call).toBeHidden();
  await expect(page.getByRole('status')).toContainText('Stage moved to Evidence gathering');
  await expectStage(page, 'Evidence gathering');
  await expectEverywhere(walk, { deadlines: [], agenda: {}, nextDeadline: /^—$/, banner: /^$/ });

  // Prior authorization requested 60 days ago: the payer had 15 days from receipt, so it is late.
  await openTab(walk, 'timeline');
  await addEvent(
    page,
    'Prior authorization submitted',
    'Spravato PA faxed with the LMN',
    at(-60),
    async (d) => {
      await d.getByLabel('How it was sent').selectOption({ label: 'Fax' });
      await d.getByLabel('Received by the payer at').fill(at(-60));
    },
  );
  await expect(page.getByRole('status')).toContainText('Stage moved to Prior auth submitted');
  await expectStage(page, 'Prior auth submitted');
  // Undo takes back the stage move only; the stage can then be set by hand.
  await page.getByRole('button', { name: /Undo/ }).click();
  await expectStage(page, 'Evidence gathering');
  await expect(page.getByText('Spravato PA faxed with the LMN')).toBeVisible();
  await stageSelect(page).selectOption({ label: 'Prior auth submitted' });
  await expect(page.getByRole('status')).toContainText('Stage changed to Prior auth submitted');
  await expectEverywhere(walk, {
    // The payer's missed date reads as its lateness, not the advocate's "Missed" (shared/domain/payer-late.ts).
    deadlines: [/Payer must act.*Payer late/],
    agenda: { Overdue: 1 },
    nextDeadline: /1 overdue/,
    banner: /1 deadline or follow-up overdue/,
  });

  // Denied 50 days ago: the payer answered in time; 180 days to appeal from the denial's arrival.
  await openTab(walk, 'timeline');
  await addEvent(page, 'Payer decision', 'Spravato denied: step therapy not met', null, async (d) => {
    await d.getByLabel('Decision', { exact: true }).selectOption('denied');
    await expect(d.getByLabel('Decision on')).toHaveValue('0');
    await d.getByLabel('Date on the notice').fill(dayFromToday(-50));
    await d.getByLabel('Date it arrived').fill(dayFromToday(-50));
  });
  // The stage was set by hand: the case page asks before moving it.
  await expectStage(page, 'Prior auth submitted');
  const ask = page.getByRole('note', { name: 'Stage' });
  await expect(ask).toContainText(
    'You set the stage to Prior auth submitted. The payer decision recorded since',
  );
  await expect(ask).toContainText('would make it Denied');
  await shootBothSizes(page, app, 'lifecycle-01-stage-suggestion');
  await ask.getByRole('button', { name: 'Move to Denied' }).click();
  await expectStage(page, 'Denied');
  await expect(ask).toBeHidden();
  await expectEverywhere(walk, {
    deadlines: [/file an internal appeal.*Client \/ advocate must act.*Open/],
    agenda: { Later: 1 },
    nextDeadline: /\d{4}$/,
    banner: /^$/,
  });
  const appealDue = await nextDeadlineCell(page);

  // Internal appeal sent 40 days ago, received the same day: the payer had 30 days to decide.
  await openTab(walk, 'timeline');
  await addEvent(
    page,
    'Appeal filed',
    'Level 1 appeal faxed with the LMN and two studies',
    at(-40),
    async (d) => {
      await d.getByLabel('Appeal level').selectOption('1');
      await d.getByLabel('How it was sent').selectOption({ label: 'Fax' });
      await d.getByLabel('Received by the payer on').fill(dayFromToday(-40));
    },
  );
  await expect(page.getByRole('status')).toContainText('Stage moved to Internal appeal 1');
  await expectStage(page, 'Internal appeal 1');
  await expectEverywhere(walk, {
    // The payer's missed date reads as its lateness, not the advocate's "Missed" (shared/domain/payer-late.ts).
    deadlines: [/Payer must act.*Payer late/],
    agenda: { Overdue: 1 },
    nextDeadline: /1 overdue/,
    banner: /1 deadline or follow-up overdue/,
  });
  expect(await nextDeadlineCell(page)).not.toContain(appealDue);
  // The caseload's filter says what the banner counts: the payer's missed date is overdue work.
  const overdueOnly = page.getByRole('checkbox', { name: 'Overdue deadline or follow-up' });
  await overdueOnly.check();
  await expect(page.getByRole('row', { name: new RegExp(client) })).toBeVisible();
  await overdueOnly.uncheck();
  await agendaSections(page);
  await shootBothSizes(page, app, 'lifecycle-02-agenda');

  // Upheld 30 days ago, the final internal decision: the external review window opens.
  await openTab(walk, 'timeline');
  await addEvent(page, 'Payer decision', 'Appeal upheld: still not medically necessary', null, async (d) => {
    await d.getByLabel('Decision', { exact: true }).selectOption('denied');
    // The form starts on the review the case is waiting on, not the initial request.
    await expect(d.getByLabel('Decision on')).toHaveValue('1');
    await d.getByLabel('Date on the notice').fill(dayFromToday(-30));
    await d.getByLabel('Date it arrived').fill(dayFromToday(-30));
    await d.getByLabel('Final internal decision (ends internal appeals)').check();
  });
  await expect(page.getByRole('status')).toContainText('Stage moved to Denied');
  await expectStage(page, 'Denied');
  await expectEverywhere(walk, {
    deadlines: [/external review.*Client \/ advocate must act.*Open/i],
    agenda: { Later: 1 },
    nextDeadline: /\d{4}$/,
    banner: /^$/,
  });

  // External review requested 20 days ago: the window to ask for it is met.
  await openTab(walk, 'timeline');
  await addEvent(
    page,
    'External review requested',
    'External review requested from the IRO',
    at(-20),
    async (d) => {
      await d.getByLabel('Reviewer (IRO or state)').fill('Independent review organization');
    },
  );
  await expect(page.getByRole('status')).toContainText('Stage moved to External review');
  await expectStage(page, 'External review');
  await expectEverywhere(walk, { deadlines: [], agenda: {}, nextDeadline: /^—$/, banner: /^$/ });

  // Overturned two days ago.
  await openTab(walk, 'timeline');
  await addEvent(page, 'Payer decision', 'External review overturned the denial', null, async (d) => {
    await d.getByLabel('Decision', { exact: true }).selectOption('approved');
    await expect(d.getByLabel('Decision on')).toHaveValue('3');
    await d.getByLabel('Date on the notice').fill(dayFromToday(-2));
    await d.getByLabel('Date it arrived').fill(dayFromToday(-2));
  });
  await expect(page.getByRole('status')).toContainText('Stage moved to Approved');
  await expectStage(page, 'Approved');
  await expectEverywhere(walk, { deadlines: [], agenda: {}, nextDeadline: /^—$/, banner: /^$/ });

  // Closed as approved, with the amount saved.
  await openTab(walk, 'timeline');
  await page.getByRole('button', { name: 'Close case…' }).click();
  const closing = page.getByRole('dialog', { name: /^Close C-\d+/ });
  await closing.getByLabel('How did it end?').selectOption({ label: 'Approved' });
  await closing.getByLabel('Saved for the client').fill('18,400');
  await expect(closing.getByText('Nothing is open on this case.')).toBeVisible();
  await shootBothSizes(page, app, 'lifecycle-03-close-dialog');
  await closing.getByRole('button', { name: 'Close case' }).click();
  await expect(closing).toBeHidden();
  await expect(page.getByRole('status')).toContainText('closed as approved');
  await expectStage(page, 'Closed');
  await expect(page.getByText(/Outcome: Approved · Closed .* · Saved \$18,400/)).toBeVisible();
  // The closing is on the timeline like every other stage change, in the dialog's words.
  await expect(
    timelineNote(page, 'Case closed as Approved. Saved for the client: $18,400.00.'),
  ).toBeVisible();
  // A closed case asks for nothing more: no notice to drop, no Close case, no authorization prompt.
  await expect(page.getByText(/Got a denial\? Drop the notice here/)).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Close case…' })).toHaveCount(0);
  await expect(page.getByText(/No signed authorization/)).toHaveCount(0);
  await shootBothSizes(page, app, 'lifecycle-04-closed-case');
  await expectEverywhere(walk, { deadlines: [], agenda: {}, nextDeadline: /^—$/, banner: /^$/ });

  // Outcomes: one case closed, approved, and what it saved.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Outcomes' }).click();
  const card = (label: string) =>
    page.getByRole('list', { name: 'Headline figures' }).getByRole('listitem').filter({ hasText: label });
  await expect(card('Cases opened')).toContainText('1 closed');
  await expect(card('Money saved for clients')).toContainText('$18,400');
  // The approval rate and "How closed cases ended" count the same closed case the same way.
  await expect(card('Approval rate')).toContainText('100.0%');
  await expect(card('Approval rate')).toContainText('1 of 1 closed case the payer answered');
  // The walk's decisions are dated before the case was opened: no negative days, and said so.
  await expect(card('Intake to decision')).toContainText(
    '1 case left out: the payer decided before it was opened here',
  );
  await expect(page.getByText('Approved', { exact: true }).first()).toBeVisible();
  await shootBothSizes(page, app, 'lifecycle-05-outcomes');
});

test('closing from the stage list asks about the open deadline; reopening tracks it again', async ({
  page,
  app,
}) => {
  const origin = new URL(app.url).origin;
  await completeFirstRun(page, app.url, passphrase);
  // Setup outside this test's subject: a denied case on an ERISA plan, its appeal window open.
  const created = (await callHarness(app.url, 'clients.create', { fullName: client, state: 'NY' })) as {
    id: number;
  };
  const { caseId } = await createCaseWithCoverage(app.url, {
    clientId: created.id,
    payer: 'Aetna',
    planType: 'employer-fully-insured',
    treatment: 'tms',
    changes: { claimType: 'pre-service' },
  });
  const opened = { id: caseId };
  await callHarness(app.url, 'events.add', {
    caseId: opened.id,
    event: {
      type: 'payer_decision',
      occurredAt: `${dayFromToday(-20)}T15:00:00.000Z`,
      summary: 'TMS denied',
      details: { decision: 'denied', level: 0, noticeDate: dayFromToday(-20), receivedOn: dayFromToday(-20) },
    },
  });
  const walk: Walk = { page, origin, caseId: opened.id };
  expect(await agendaSections(page)).toEqual({ Later: 1 });

  await openTab(walk, 'timeline');
  await expectStage(page, 'Denied');
  await stageSelect(page).selectOption({ label: 'Closed' });
  const closing = page.getByRole('dialog', { name: /^Close C-\d+/ });
  await expect(closing.getByRole('group', { name: 'Still open on this case: 1 deadline' })).toBeVisible();
  await expect(closing.getByLabel('Stop tracking: off the Agenda, never overdue')).toBeChecked();
  // Closing without an outcome is refused beside the field, and nothing changes.
  await closing.getByRole('button', { name: 'Close case' }).click();
  await expect(closing.getByText('Choose how the case ended.')).toBeVisible();
  // "Approved" beside a timeline whose last decision is the denial: Outcomes would then count an
  // approval and no approved decision, so the dialog says so (and still lets the advocate close).
  await closing.getByLabel('How did it end?').selectOption({ label: 'Approved' });
  await expect(closing.getByRole('note')).toContainText(
    'The last payer decision on the timeline is a denial',
  );
  await closing.getByLabel('How did it end?').selectOption({ label: 'Self-pay' });
  await expect(closing.getByRole('note')).toHaveCount(0);
  await shootBothSizes(page, app, 'lifecycle-06-close-dialog-open-deadline');
  await closing.getByRole('button', { name: 'Close case' }).click();
  await expect(page.getByRole('status')).toContainText('No longer tracked: 1 deadline.');
  await expectStage(page, 'Closed');
  await expect(timelineNote(page, 'Case closed as Self-pay.')).toBeVisible();
  await expectEverywhere(walk, {
    deadlines: [],
    agenda: {},
    nextDeadline: /^—$/,
    banner: /^$/,
  });

  // Reopened: its appeal window is tracked again.
  await openTab(walk, 'timeline');
  await stageSelect(page).selectOption({ label: 'Denied' });
  await expect(page.getByRole('status')).toContainText('Stage changed to Denied');
  await expect(timelineNote(page, 'Case reopened: stage set to Denied.')).toBeVisible();
  await expectEverywhere(walk, {
    deadlines: [/file an internal appeal.*Open/],
    agenda: { Later: 1 },
    nextDeadline: /\d{4}$/,
    banner: /^$/,
  });
});
