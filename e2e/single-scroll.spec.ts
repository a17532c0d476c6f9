import type { Page } from '@playwright/test';
import { unlockStore } from './support/app-steps';
import { screenshotBothSizes } from './support/screenshot-both-sizes';
import { demoPassphrase, expect, test } from './support/web-harness-fixture';

// The demo caseload: Outcomes, the criteria sets, the letter templates and a case's evidence
// checklist are all taller than the window.
test.use({ demoClients: 40 });

const windowSizes = [
  { width: 1280, height: 800 },
  { width: 1440, height: 900 },
] as const;

/**
 * The parts of the screen that scroll up and down, described by tag and class: the page itself
 * ("document"), and each element that has more to show than its height and scrolls to show it.
 */
const verticalScrollers = (page: Page) =>
  page.evaluate<string[]>(`(() => {
    const scrollers = [];
    const root = document.scrollingElement;
    if (root.scrollHeight > root.clientHeight + 1) scrollers.push('document ' + root.clientHeight + '/' + root.scrollHeight);
    for (const element of document.querySelectorAll('body *')) {
      const style = getComputedStyle(element);
      // A menu's panel floats over the page; a text box scrolls its own text.
      if (style.position === 'absolute' || style.position === 'fixed' || element.tagName === 'TEXTAREA') continue;
      const overflow = style.overflowY;
      if ((overflow === 'auto' || overflow === 'scroll') && element.scrollHeight > element.clientHeight + 1)
        scrollers.push(element.tagName.toLowerCase() + '.' + String(element.className).split(' ')[0] + ' ' + element.clientHeight + '/' + element.scrollHeight + ' ' + getComputedStyle(element).visibility);
    }
    return scrollers;
  })()`);

async function goTo(page: Page, hash: string): Promise<void> {
  await page.evaluate(`window.location.hash = ${JSON.stringify(hash)}`);
  await expect(page.locator('main h1')).toBeVisible();
  await expect(page.getByText(/^(Loading|Gathering)/)).toHaveCount(0);
  await page.waitForLoadState('networkidle');
}

test('Outcomes, Criteria, Letter templates and a case’s Evidence scroll once, like the caseload', async ({
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
  const screens = {
    caseload: '#/caseload',
    outcomes: '#/outcomes',
    criteria: '#/criteria/sets',
    packs: '#/criteria/packs',
    'letter-templates': '#/letter-templates',
    evidence: `#/cases/${firstCase}/evidence`,
  };
  const found: Record<string, string[]> = {};
  for (const size of windowSizes) {
    await page.setViewportSize(size);
    for (const [name, hash] of Object.entries(screens)) {
      await goTo(page, hash);
      found[`${name} at ${size.width}×${size.height}`] = await verticalScrollers(page);
    }
  }
  for (const [name, hash] of Object.entries(screens)) {
    await goTo(page, hash);
    await screenshotBothSizes(page, app, `single-scroll-${name}`);
  }
  // One scroller each, inside the page: the window itself never scrolls (the header stays).
  expect(
    Object.entries(found).filter(
      ([, scrollers]) =>
        scrollers.length > 1 || scrollers.some((scroller) => scroller.startsWith('document')),
    ),
  ).toEqual([]);
});
