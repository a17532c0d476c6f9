import type { Page } from '@playwright/test';

/** The two laptop sizes every changed screen is looked at in: 1280x800, then 1440x900, then back. */
export async function screenshotBothSizes(
  page: Page,
  app: { screenshot(name: string): Promise<void> },
  name: string,
): Promise<void> {
  await app.screenshot(`${name}-1280x800`);
  await page.setViewportSize({ width: 1440, height: 900 });
  await app.screenshot(`${name}-1440x900`);
  await page.setViewportSize({ width: 1280, height: 800 });
}
