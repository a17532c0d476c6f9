import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { chromiumLaunchOptions } from '../e2e/support/chromium';

/**
 * Scrolls the 100,000-row caseload end to end in Debian's Chromium through the web harness (the
 * same renderer and handlers as the app) and reports frame durations and the renderer's JS heap.
 * A script that prints figures, not a test.
 */

/** Pixels scrolled per animation frame: about 100 rows, so the 100,000 rows pass in about 1,000 frames. */
const scrollStepPixels = 4000;

export type BrowserFigures = {
  /** From the Unlock click to the first caseload row drawn (scrypt, opening, and every call the app makes after an unlock). */
  readonly unlockToFirstRowMs: number;
  readonly rows: number;
  readonly frames: number;
  readonly meanFrameMs: number;
  readonly p95FrameMs: number;
  readonly maxFrameMs: number;
  readonly heapUsedMb: number;
  readonly scrollSeconds: number;
};

function startHarness(dataDirectory: string): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(join('node_modules', '.bin', 'tsx'), ['src/web/main.ts'], {
    env: { ...process.env, ADVOCASE_DATA_DIR: dataDirectory, ADVOCASE_LOG: 'silent' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`The web harness did not start:\n${output.join('')}`)),
      30_000,
    );
    child.stdout?.on('data', (chunk: Buffer) => {
      output.push(chunk.toString());
      const url = /Open (http:\/\/127\.0\.0\.1:\d+\/#token=[\w-]+)/.exec(output.join(''))?.[1];
      if (url) {
        clearTimeout(timer);
        resolve({ url, child });
      }
    });
    child.stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    child.on('exit', (code) => reject(new Error(`The web harness exited (${code}):\n${output.join('')}`)));
  });
}

export async function runBrowserBench(options: {
  dataDirectory: string;
  passphrase: string;
  screenshotPath?: string;
}): Promise<BrowserFigures> {
  const { url, child } = await startHarness(options.dataDirectory);
  const browser = await chromium.launch(chromiumLaunchOptions);
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(url);
    await page.getByLabel('Passphrase').fill(options.passphrase);
    const unlockClicked = performance.now();
    await page.getByRole('button', { name: 'Unlock' }).click();
    const scroller = page.getByTestId('caseload-scroller');
    // Generous: whatever else the app does after an unlock runs on the same core thread first.
    await scroller.locator('tr[data-case-id]').first().waitFor({ timeout: 180_000 });
    const unlockToFirstRowMs = performance.now() - unlockClicked;
    const rows = Number((await page.getByTestId('caseload-table').getAttribute('aria-rowcount')) ?? '1') - 1;
    if (options.screenshotPath) {
      mkdirSync(join(options.screenshotPath, '..'), { recursive: true });
      await page.screenshot({ path: options.screenshotPath });
    }

    // Scroll one step per animation frame from the top to the bottom, timing every frame.
    // Passed as source text: tsx would otherwise wrap the inner function in a helper the page lacks.
    const measured: { frameTimes: number[]; seconds: number } = await page.evaluate(`(async () => {
      const element = document.querySelector('[data-testid="caseload-scroller"]');
      const frameTimes = [];
      const started = performance.now();
      await new Promise((resolve) => {
        let last = performance.now();
        const frame = (now) => {
          frameTimes.push(now - last);
          last = now;
          if (element.scrollTop + element.clientHeight >= element.scrollHeight - 1) return resolve();
          element.scrollTop += ${scrollStepPixels};
          requestAnimationFrame(frame);
        };
        requestAnimationFrame(frame);
      });
      return { frameTimes: frameTimes.slice(1), seconds: (performance.now() - started) / 1000 };
    })()`);
    // The last rows arrive from the core and are drawn: the table is usable at the end, not only scrolled.
    await page
      .getByTestId('caseload-table')
      .locator(`tr[aria-rowindex="${rows + 1}"][data-case-id]`)
      .waitFor();

    const cdp = await page.context().newCDPSession(page);
    const heap = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
    const sorted = [...measured.frameTimes].sort((a, b) => a - b);
    const mean = sorted.reduce((sum, value) => sum + value, 0) / Math.max(1, sorted.length);
    return {
      unlockToFirstRowMs,
      rows,
      frames: sorted.length,
      meanFrameMs: mean,
      p95FrameMs: sorted[Math.floor(sorted.length * 0.95)] ?? 0,
      maxFrameMs: sorted.at(-1) ?? 0,
      heapUsedMb: heap.usedSize / 1024 / 1024,
      scrollSeconds: measured.seconds,
    };
  } finally {
    await browser.close();
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
  }
}
