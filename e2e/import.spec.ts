import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { completeFirstRun } from './support/app-steps';
import { expect, test } from './support/web-harness-fixture';

const passphrase = 'maple harbor quiet lantern 42';
const fixture = (name: string) => join('test', 'fixtures', 'import', name);

test('a real export never dead-ends: problems first and beside their cells, fixed or skipped in place, valid rows imported, the rest downloadable', async ({
  page,
  app,
}) => {
  await completeFirstRun(page, app.url, passphrase);

  await page.getByRole('button', { name: 'Import' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import from CSV' });
  // The dialog is mounted outside the app's banner landmark.
  await expect(page.getByRole('banner').getByRole('dialog')).toHaveCount(0);
  await dialog.getByLabel('Source').fill('Old CRM');
  await dialog.getByLabel('CSV file').setInputFiles(fixture('real-export.csv'));

  await expect(dialog.getByRole('status').first()).toHaveText(
    '8 rows: 2 ready · 4 need a fix · 1 duplicate · 1 empty line',
  );
  await expect(dialog).toContainText(
    'Dates in DOB are read day first, as in 25/12/1980: 03/04/1975 is 3 April 1975.',
  );
  const table = dialog.getByRole('table', { name: 'Rows to import' });
  const rowHeaders = table.locator('tbody th[scope="row"]');
  // Rows that need the user come first, numbered as a spreadsheet numbers them.
  await expect(rowHeaders).toHaveText(['3', '5', '7', '8', '6', '2', '9', '4']);
  const row = (line: number) => table.getByRole('row').filter({ has: page.locator(`th:text-is("${line}")`) });
  await expect(row(5)).toContainText(
    'Fix: "31/02/1990" is not a real calendar date. Check the day and month.',
  );
  await expect(row(3)).toContainText('Note: "555-0123" has 7 digits and no area code');
  await expect(row(6)).toContainText('Same person as row 2');
  // Labels, never codes: the plan type suggestion is shown in words.
  await expect(row(2)).toContainText('Employer (self-funded) → Employer plan, self-funded (ERISA)');
  await expect(table).not.toContainText('iv_ketamine');
  await expect(table).not.toContainText('employer-self-funded');
  await app.screenshot('import-01-preview-1280x800');
  await page.setViewportSize({ width: 1440, height: 900 });
  await app.screenshot('import-02-preview-1440x900');
  await page.setViewportSize({ width: 1280, height: 800 });

  // "HMO" is asked, not guessed; once chosen, row 3 is ready.
  await dialog.getByLabel(/“HMO” in Plan Type/).selectOption({ label: 'Employer plan, fully insured' });
  await expect(row(3)).toContainText('Ready (check the note)');
  await expect(row(7)).toContainText('Needs a fix: DOB');
  // A cell corrected in place: the impossible date.
  await dialog.getByLabel('Row 5, DOB').fill('28/02/1990');
  await dialog.getByLabel('Row 5, DOB').press('Enter');
  await expect(row(5)).toContainText('Ready');
  // A row skipped.
  await dialog.getByLabel('Skip row 8').check();
  await expect(row(8)).toContainText('Skipped by you');
  await expect(dialog.getByRole('status').first()).toHaveText(
    '8 rows: 4 ready · 1 needs a fix · 1 duplicate · 1 skipped by you · 1 empty line',
  );

  await dialog.getByRole('button', { name: 'Import 4 clients and 4 cases' }).click();
  await expect(dialog.getByRole('region', { name: 'Import finished' })).toContainText(
    'Imported 4 rows from Old CRM: 4 clients added, 4 coverages, 4 cases, 3 rows left out.',
  );
  await app.screenshot('import-03-finished');
  const download = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Download the rows not imported (CSV)' }).click();
  const saved = readFileSync(await (await download).path(), 'utf8');
  expect(saved.split('\r\n')[0]).toBe(
    'Row in the original file,What to fix,Patient Name,DOB,State,Phone,Insurance,Plan Type,Member ID,Treatment,Status,Notes',
  );
  expect(saved).toContain('8,You chose to skip this row.,Wrong State');
  await dialog.getByRole('button', { name: 'Done' }).click();
  await expect(page.getByRole('row', { name: /王小明/ })).toBeVisible();
  await expect(page.getByRole('row', { name: /Zoë Ñúñez/ })).toBeVisible();
});

test('columns no field takes are named before importing, and the button says what it creates', async ({
  page,
  app,
}) => {
  await completeFirstRun(page, app.url, passphrase);
  await page.getByRole('button', { name: 'Import' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import from CSV' });
  const table = dialog.getByRole('table', { name: 'Rows to import' });
  const notImported = dialog.getByRole('note', { name: 'Columns not imported' });

  // The messy headers map themselves: payer, plan type and treatment included.
  await dialog.getByLabel('CSV file').setInputFiles(fixture('messy-headers.csv'));
  await expect(dialog.getByRole('status').first()).toHaveText('3 rows: 3 ready');
  await expect(notImported).toHaveCount(0);
  // The app's check of each row is not confused with the file's own "status" column.
  await expect(table.getByRole('columnheader', { name: 'Row check' })).toBeVisible();
  await expect(table.getByRole('columnheader', { name: 'status', exact: true })).toBeVisible();

  // A column left out is said up front, as is a file with no treatment column.
  await dialog.locator('summary', { hasText: 'Columns' }).click();
  await dialog.getByLabel('Case: treatment').selectOption({ label: '— not imported —' });
  await expect(notImported).toContainText(
    '1 column will not be imported: Tx — choose a field for it under Columns, or leave it out.',
  );
  await expect(notImported).toContainText('No treatment column: clients will be imported without cases.');
  await expect(dialog.getByRole('button', { name: 'Import 3 clients and 0 cases' })).toBeVisible();
  await app.screenshot('import-04-columns-not-imported-1280x800');

  await dialog.getByLabel('Case: treatment').selectOption({ label: 'Tx' });
  await expect(notImported).toHaveCount(0);
  await dialog.getByRole('button', { name: 'Import 3 clients and 3 cases' }).click();
  await expect(
    page.getByText('Imported 3 rows from a CSV file: 3 clients added, 3 coverages, 3 cases.'),
  ).toBeVisible();
});
