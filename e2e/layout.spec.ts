import type { Page } from '@playwright/test';
import { unlockStore } from './support/app-steps';
import { demoPassphrase, expect, test } from './support/web-harness-fixture';

// The demo caseload: long treatment and payer names, every stage, deadlines.
test.use({ demoClients: 40 });

const windowSizes = [
  { width: 1280, height: 800 },
  { width: 1440, height: 900 },
] as const;

async function goTo(page: Page, hash: string): Promise<void> {
  await page.evaluate(`window.location.hash = ${JSON.stringify(hash)}`);
  await expect(page.locator('main h1')).toBeVisible();
  await expect(page.getByText(/^(Loading|Gathering)/)).toHaveCount(0);
}

/** What these checks read of an element in the page (the e2e code is compiled without DOM types). */
type InPage = {
  readonly scrollWidth: number;
  readonly clientWidth: number;
  readonly scrollLeft: number;
  readonly textContent: string | null;
  getBoundingClientRect(): { readonly right: number; readonly top: number };
  closest(selector: string): InPage | null;
  scrollBy(options: { left: number }): void;
  scrollTo(options: { left: number }): void;
};

/**
 * How far the page itself scrolls sideways: 0 when everything fits the window. Measured against the
 * scrolling element's clientWidth, not window.innerWidth: innerWidth counts the vertical scrollbar,
 * so an overflow narrower than the scrollbar went unseen.
 */
const pageOverflow = (page: Page) =>
  page.evaluate<number>('document.scrollingElement.scrollWidth - document.scrollingElement.clientWidth');

test('every main screen fits 1280×800 and 1440×900 without sideways page scrolling', async ({
  page,
  app,
}) => {
  test.setTimeout(180_000);
  await page.setViewportSize(windowSizes[0]);
  await unlockStore(page, app.url, demoPassphrase);
  const firstCase = await page
    .getByTestId('caseload-table')
    .locator('tbody tr[data-case-id]')
    .first()
    .getAttribute('data-case-id');
  const screens = [
    '#/caseload',
    `#/cases/${firstCase}/timeline`,
    `#/cases/${firstCase}/deadlines`,
    `#/cases/${firstCase}/evidence`,
    `#/cases/${firstCase}/funding`,
    `#/cases/${firstCase}/costs`,
    '#/agenda',
    '#/outcomes',
    '#/criteria/sets',
    '#/letter-templates',
    '#/resources',
  ];
  for (const size of windowSizes) {
    await page.setViewportSize(size);
    for (const screen of screens) {
      await goTo(page, screen);
      expect(await pageOverflow(page), `${screen} at ${size.width}×${size.height}`).toBeLessThanOrEqual(0);
    }
    const name = `${size.width}x${size.height}`;
    await goTo(page, '#/caseload');
    await app.screenshot(`layout-caseload-${name}`);
    // The stage tiles fill their rows evenly: no tile or two left alone on a last row.
    const tilesPerRow = await page
      .getByRole('list', { name: 'Cases per stage' })
      .getByRole('listitem')
      .evaluateAll((tiles) =>
        Object.values(
          (tiles as unknown as InPage[]).reduce<Record<number, number>>((rows, tile) => {
            const top = Math.round(tile.getBoundingClientRect().top);
            rows[top] = (rows[top] ?? 0) + 1;
            return rows;
          }, {}),
        ),
      );
    expect(new Set(tilesPerRow).size, `stage tiles per row at ${name}: ${tilesPerRow.join(', ')}`).toBe(1);
    await goTo(page, `#/cases/${firstCase}/timeline`);
    // The case's name, treatment and payer keep a readable width; the buttons wrap below instead.
    expect((await page.locator('main h1').boundingBox())?.width, `case title at ${name}`).toBeGreaterThan(
      600,
    );
    // Every section tab is whole and on one line, and the twelve tabs on one row: not "Treatment
    // history" squeezed onto two lines, "Time" past the edge, or "Time" alone on a second row.
    const tabShapes = await page.evaluate<{ wrapped: string[]; pastEdge: number; rows: number }>(`(() => {
      const nav = document.querySelector('nav[aria-label="Case sections"]');
      const tabs = [...nav.querySelectorAll('a')];
      const edge = nav.getBoundingClientRect().right;
      return {
        wrapped: tabs
          .filter((tab) => {
            const text = document.createRange();
            text.selectNodeContents(tab);
            return new Set([...text.getClientRects()].map((line) => Math.round(line.top))).size > 1;
          })
          .map((tab) => tab.textContent),
        pastEdge: tabs.filter((tab) => tab.getBoundingClientRect().right > edge + 0.5).length,
        rows: new Set(tabs.map((tab) => Math.round(tab.getBoundingClientRect().top))).size,
      };
    })()`);
    expect(tabShapes, `case tabs at ${name}`).toEqual({ wrapped: [], pastEdge: 0, rows: 1 });
    await app.screenshot(`layout-case-page-${name}`);
    await goTo(page, `#/cases/${firstCase}/deadlines`);
    // Dates read one way on the tab (the user's locale, never 2026-12-07), and the deadline each
    // "Change date" button is for is in its name, not in a line of its own.
    const deadlinesText = await page.locator('main').innerText();
    expect(deadlinesText, `deadlines tab at ${name}`).not.toMatch(/\b\d{4}-\d{2}-\d{2}\b/);
    expect(deadlinesText, `deadlines tab at ${name}`).not.toMatch(/^\s*: /m);
    await app.screenshot(`layout-case-deadlines-${name}`);
    await goTo(page, '#/agenda');
    await app.screenshot(`layout-agenda-${name}`);
    await goTo(page, '#/outcomes');
    await app.screenshot(`layout-outcomes-${name}`);
    await page.getByRole('button', { name: 'Settings' }).click();
    await expect(page.getByRole('dialog', { name: 'Settings' })).toBeVisible();
    expect(await pageOverflow(page), `Settings at ${name}`).toBeLessThanOrEqual(0);
    await app.screenshot(`layout-settings-${name}`);
    await page.keyboard.press('Escape');
  }
});

