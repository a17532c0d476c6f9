// Renders resources/icon.svg to the PNG Electron uses for its window and installers.
// Run by hand after changing the SVG: npx tsx scripts/render-icon.ts
import { readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { chromiumLaunchOptions } from '../e2e/support/chromium';

const svg = readFileSync('resources/icon.svg', 'utf8');
const browser = await chromium.launch(chromiumLaunchOptions);
const page = await browser.newPage({ viewport: { width: 512, height: 512 }, deviceScaleFactor: 1 });
await page.setContent(
  `<body style="margin:0;background:transparent">${svg.replace('<svg ', '<svg width="512" height="512" ')}</body>`,
);
await page.screenshot({ path: 'resources/icon.png', omitBackground: true });
await browser.close();
