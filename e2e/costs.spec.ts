import { callHarness, completeFirstRun } from './support/app-steps';
import { expect, test } from './support/web-harness-fixture';

const passphrase = 'copper meadow silent harbor 17';

test('a case estimate refuses bad amounts by the field, then shows each scenario with the out-of-pocket maximum hit mid-course', async ({
  page,
  app,
}) => {
  await completeFirstRun(page, app.url, passphrase);
  // Setup outside the test's subject: a client, her coverage with amounts already met, a case.
  const client = (await callHarness(app.url, 'clients.create', {
    fullName: 'Dana Whitfield',
    dateOfBirth: '1981-03-14',
    state: 'OH',
  })) as { id: number };
  const coverage = (await callHarness(app.url, 'coverages.create', {
    clientId: client.id,
    payer: 'Aetna',
    planName: 'Choice POS II',
    planType: 'employer-self-funded',
    networkType: 'POS',
    deductibleCents: 1_500_00,
    deductibleMetCents: 500_00,
    coinsurancePercent: 20,
    outOfPocketMaxCents: 3_000_00,
    outOfPocketMetCents: 800_00,
  })) as { id: number };
  const opened = (await callHarness(app.url, 'cases.create', {
    clientId: client.id,
    treatment: 'iv_ketamine',
    payer: 'Aetna',
  })) as { id: number };
  await callHarness(app.url, 'cases.update', { caseId: opened.id, changes: { coverageId: coverage.id } });

  await page.goto(`${new URL(app.url).origin}/#/cases/${opened.id}/timeline`);
  await page.getByRole('link', { name: 'Costs' }).click();
  await expect(page.getByText('The cost sharing is prefilled from Aetna · Choice POS II.')).toBeVisible();
  const inNetwork = page.getByRole('group', { name: 'In network' });
  await expect(inNetwork.getByLabel('Deductible', { exact: true })).toHaveValue('1500.00');
  await expect(inNetwork.getByLabel('Deductible met')).toHaveValue('500.00');

  const course = page.getByRole('group', { name: 'Course of treatment' });
  await course.getByLabel('Induction sessions').fill('6');
  await course.getByLabel('Maintenance sessions per month').fill('1');
  await course.getByLabel('Months of maintenance').fill('10');
  const prices = page.getByRole('group', { name: 'Price per session' });
  await prices.getByLabel('In-network allowed amount').fill('$500.00');
  await prices.getByLabel('Out-of-network charge').fill('$650.00');
  await prices.getByLabel('Self-pay price').fill('-450');
  await inNetwork.getByLabel('Coinsurance %').fill('120');
  await page.getByRole('button', { name: 'Save and estimate' }).click();
  await expect(prices.getByLabel('Self-pay price')).toHaveAttribute('aria-invalid', 'true');
  await expect(
    prices.getByText(
      'Self-pay price cannot be negative. Enter the amount without a minus sign, for example 450.00.',
    ),
  ).toBeVisible();
  await expect(
    inNetwork.getByText(
      "Coinsurance cannot be more than 100%. Enter the client's share, for example 20 for 20%.",
    ),
  ).toBeVisible();
  // A tall window, so the screenshot shows the whole form and table.
  await page.setViewportSize({ width: 1280, height: 2000 });
  await app.screenshot('costs-bad-input');

  await prices.getByLabel('Self-pay price').fill('$450.00');
  await inNetwork.getByLabel('Coinsurance %').fill('20');
  await page.getByRole('button', { name: 'Save and estimate' }).click();

  const scenarios = page.getByRole('table', { name: 'What the client would pay' });
  // Worked in estimate-treatment-cost.test.ts: $2,200 in network; self-pay 16 × $450 = $7,200;
  // out of network without an allowed amount: not estimated.
  await expect(scenarios.getByRole('row', { name: /^Approved, in network/ })).toContainText('$2,200.00');
  await expect(scenarios.getByRole('row', { name: /^Approved, in network/ })).toContainText('$5,800.00');
  await expect(scenarios.getByRole('row', { name: /^Self-pay/ })).toContainText('$7,200.00');
  await expect(scenarios.getByRole('row', { name: /^Out of network with superbill/ })).toContainText(
    'Not estimated',
  );
  await expect(
    scenarios
      .getByText('Out-of-pocket maximum reached in session 14; later sessions cost the client $0.00.')
      .first(),
  ).toBeVisible();
  await scenarios.getByLabel('Show the working: Approved, in network').click();
  await expect(
    scenarios
      .getByRole('row', { name: /^Approved, in network/ })
      .getByText(
        'Session 14: allowed $500.00; coinsurance 20% of $500.00 = $100.00 → client pays $100.00, plan pays $400.00 (out-of-pocket maximum reached).',
      ),
  ).toBeVisible();
  await app.screenshot('costs-estimate-oop-max');

  // Saved in the store, as entered.
  const saved = (await callHarness(app.url, 'costs.getEstimate', { caseId: opened.id })) as {
    inputs: { prices: { inNetworkAllowedCents: number; selfPayPriceCents: number } };
  };
  expect(saved.inputs.prices).toMatchObject({ inNetworkAllowedCents: 500_00, selfPayPriceCents: 450_00 });
});

