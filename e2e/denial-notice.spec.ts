import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { callHarness, completeFirstRun, createCaseWithCoverage, dayFromToday } from './support/app-steps';
import { screenshotBothSizes } from './support/screenshot-both-sizes';
import { expect, test } from './support/web-harness-fixture';

const passphrase = 'denial notice intake walk 77';
const client = 'Dana Whitfield';

function longDate(isoDate: string): string {
  const [year, month, day] = isoDate.split('-').map(Number);
  return new Intl.DateTimeFormat('en-US', { month: 'long', day: 'numeric', year: 'numeric' }).format(
    new Date(year!, month! - 1, day),
  );
}

/**
 * A commercial denial as payers write them, short of what the law asks: a 60-day window where an
 * employer plan must give 180, and no word of external review.
 */
function noticeLines(noticeDate: string): string[] {
  return [
    'Summit Health Plan',
    'P.O. Box 4410',
    'Hartford, CT 06101',
    '',
    longDate(noticeDate),
    '',
    'Dana Whitfield',
    '418 Orchard Lane',
    'Dayton, OH 45402',
    '',
    'Member ID: W998877665',
    'Reference number: SHP-2026-88412',
    '',
    'Dear Dana Whitfield:',
    '',
    'We reviewed a request for coverage of Spravato (esketamine) nasal spray',
    'requested by Dr. Helen Okafor, MD. We have denied this request.',
    '',
    'Why we denied it: The request is not medically necessary. Our records do not',
    'show that you tried at least two antidepressants from different classes.',
    '',
    'Your right to appeal',
    'You have 60 days from the date of this letter to ask for an appeal.',
    'Send your written appeal to:',
    'Summit Health Plan Appeals',
    'P.O. Box 4412',
    'Hartford, CT 06101',
    'Fax: (860) 555-0142',
  ];
}

/** The notice as a fax machine delivers it: a PDF page rendered to a picture, no text layer. */
async function scannedNotice(folder: string, noticeDate: string): Promise<string> {
  const document = await PDFDocument.create();
  const font = await document.embedFont(StandardFonts.Helvetica);
  const page = document.addPage([612, 792]);
  noticeLines(noticeDate).forEach((line, index) =>
    page.drawText(line, { x: 60, y: 740 - index * 22, size: 13, font }),
  );
  mkdirSync(folder, { recursive: true });
  const pdfPath = join(folder, 'notice.pdf');
  writeFileSync(pdfPath, await document.save());
  execFileSync('pdftoppm', ['-png', '-r', '150', '-singlefile', pdfPath, join(folder, 'summit-denial-scan')]);
  return join(folder, 'summit-denial-scan.png');
}

/** A file dropped on the case page's drop zone, as one dragged from the desktop. */
async function dropOnCase(page: Page, fileName: string, mediaType: string, bytes: Buffer): Promise<void> {
  const dropZone = page.getByTestId('denial-notice-drop-zone');
  const transfer = await page.evaluateHandle(`(() => {
    const bytes = Uint8Array.from(atob('${bytes.toString('base64')}'), (character) => character.charCodeAt(0));
    const data = new DataTransfer();
    data.items.add(new File([bytes], ${JSON.stringify(fileName)}, { type: ${JSON.stringify(mediaType)} }));
    return data;
  })()`);
  await dropZone.dispatchEvent('dragover', { dataTransfer: transfer });
  await dropZone.dispatchEvent('drop', { dataTransfer: transfer });
}

