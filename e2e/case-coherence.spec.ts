import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { callHarness, completeFirstRun, createCaseWithCoverage, dayFromToday } from './support/app-steps';
import { screenshotBothSizes } from './support/screenshot-both-sizes';
import { expect, test } from './support/web-harness-fixture';

/**
 * A TMS case tells one story on every screen (core/deadlines/open-work.ts): the caseload's Next
 * deadline, the case header and the Agenda name the same legal deadline, a missed follow-up is
 * flagged as overdue beside it and never hides it, and a date the payer missed reads "Payer late".
 */

const passphrase = 'orchard lamp seven quiet';

async function caseloadCell(page: Page, client: string, header: RegExp) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Caseload' }).click();
  await expect(page.getByRole('columnheader', { name: header })).toBeVisible();
  const headers = await page.getByRole('columnheader').allInnerTexts();
  const column = headers.findIndex((text) => header.test(text));
  return page
    .getByRole('row', { name: new RegExp(client) })
    .getByRole('gridcell')
    .nth(column);
}

test('a promise a month overdue does not hide the appeal deadline on the caseload, the header or the Agenda', async ({
  page,
  app,
}) => {
  test.setTimeout(180_000);
  const client = 'Nora Lindqvist';
  const origin = new URL(app.url).origin;
  await completeFirstRun(page, app.url, passphrase);
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
      occurredAt: `${dayFromToday(-60)}T15:00:00.000Z`,
      summary: 'TMS denied: not medically necessary',
      details: { decision: 'denied', level: 0, noticeDate: dayFromToday(-60), receivedOn: dayFromToday(-60) },
    },
  });
  await callHarness(app.url, 'events.add', {
    caseId,
    event: {
      type: 'phone_call',
      occurredAt: `${dayFromToday(-40)}T15:00:00.000Z`,
      summary: 'Asked for the claim file',
      details: { followUp: { title: 'Call Aetna back about the claim file', dueOn: dayFromToday(-30) } },
    },
  });
  const appealDue = (await callHarness(app.url, 'deadlines.listForCase', { caseId })) as {
    deadlines: ReadonlyArray<{ kind: string; dueOn: string; actor: string }>;
  };
  const appeal = appealDue.deadlines.find(
    (deadline) => deadline.actor === 'claimant' && deadline.kind === 'rule',
  );
  expect(appeal).toBeTruthy();
  const appealOn = new Date(`${appeal!.dueOn}T12:00:00`).toLocaleDateString('en-US', {
    month: 'short',
    day: 'numeric',
    year: 'numeric',
  });

  await page.goto(`${origin}/#/cases/${caseId}/timeline`);
  const header = page.getByLabel('Open on this case', { exact: true });
  await expect(header).toContainText(`next deadline ${appealOn}`);
  await expect(header).toContainText('1 overdue follow-up');
  // The drop zone's border is whole: the timeline's search row starts below it, not on it.
  const dropZone = await page.getByTestId('denial-notice-drop-zone').boundingBox();
  const search = await page.getByRole('searchbox', { name: 'Search this timeline' }).boundingBox();
  expect(dropZone!.y + dropZone!.height).toBeLessThan(search!.y - 4);
  await screenshotBothSizes(page, app, 'coherence-02-header');

  // The Agenda lists both: the promise as overdue, the appeal's date under its own section.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Agenda' }).click();
  await expect(page.getByRole('row').filter({ hasText: client })).toHaveCount(2);
  await expect(page.getByRole('row').filter({ hasText: appealOn })).toHaveCount(1);
  const nextDeadline = await caseloadCell(page, client, /next deadline/i);
  await expect(nextDeadline).toContainText(appealOn);
  await expect(nextDeadline).toContainText('1 overdue');
  await screenshotBothSizes(page, app, 'coherence-01-caseload');

  // Close case: the promise a month overdue is not offered "Keep on the Agenda" (a closed case has
  // nothing overdue); only the appeal deadline still ahead gets that choice.
  await page.goto(`${origin}/#/cases/${caseId}/timeline`);
  await page.getByRole('button', { name: 'Close case…' }).click();
  const closing = page.getByRole('dialog', { name: /^Close C-\d+/ });
  await expect(
    closing.getByRole('listitem').filter({ hasText: 'Call Aetna back about the claim file' }),
  ).toContainText('(past its date)');
  await expect(closing.getByRole('note').filter({ hasText: 'past its date' })).toContainText(
    'The 1 promise from a call past its date will no longer be tracked once the case is closed',
  );
  await expect(closing.getByText('What becomes of the 1 deadline still ahead:')).toBeVisible();
  await screenshotBothSizes(page, app, 'coherence-05-close-case');
  await closing.getByLabel('How did it end?').selectOption({ label: 'Approved' });
  await closing.getByRole('radio', { name: /^Keep on the Agenda/ }).check();
  await closing.getByRole('button', { name: 'Close case' }).click();
  await expect(page.getByRole('status')).toContainText(
    'closed as approved. No longer tracked: 1 promise from a call. Kept on the Agenda: 1 deadline.',
  );
});