test('the caseload: header and filter in view, the table scrolls in its frame with case and client kept, badges whole, columns remembered', async ({
  page,
  app,
}) => {
  test.setTimeout(120_000);
  await page.setViewportSize(windowSizes[0]);
  await unlockStore(page, app.url, demoPassphrase);
  const table = page.getByTestId('caseload-table');
  const scroller = page.getByTestId('caseload-scroller');

  // Lock and the filter box are on screen; focusing the filter does not move the page sideways.
  await expect(page.getByRole('button', { name: 'Lock' })).toBeInViewport({ ratio: 1 });
  const filter = page.getByRole('searchbox', { name: 'Filter cases' });
  await expect(filter).toBeInViewport({ ratio: 1 });
  await page.keyboard.press('/');
  await expect(filter).toBeFocused();
  expect(await page.evaluate<number>('window.scrollX')).toBe(0);
  await page.keyboard.press('Escape');

  // Every stage badge shows its whole label inside its cell.
  const badgesCut = await table
    .locator('tbody tr[data-case-id] td span[class*="badge"]')
    .evaluateAll((elements) =>
      (elements as unknown as InPage[])
        .filter(
          (badge) =>
            badge.scrollWidth > badge.clientWidth ||
            badge.getBoundingClientRect().right > badge.closest('td')!.getBoundingClientRect().right,
        )
        .map((badge) => badge.textContent),
    );
  expect(badgesCut).toEqual([]);
  // Every cell shows its whole content (dates, deadlines, readiness), except free text cut with an
  // ellipsis, whose whole text is its tooltip.
  const cellsCut = await table
    .locator('tbody tr[data-case-id] td:not([title])')
    .evaluateAll((elements) =>
      (elements as unknown as InPage[])
        .filter((cell) => cell.scrollWidth > cell.clientWidth)
        .map((cell) => cell.textContent),
    );
  expect(cellsCut).toEqual([]);

  // At 1280 what to act on is in view without scrolling: stage, priority, deadline and readiness.
  await expect(table.getByRole('columnheader', { name: /Readiness/ })).toBeInViewport({ ratio: 1 });
  await expect(table.getByRole('columnheader', { name: /Next deadline/ })).toBeInViewport({ ratio: 1 });

  // At 1280 the table is wider than its frame: it scrolls inside it, case and client stay put.
  const firstRow = table.locator('tbody tr[data-case-id]').first();
  const caseCell = firstRow.locator('td').nth(1);
  const clientCell = firstRow.locator('td').nth(2);
  const before = { case: await caseCell.boundingBox(), client: await clientCell.boundingBox() };
  await scroller.evaluate((frame) => (frame as unknown as InPage).scrollBy({ left: 400 }));
  await expect
    .poll(() => scroller.evaluate((frame) => (frame as unknown as InPage).scrollLeft))
    .toBeGreaterThan(100);
  expect((await caseCell.boundingBox())?.x).toBe(before.case?.x);
  expect((await clientCell.boundingBox())?.x).toBe(before.client?.x);
  await expect(table.getByRole('columnheader', { name: /Readiness/ })).toBeInViewport({ ratio: 1 });
  expect(await pageOverflow(page)).toBeLessThanOrEqual(0);

  // At 1440 every default column shows without scrolling at all.
  await page.setViewportSize(windowSizes[1]);
  await scroller.evaluate((frame) => (frame as unknown as InPage).scrollTo({ left: 0 }));
  await expect(table.getByRole('columnheader', { name: /Readiness/ })).toBeInViewport({ ratio: 1 });
  const overflowInFrame = await scroller.evaluate((frame) => {
    const element = frame as unknown as InPage;
    return element.scrollWidth - element.clientWidth;
  });
  expect(overflowInFrame).toBeLessThanOrEqual(0);

  // The column chooser: hide Advocate; it stays hidden after locking and unlocking.
  await page.getByText('Columns', { exact: true }).click();
  await page.getByRole('checkbox', { name: 'Advocate' }).uncheck();
  await expect(table.getByRole('columnheader', { name: /Advocate/ })).toHaveCount(0);
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Lock' }).click();
  await unlockStore(page, app.url, demoPassphrase);
  await expect(table.getByRole('columnheader', { name: /Readiness/ })).toBeVisible();
  await expect(table.getByRole('columnheader', { name: /Advocate/ })).toHaveCount(0);
});