test('a scanned denial dropped on a case fills the case, its deadline, its defects and the appeal letter', async ({
  page,
  app,
}, testInfo) => {
  test.setTimeout(180_000);
  const origin = new URL(app.url).origin;
  await completeFirstRun(page, app.url, passphrase);
  const created = (await callHarness(app.url, 'clients.create', { fullName: client, state: 'OH' })) as {
    id: number;
  };
  const { caseId } = await createCaseWithCoverage(app.url, {
    clientId: created.id,
    payer: 'Summit Health Plan',
    planType: 'employer-self-funded',
    treatment: 'esketamine',
    changes: { claimType: 'pre-service' },
  });
  const noticeDate = dayFromToday(-10);
  const receivedOn = dayFromToday(-7);
  const scanPath = await scannedNotice(testInfo.outputDir, noticeDate);

  await page.goto(`${origin}/#/cases/${caseId}/timeline`);
  await expect(page.getByRole('heading', { level: 1, name: new RegExp(client) })).toBeVisible();

  // Drop the picture on the case page, as a file dragged from the desktop.
  await dropOnCase(page, 'summit-denial-scan.png', 'image/png', readFileSync(scanPath));

  const dialog = page.getByRole('dialog', { name: 'Read as denial notice' });
  await expect(dialog).toBeVisible();
  // Recognising the page takes a few seconds on a small machine; its progress shows meanwhile, with Cancel.
  await expect(dialog.getByRole('progressbar', { name: 'Progress of the text recognition' })).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeVisible();
  const reference = dialog.getByRole('textbox', { name: /^Claim or reference number/ });
  await expect(reference).toHaveValue('SHP-2026-88412', { timeout: 90_000 });
  await expect(dialog.getByText(/text recognised from the page images/)).toBeVisible();
  await expect(dialog.getByRole('textbox', { name: 'Date on the notice', exact: true })).toHaveValue(
    noticeDate,
  );
  await expect(
    dialog.getByRole('spinbutton', { name: /^Time to appeal, as the notice states it/ }),
  ).toHaveValue('60');
  await expect(dialog.getByRole('combobox', { name: /^Kind of reason/ })).toHaveValue(
    'not-medically-necessary',
  );
  // What the advocate corrects or adds by hand is recorded as confirmed (here the appeal's address
  // and fax, which the reader does not find in this scan's recognised text).
  await dialog
    .getByRole('textbox', { name: /^Where to send an appeal/ })
    .fill('Summit Health Plan Appeals, P.O. Box 4412, Hartford, CT 06101');
  await dialog.getByRole('textbox', { name: /^Appeal fax/ }).fill('(860) 555-0142');

  // Each field points at its words in the notice.
  await dialog
    .getByRole('button', { name: 'Show where the reference number was read in the notice' })
    .click();
  await expect(dialog.locator('mark[data-active]')).toHaveText(/SHP-2026-88412/);

  const check = dialog.getByRole('region', { name: 'The notice checked against the law' });
  await expect(
    check.getByRole('listitem').filter({ hasText: 'External review and how to start it' }),
  ).toContainText('Missing');

  // The date it arrived moves the appeal deadline: never guessed as today, the advocate enters it,
  // and recording without it says so beside the field.
  const arrived = dialog.getByRole('textbox', { name: 'Date it arrived', exact: true });
  await expect(arrived).toHaveValue('');
  await dialog.getByRole('button', { name: 'Record denial' }).click();
  await expect(dialog.getByText(/Date the notice arrived/)).toBeVisible();
  await arrived.fill(receivedOn);
  await screenshotBothSizes(page, app, 'denial-notice-01-dialog');
  await reference.focus();
  await page.keyboard.press('Control+Enter');
  await expect(dialog).toBeHidden();
  await expect(
    page.getByRole('status').filter({ hasText: /recorded; the appeal deadline is on the Deadlines tab/ }),
  ).toBeVisible();

  // The coverage keeps the appeal fax for the letters and the fax cover.
  const coverages = (
    (await callHarness(app.url, 'clients.get', { clientId: created.id })) as {
      coverages: Array<{ payerFax: string | null }>;
    }
  ).coverages;
  expect(coverages[0]?.payerFax).toBe('(860) 555-0142');

  // The timeline shows the denial with its reason, dated by the notice: a day without a time.
  await expect(page.getByText(/Denied \(not medically necessary\)/)).toBeVisible();
  const decision = page.getByRole('article', { name: /^Payer decision, / });
  await expect(decision.locator('time')).toHaveText(
    new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric', year: 'numeric' }).format(
      new Date(`${noticeDate}T00:00:00`),
    ),
  );
  await expect(decision).not.toHaveAccessibleName(/\d:\d\d/);
  // The reason is quoted once, in the summary, not again as a fact below it.
  await expect(decision.getByText(/at least two antidepressants/)).toHaveCount(1);

  // The Deadlines tab: the law's 180 days as the deadline, the notice's 60 as a finding beside it.
  await page.goto(`${origin}/#/cases/${caseId}/deadlines`);
  const defects = page.getByRole('region', { name: /Problems in the denial notice of/ });
  await expect(defects).toContainText(
    "The notice gives 60 days to appeal; the law gives 180 days. The appeal deadline on this case is the law's.",
  );
  await defects.getByText(/^The notice leaves out \d+ elements the law requires$/).click();
  await expect(defects).toContainText('Missing: external review and how to start it.');
  await expect(page.getByText('29 CFR 2560.503-1(h)(3)(i); 45 CFR 147.136(b)(3)').first()).toBeVisible();
  await screenshotBothSizes(page, app, 'denial-notice-02-deadlines');

  // The Criteria tab ties the denial's reason to the criteria it disputes.
  await page.goto(`${origin}/#/cases/${caseId}/criteria`);
  await expect(page.getByRole('region', { name: 'What the denial disputes' })).toContainText(
    'The denial says the treatment is not medically necessary, so it disputes the criteria of',
  );
  await screenshotBothSizes(page, app, 'denial-notice-03-criteria');

  // The internal appeal argues the defects with their citations.
  await page.goto(`${origin}/#/cases/${caseId}/letters`);
  await page.getByRole('button', { name: 'New letter' }).click();
  const newLetter = page.getByRole('dialog', { name: 'New letter' });
  await newLetter.getByRole('radio', { name: /Internal appeal, first level/ }).check();
  await newLetter.getByRole('button', { name: 'Create letter' }).click();
  const editor = page.getByRole('textbox', { name: 'Letter text' });
  await expect(editor).toContainText('The denial notice did not meet the law.');
  await expect(editor).toContainText(
    'The notice did not describe external review, 29 CFR 2590.715-2719(b)(2)(ii)(E)',
  );
  await expect(editor).toContainText('The notice gave 60 days to appeal, less than the law allows');
  // What the check tells the advocate stays out of the letter to the payer.
  await expect(editor).not.toContainText('Use the legal window');
  await expect(editor).toContainText('Claim / reference number: SHP-2026-88412');
});