test('a decision date the payer missed reads "Payer late", not the advocate\'s red "Missed"', async ({
  page,
  app,
}) => {
  test.setTimeout(180_000);
  const client = 'Ines Okafor';
  const origin = new URL(app.url).origin;
  await completeFirstRun(page, app.url, passphrase);
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
  // A prior authorization sent 40 days ago and never decided: the payer's 15 days have passed.
  await callHarness(app.url, 'events.add', {
    caseId,
    event: {
      type: 'prior_auth_submitted',
      occurredAt: `${dayFromToday(-40)}T15:00:00.000Z`,
      summary: 'TMS prior authorization faxed',
      details: { method: 'fax', receivedByPayerAt: `${dayFromToday(-40)}T16:00:00.000Z` },
    },
  });

  await page.goto(`${origin}/#/cases/${caseId}/deadlines`);
  const header = page.getByLabel('Open on this case', { exact: true });
  await expect(header).toContainText('payer late on 1 date');
  const late = page
    .getByRole('list', { name: 'Deadlines' })
    .getByRole('listitem')
    .filter({ hasText: 'Payer late' });
  await expect(late).toHaveCount(1);
  await expect(late).not.toContainText('Missed');
  await screenshotBothSizes(page, app, 'coherence-03-payer-late-deadlines');

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Agenda' }).click();
  const agendaRow = page.getByRole('row').filter({ hasText: client });
  await expect(agendaRow.first()).toContainText('Payer late');
  await expect(agendaRow.filter({ hasText: 'Missed' })).toHaveCount(0);
  await screenshotBothSizes(page, app, 'coherence-04-payer-late-agenda');
});

test('a case whose only open work is a promise exports it to the calendar', async ({ page, app }) => {
  const client = 'Ruth Adeyemi';
  await completeFirstRun(page, app.url, passphrase);
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
      type: 'phone_call',
      occurredAt: new Date().toISOString(),
      summary: 'Called Aetna',
      details: { followUp: { title: 'Aetna sends the TMS policy', dueOn: dayFromToday(6) } },
    },
  });
  await page.goto(`${new URL(app.url).origin}/#/cases/${opened.id}/deadlines`);
  const exportButton = page.getByRole('button', { name: 'Export open deadlines and follow-ups (.ics)' });
  await expect(exportButton).toBeEnabled();
  await screenshotBothSizes(page, app, 'coherence-06-export-promise');
  const downloadPromise = page.waitForEvent('download');
  await exportButton.click();
  const calendar = readFileSync(await (await downloadPromise).path(), 'utf8');
  expect(calendar).toContain('Aetna sends the TMS policy');
});

test("the prior authorization entry asks for the payer's number and the delivery proof's, each named for what it is", async ({
  page,
  app,
}) => {
  await completeFirstRun(page, app.url, passphrase);
  const created = (await callHarness(app.url, 'clients.create', {
    fullName: 'Ines Okafor',
    state: 'MN',
  })) as {
    id: number;
  };
  const opened = (await callHarness(app.url, 'cases.create', {
    clientId: created.id,
    treatment: 'tms',
    payer: 'Aetna',
  })) as { id: number };
  await page.goto(`${new URL(app.url).origin}/#/cases/${opened.id}/timeline`);
  await page.getByRole('button', { name: 'Add event' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add to the timeline' });
  await dialog.getByLabel('What happened').selectOption({ label: 'Prior authorization submitted' });
  // Not two fields both called a "confirmation number".
  await expect(dialog.getByLabel(/^(Tracking or )?confirmation number/i)).toHaveCount(0);
  await expect(dialog.getByLabel(/^Payer’s request number/)).toBeVisible();
  await expect(dialog.getByLabel(/^Fax confirmation or tracking number/)).toBeVisible();
  // A payer decision's longer form keeps Save in the window at 1280x800, not below the fold.
  await dialog.getByLabel('What happened').selectOption({ label: 'Payer decision' });
  await expect(dialog.getByRole('button', { name: 'Save' })).toBeInViewport();
  await screenshotBothSizes(page, app, 'coherence-08-payer-decision');
  await screenshotBothSizes(page, app, 'coherence-07-prior-auth');
});