test('plan comparison: three plans side by side with the cheapest expected yearly cost marked', async ({
  page,
  app,
}) => {
  await completeFirstRun(page, app.url, passphrase);
  const client = (await callHarness(app.url, 'clients.create', {
    fullName: 'Marcus Lee',
    dateOfBirth: '1990-07-01',
    state: 'WA',
  })) as { id: number };
  const rivera = (await callHarness(app.url, 'providers.create', {
    name: 'Rivera Neuromodulation',
    kind: 'facility',
  })) as { id: number };
  const opened = (await callHarness(app.url, 'cases.create', {
    clientId: client.id,
    treatment: 'tms',
    payer: 'Premera',
  })) as { id: number };
  await callHarness(app.url, 'cases.update', { caseId: opened.id, changes: { providerId: rivera.id } });
  const blankPlan = {
    premiumMonthlyCents: null,
    deductibleCents: null,
    outOfPocketMaxCents: null,
    coinsurancePercent: null,
    copayCents: null,
    hasOutOfNetworkBenefit: false,
    outOfNetworkDeductibleCents: null,
    outOfNetworkOutOfPocketMaxCents: null,
    outOfNetworkCoinsurancePercent: null,
    isTreatmentExcluded: false,
    priorAuthNotes: null,
    exclusionNotes: null,
  };
  await callHarness(app.url, 'plans.add', {
    ...blankPlan,
    clientId: client.id,
    name: 'Bronze HSA',
    premiumMonthlyCents: 300_00,
    deductibleCents: 5_000_00,
    coinsurancePercent: 40,
    outOfPocketMaxCents: 7_000_00,
    priorAuthNotes: 'TMS needs prior authorization; failed two antidepressants.',
    providerNetworks: [{ providerId: rivera.id, status: 'in_network' }],
  });
  await callHarness(app.url, 'plans.add', {
    ...blankPlan,
    clientId: client.id,
    name: 'Silver HMO',
    premiumMonthlyCents: 250_00,
    deductibleCents: 0,
    providerNetworks: [{ providerId: rivera.id, status: 'out_of_network' }],
  });

  await page.goto(`${new URL(app.url).origin}/#/clients/${client.id}`);
  await page.getByRole('link', { name: 'Compare plans' }).click();
  await expect(page.getByRole('heading', { name: 'Compare plans for Marcus Lee' })).toBeVisible();

  const course = page.getByRole('group', { name: 'Course of treatment' });
  await course.getByLabel('Induction sessions').fill('6');
  await course.getByLabel('Maintenance sessions per month').fill('1');
  await course.getByLabel('Months of maintenance').fill('6');
  const prices = page.getByRole('group', { name: 'Price per session' });
  await prices.getByLabel('In-network allowed amount').fill('$500');
  await prices.getByLabel('Out-of-network charge').fill('$600');
  await prices.getByLabel('Self-pay price').fill('$450');
  await page.getByRole('button', { name: 'Save course' }).click();

  // The third plan through the form, with a bad amount first.
  await page.getByRole('button', { name: 'Add plan' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add a plan to compare' });
  await dialog.getByLabel('Plan name').fill('Gold PPO');
  await dialog.getByLabel('Monthly premium').fill('$550.00');
  await dialog.getByLabel('Deductible', { exact: true }).fill('500');
  await dialog.getByLabel('Out-of-pocket maximum', { exact: true }).fill('2,000');
  await dialog.getByLabel('Coinsurance %', { exact: true }).fill('110');
  await dialog.getByLabel('Rivera Neuromodulation: network').selectOption({ label: 'In network' });
  await dialog.getByRole('button', { name: 'Save plan' }).click();
  await expect(
    dialog.getByText(
      "Coinsurance cannot be more than 100%. Enter the client's share, for example 20 for 20%.",
    ),
  ).toBeVisible();
  await dialog.getByLabel('Coinsurance %', { exact: true }).fill('10');
  await dialog.getByRole('button', { name: 'Save plan' }).click();
  await expect(dialog).toBeHidden();

  // Worked in estimate-plan-year-cost.test.ts: $9,000, $10,200 and $7,650.
  const table = page.getByRole('table', { name: 'Candidate plans' });
  const yearly = table.getByRole('row', { name: /^Expected yearly cost/ });
  await expect(yearly).toContainText('$9,000.00');
  await expect(yearly).toContainText('$10,200.00');
  await expect(yearly).toContainText('$7,650.00');
  const goldHeader = table.getByRole('columnheader', { name: /Gold PPO/ });
  await expect(goldHeader).toContainText('Lowest expected cost');
  await expect(table.getByRole('columnheader', { name: /Bronze HSA/ })).not.toContainText(
    'Lowest expected cost',
  );
  await expect(
    table.getByText(
      'Rivera Neuromodulation is out of network under this plan: counted as out of network with superbill.',
    ),
  ).toBeVisible();
  await page.setViewportSize({ width: 1280, height: 1800 });
  await app.screenshot('costs-plan-comparison');
});
