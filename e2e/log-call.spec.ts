import { callHarness, completeFirstRun, createCaseWithCoverage } from './support/app-steps';
import { expect, test } from './support/web-harness-fixture';

/**
 * Log call, as an advocate uses it all day with a case page left open: the call is stamped with
 * the time the form is opened (a newcomer found every call stamped with the time the case page was
 * opened), and whom it was with starts as the case's payer.
 */

const passphrase = 'harbor violet nine steps';

/** `YYYY-MM-DDTHH:MM` in this computer's zone, as a datetime-local field shows it. */
function localMinute(date: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

test("Log call is stamped when it is opened, not when the case page was, and starts with the case's payer", async ({
  page,
  app,
}) => {
  const origin = new URL(app.url).origin;
  await completeFirstRun(page, app.url, passphrase);
  const client = (await callHarness(app.url, 'clients.create', { fullName: 'Maria Lopez' })) as {
    id: number;
  };
  const { caseId } = await createCaseWithCoverage(app.url, {
    clientId: client.id,
    treatment: 'tms',
    payer: 'Aetna',
    planType: 'employer-self-funded',
  });
  await page.goto(`${origin}/#/cases/${caseId}/timeline`);
  await expect(page.getByRole('heading', { level: 1, name: /Maria Lopez/ })).toBeVisible();

  // Two hours and a quarter later, the case page still open, the advocate takes a call.
  const later = new Date(Date.now() + 135 * 60_000);
  await page.clock.setFixedTime(later);
  await page.getByRole('button', { name: 'Log call' }).click();
  const quickCall = page.getByRole('dialog', { name: 'Log a call' });
  await expect(quickCall.getByLabel('When')).toHaveValue(localMinute(later));
  await expect(quickCall.getByLabel(/^Organization/)).toHaveValue('Aetna');

  // A time the advocate types stays, even across closing and opening the form again.
  await quickCall.getByLabel('When').fill(localMinute(new Date(later.getTime() - 30 * 60_000)));
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Log call' }).click();
  await expect(quickCall.getByLabel('When')).toHaveValue(
    localMinute(new Date(later.getTime() - 30 * 60_000)),
  );
});