test('a notice that denies another treatment than the case is for says so before recording, and folds what the plan does not require', async ({
  page,
  app,
}) => {
  const origin = new URL(app.url).origin;
  await completeFirstRun(page, app.url, passphrase);
  const created = (await callHarness(app.url, 'clients.create', { fullName: client, state: 'OH' })) as {
    id: number;
  };
  const { caseId } = await createCaseWithCoverage(app.url, {
    clientId: created.id,
    payer: 'Summit Health Plan',
    planType: 'medicare-advantage',
    treatment: 'tms',
  });
  await page.goto(`${origin}/#/cases/${caseId}/timeline`);
  await expect(page.getByRole('heading', { level: 1, name: new RegExp(client) })).toBeVisible();
  // The Spravato notice, as text, dropped on a TMS case.
  const notice = Buffer.from(noticeLines(dayFromToday(-10)).join('\n'));
  await dropOnCase(page, 'summit-denial.txt', 'text/plain', notice);

  const dialog = page.getByRole('dialog', { name: 'Read as denial notice' });
  await expect(dialog.getByRole('alert')).toContainText(
    'This notice denies another treatment. It names “Spravato (esketamine) nasal spray”, but this case is for TMS.',
  );
  // A Medicare Advantage notice need not hold most of the commercial list: those rows are folded.
  const check = dialog.getByRole('region', { name: 'The notice checked against the law' });
  const notRequired = check.getByText('10 items not required for Medicare Advantage');
  await expect(notRequired).toBeVisible();
  await expect(check.getByRole('listitem').filter({ hasText: 'Not required' }).first()).toBeHidden();
  await screenshotBothSizes(page, app, 'denial-notice-04-other-treatment');
  await notRequired.click();
  await expect(check.getByRole('listitem').filter({ hasText: 'Not required' })).toHaveCount(10);
});

