import type { Locator, Page } from '@playwright/test';
import { unlockStore } from './support/app-steps';
import { expectAccessible } from './support/axe';
import { demoPassphrase, expect, test } from './support/web-harness-fixture';

// A demo caseload, so every screen has something on it: cases at every stage, deadlines, events.
test.use({ demoClients: 12 });

/** The case the screens are checked on: the first one the Agenda lists, so it has deadlines. */
async function caseWithDeadlines(page: Page): Promise<string> {
  await goTo(page, '#/agenda');
  const link = await page.locator('main table a[href^="#/cases/"]').first().getAttribute('href');
  return /^#\/cases\/\d+/.exec(link ?? '')![0];
}

async function goTo(page: Page, hash: string): Promise<void> {
  await page.evaluate(`window.location.hash = ${JSON.stringify(hash)}`);
  await expect(page.locator('main h1')).toBeVisible();
  // Data-driven parts draw after their queries; wait until nothing is loading.
  await expect(page.getByText(/^(Loading|Gathering)/)).toHaveCount(0);
}

test('every screen passes axe with no serious or critical violation', async ({ page, app }) => {
  test.setTimeout(240_000);
  await unlockStore(page, app.url, demoPassphrase);
  const casePage = await caseWithDeadlines(page);
  // Every tab the case page offers, read from its own navigation.
  await goTo(page, `${casePage}/timeline`);
  const caseTabLinks: string[] = [];
  for (const link of await page.getByRole('navigation', { name: 'Case sections' }).getByRole('link').all()) {
    caseTabLinks.push((await link.getAttribute('href')) ?? '');
  }
  expect(caseTabLinks.length).toBeGreaterThanOrEqual(12);
  const screens = [
    '#/caseload',
    ...caseTabLinks,
    '#/agenda',
    '#/outcomes',
    '#/criteria/sets',
    '#/criteria/packs',
    '#/letter-templates',
    '#/resources',
  ];
  for (const screen of screens) {
    await goTo(page, screen);
    await expectAccessible(page, screen);
  }
  // The client's pages, reached from the case heading as a user would.
  await goTo(page, `${casePage}/timeline`);
  await page.locator('main h1 a').click();
  const clientHash = await page.evaluate<string>('window.location.hash');
  for (const screen of [clientHash, `${clientHash}/plans`, `${clientHash}/tracks`]) {
    await goTo(page, screen);
    await expectAccessible(page, screen);
  }
});

type DialogCheck = {
  readonly screen: (casePage: string) => string;
  readonly opener: (page: Page) => Locator;
  readonly dialog: string | RegExp;
};

const button = (name: string | RegExp) => (page: Page) => page.getByRole('button', { name }).first();

const dialogs: readonly DialogCheck[] = [
  { screen: () => '#/caseload', opener: button('New case'), dialog: 'New case' },
  { screen: () => '#/caseload', opener: button('Import'), dialog: 'Import from CSV' },
  { screen: () => '#/caseload', opener: button('Settings'), dialog: 'Settings' },
  { screen: () => '#/caseload', opener: button('Save view…'), dialog: 'Save view' },
  { screen: (c) => `${c}/timeline`, opener: button('Add event'), dialog: /Add/ },
  { screen: (c) => `${c}/timeline`, opener: button('Log call'), dialog: /call/i },
  { screen: (c) => `${c}/timeline`, opener: button('Verify benefits'), dialog: 'Benefits verification call' },
  { screen: (c) => `${c}/timeline`, opener: button('Export for attorney'), dialog: 'Export for attorney' },
  { screen: (c) => `${c}/timeline`, opener: button('Edit details'), dialog: 'Case details' },
  { screen: (c) => `${c}/coverage`, opener: button(/^(Add coverage|Edit)$/), dialog: /coverage/i },
  { screen: (c) => `${c}/providers`, opener: button('Add provider'), dialog: 'Add a provider' },
  { screen: (c) => `${c}/deadlines`, opener: button(/^Change date/), dialog: 'Change this deadline' },
  { screen: (c) => `${c}/evidence`, opener: button(/^Link document/), dialog: /^Link a document/ },
  { screen: (c) => `${c}/evidence`, opener: button(/^Status…/), dialog: /^Status of/ },
  {
    screen: (c) => `${c}/treatment-history`,
    opener: button('Add treatment'),
    dialog: 'Add a prior treatment',
  },
  { screen: (c) => `${c}/letters`, opener: button('New letter'), dialog: 'New letter' },
  { screen: (c) => `${c}/funding`, opener: button('Add funding option'), dialog: /funding option/i },
  { screen: (c) => `${c}/time`, opener: button('Add time'), dialog: 'Add time' },
  { screen: () => '#/outcomes', opener: button('Funder report (PDF)'), dialog: 'Funder report' },
  { screen: () => '#/resources', opener: button('Add resource'), dialog: 'Add a resource' },
];

test('every dialog passes axe, and closing it returns focus to the control that opened it', async ({
  page,
  app,
}) => {
  test.setTimeout(240_000);
  page.setDefaultTimeout(10_000);
  await unlockStore(page, app.url, demoPassphrase);
  const casePage = await caseWithDeadlines(page);
  for (const check of dialogs) {
    const screen = check.screen(casePage);
    await goTo(page, screen);
    const opener = check.opener(page);
    await opener.click();
    const dialog = page.getByRole('dialog', { name: check.dialog });
    await expect(dialog, `dialog ${String(check.dialog)} on ${screen}`).toBeVisible();
    await expectAccessible(page, `the ${String(check.dialog)} dialog on ${screen}`);
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(opener, `focus back on the opener of ${String(check.dialog)}`).toBeFocused();
  }
  // The command palette (Ctrl+K) is a dialog too.
  await goTo(page, '#/caseload');
  await page.keyboard.press('Control+k');
  await expect(page.getByRole('dialog')).toBeVisible();
  await page.keyboard.type('a');
  await expectAccessible(page, 'the command palette');
  await page.keyboard.press('Escape');
});

test('skip link, focus on the page heading after navigating, back to the case just left', async ({
  page,
  app,
}) => {
  test.setTimeout(120_000);
  await unlockStore(page, app.url, demoPassphrase);

  // "Skip to content" is the first Tab stop and lands on the page heading, without navigating.
  const hashBefore = await page.evaluate<string>('window.location.hash');
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to content' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Caseload' })).toBeFocused();
  expect(await page.evaluate<string>('window.location.hash')).toBe(hashBefore);

  // Navigating moves focus to the new page's heading.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Agenda' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Agenda' })).toBeFocused();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Outcomes' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Outcomes/ })).toBeFocused();

  // Open the third case from the table by keyboard, then come back: it is the highlighted row.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Caseload' }).click();
  const table = page.getByTestId('caseload-table');
  await table.focus();
  await page.keyboard.press('j');
  await page.keyboard.press('j');
  const third = table.locator('tbody tr[data-case-id]').nth(2);
  const thirdId = await third.getAttribute('data-case-id');
  await page.keyboard.press('Enter');
  await expect(page.locator('main h1')).toBeFocused();
  await page.goBack();
  await expect(table).toBeFocused();
  await expect(table).toHaveAttribute('aria-activedescendant', `caseload-row-${thirdId}`);
  await page.keyboard.press('Enter');
  expect(new URL(page.url()).hash).toBe(`#/cases/${thirdId}/timeline`);
});
