import { join } from 'node:path';
import { completeFirstRun } from './support/app-steps';
import { expect, test } from './support/web-harness-fixture';

const passphrase = 'maple harbor quiet lantern 42';
const fixture = (name: string) => join('test', 'fixtures', 'import', name);

test('a CSV with broken rows is explained row by row and nothing is imported; a good one imports', async ({
  page,
  app,
}) => {
  await completeFirstRun(page, app.url, passphrase);

  await page.getByRole('button', { name: 'Import' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import from CSV' });
  await dialog.getByLabel('CSV file').setInputFiles(fixture('broken-rows.csv'));
  const problems = dialog.getByRole('region', { name: 'Problems in the file' });
  await expect(problems.getByRole('alert')).toContainText('5 problems in the file');
  await expect(problems.getByRole('listitem')).toHaveText([
    /^Row 3, Date of birth: "13\/45\/1990" is not a real calendar date\. Check the day and month\.$/,
    /^Row 4, Name: The name is empty: every row needs the client’s name\.$/,
    /^Row 5, Phone: "12345" is not a phone number Advocase can read/,
    /^Row 6: This row has 6 values but the header has 5 columns\./,
    /^Row 7, Date of birth: Date of birth cannot be in the future\. Check the year\.$/,
  ]);
  await expect(dialog.getByRole('button', { name: /^Import \d+ rows?$/ })).toBeDisabled();
  await app.screenshot('import-01-broken-rows');

  await dialog.getByLabel('Source').fill('Old tracker');
  await dialog.getByLabel('CSV file').setInputFiles(fixture('clients-export.csv'));
  await expect(dialog.getByRole('table', { name: 'Rows to import' }).getByRole('row')).toHaveCount(5);
  await expect(problems).toHaveCount(0);
  await app.screenshot('import-02-preview');
  await dialog.getByRole('button', { name: 'Import 4 rows' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Imported' })).toHaveText(
    'Imported 4 rows from Old tracker: 3 clients added, 2 coverages, 3 cases.',
  );
  await expect(page.getByRole('row', { name: /Lopez, Maria/ })).toBeVisible();
  await expect(page.getByRole('row', { name: /Jürgen Müller/ })).toHaveCount(2);
  await app.screenshot('import-03-imported');
});