test('a notice read on a client’s second case uses the coverage she already has, and asks before changing it', async ({
  page,
  app,
}) => {
  const origin = new URL(app.url).origin;
  await completeFirstRun(page, app.url, passphrase);
  const maria = (await callHarness(app.url, 'clients.create', { fullName: 'Maria Lopez', state: 'OH' })) as {
    id: number;
  };
  // Her first case has the coverage, typed in by hand: the member ID with a dash, another fax.
  const coverage = (await callHarness(app.url, 'coverages.create', {
    clientId: maria.id,
    payer: 'Summit Health Plan',
    planType: 'employer-self-funded',
    memberId: 'W998-877665',
    payerFax: '(860) 555-0199',
  })) as { id: number };
  const first = (await callHarness(app.url, 'cases.create', {
    clientId: maria.id,
    treatment: 'esketamine',
    payer: 'Summit Health Plan',
  })) as { id: number };
  await callHarness(app.url, 'cases.update', { caseId: first.id, changes: { coverageId: coverage.id } });
  const second = (await callHarness(app.url, 'cases.create', {
    clientId: maria.id,
    treatment: 'esketamine',
    payer: 'Summit Health Plan',
  })) as { id: number };

  await page.goto(`${origin}/#/cases/${second.id}/timeline`);
  await expect(page.getByRole('heading', { level: 1, name: /Maria Lopez/ })).toBeVisible();
  // The requester with the day of the request, where the reader stops (it reads "MD." as an
  // initial, so running text would run on into the reason).
  const lines = noticeLines(dayFromToday(-10)).flatMap((line) =>
    line.startsWith('requested by')
      ? ['requested by Dr. Helen Okafor, MD, on November 20, 2026.', 'We have denied this request.']
      : [line],
  );
  await dropOnCase(page, 'summit-denial.txt', 'text/plain', Buffer.from(lines.join('\n')));

  const dialog = page.getByRole('dialog', { name: 'Read as denial notice' });
  const outcome = dialog.getByTestId('notice-coverage-outcome');
  await expect(outcome).toHaveText(
    'Uses Maria’s existing coverage with Summit Health Plan (member W998-877665).',
  );
  await expect(
    dialog.getByText('Plan type: Employer plan, self-funded (ERISA), as on the coverage.'),
  ).toBeVisible();
  await expect(dialog.getByRole('combobox', { name: 'Plan type' })).toHaveCount(0);
  const fax = dialog.getByRole('group', { name: 'The notice has another appeal fax than the coverage' });
  await expect(fax.getByRole('radio', { name: 'Keep the coverage’s: (860) 555-0199' })).toBeVisible();
  await expect(fax.getByRole('radio', { name: 'Use the notice’s: (860) 555-0142' })).toBeVisible();

  // Another member ID is another coverage: the step says it adds one and asks for its plan type.
  const memberId = dialog.getByRole('textbox', { name: /^Member ID/ });
  await memberId.fill('W111222333');
  await expect(outcome).toHaveText('Adds a new coverage from the notice.');
  await expect(dialog.getByRole('combobox', { name: /^Plan type/ })).toBeVisible();
  await memberId.fill('W998877665');
  await expect(outcome).toHaveText(/^Uses Maria’s existing coverage/);

  await dialog.getByRole('textbox', { name: 'Date it arrived', exact: true }).fill(dayFromToday(-7));
  await fax.scrollIntoViewIfNeeded();
  await screenshotBothSizes(page, app, 'denial-notice-05-existing-coverage');

  // Nothing of the coverage is replaced unasked: recording waits for the choice.
  await dialog.getByRole('button', { name: 'Record denial' }).click();
  await expect(fax.getByRole('alert')).toHaveText('Choose which appeal fax to keep.');
  await expect(fax.getByRole('radio', { name: 'Keep the coverage’s: (860) 555-0199' })).toBeFocused();
  await screenshotBothSizes(page, app, 'denial-notice-06-choose-fax');
  await fax.getByRole('radio', { name: 'Keep the coverage’s: (860) 555-0199' }).check();
  await dialog.getByRole('button', { name: 'Record denial' }).click();
  await expect(dialog).toBeHidden();
  await expect(
    page.getByRole('status').filter({
      hasText: 'the case now uses Maria’s existing coverage with Summit Health Plan (member W998-877665)',
    }),
  ).toBeVisible();

  const { coverages } = (await callHarness(app.url, 'clients.get', { clientId: maria.id })) as {
    coverages: Array<{ id: number; payerFax: string | null; appealsAddress: string | null }>;
  };
  expect(coverages.map((kept) => [kept.id, kept.payerFax])).toEqual([[coverage.id, '(860) 555-0199']]);
  expect(coverages[0]?.appealsAddress).toContain('P.O. Box 4412');
  const opened = (await callHarness(app.url, 'cases.get', { caseId: second.id })) as { coverageId: number };
  expect(opened.coverageId).toBe(coverage.id);
});
