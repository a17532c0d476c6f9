import { callHarness, completeFirstRun, dayFromToday } from './support/app-steps';
import { screenshotBothSizes } from './support/screenshot-both-sizes';
import { expect, test } from './support/web-harness-fixture';

/**
 * The dates of service of a payer decision are picked with the same date controls as every other
 * date of the app (the first day, and the last only for a span), not typed as YYYY-MM-DD text; a
 * span that cannot be right says what is wrong and which control to fix, and the timeline shows
 * the span as the other dates are shown.
 */

const passphrase = 'maple harbor quiet lantern 58';

test('dates of service are two date controls; a wrong span is refused beside the control to fix', async ({
  page,
  app,
}) => {
  await completeFirstRun(page, app.url, passphrase);
  const client = (await callHarness(app.url, 'clients.create', { fullName: 'Rosa Imbert' })) as {
    id: number;
  };
  const opened = (await callHarness(app.url, 'cases.create', {
    clientId: client.id,
    treatment: 'tms',
    payer: 'Cigna',
  })) as { id: number };

  await page.goto(`${new URL(app.url).origin}/#/cases/${opened.id}/timeline`);
  await page.getByRole('button', { name: 'Add event' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add to the timeline' });
  await dialog.getByLabel('What happened').selectOption({ label: 'Payer decision' });
  await dialog.getByLabel('Summary').fill('TMS course denied');
  await dialog.getByLabel('Date on the notice').fill(dayFromToday(-5));
  const firstDay = dialog.getByLabel('First day of service');
  const lastDay = dialog.getByLabel('Last day of service');
  await expect(firstDay).toHaveAttribute('type', 'date');
  await expect(lastDay).toHaveAttribute('type', 'date');

  // A last day alone: the first is asked for, beside it.
  await lastDay.fill(dayFromToday(-30));
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(firstDay).toHaveAttribute('aria-invalid', 'true');
  await expect(dialog.getByRole('alert')).toHaveText(
    'Pick the first day of service too, or clear the last day: a last day alone is not a span.',
  );

  // The last day before the first: said beside the last day.
  await firstDay.fill(dayFromToday(-20));
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(lastDay).toHaveAttribute('aria-invalid', 'true');
  await expect(dialog.getByRole('alert')).toHaveText(
    'The last day of service is before the first. Check both dates.',
  );
  await screenshotBothSizes(page, app, 'dates-of-service-01-refused');

  await firstDay.fill(dayFromToday(-60));
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();

  const decision = page.getByRole('article', { name: /^Payer decision, / });
  const shown = await page.evaluate(
    ([from, to]) =>
      [from, to]
        .map((day) => {
          const [year, month, date] = day!.split('-').map(Number);
          return new Intl.DateTimeFormat(undefined, {
            year: 'numeric',
            month: 'short',
            day: 'numeric',
          }).format(new Date(year!, month! - 1, date));
        })
        .join(' – '),
    [dayFromToday(-60), dayFromToday(-30)],
  );
  await expect(decision).toContainText(`Dates of service${shown}`);
  await screenshotBothSizes(page, app, 'dates-of-service-02-on-timeline');
});
