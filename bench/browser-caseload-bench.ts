import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { chromiumLaunchOptions } from '../e2e/support/chromium';

/**
 * The caseload in Debian's Chromium through the web harness (the same renderer and handlers as
 * the app): Unlock click → first row drawn, cold (a new harness process on a store just evicted
 * from the page cache) and warm (lock and unlock again in the same page); then a scroll at a fast
 * human's speed, at most a page per frame, counting the frames in which real rows (not
 * placeholders) were on screen. A script that prints figures, not a test.
 */

/** Frames scrolled at most: about ten seconds at 60 Hz, whatever the caseload's length. */
const maxScrollFrames = 600;

export type BrowserFigures = {
  readonly coldUnlockMs: readonly number[];
  readonly warmUnlockMs: readonly number[];
  /**
   * The calls the renderer made between the Unlock click and the first row, in the order sent,
   * with when each was sent and answered (ms after the click), in the last cold sample and the
   * last warm one: what the first row waited for.
   */
  readonly callsAfterUnlock: { readonly cold: readonly TimedCall[]; readonly warm: readonly TimedCall[] };
  readonly rows: number;
  readonly frames: number;
  readonly framesFullyDrawn: number;
  readonly framesWithRealRows: number;
  readonly rowsPassed: number;
  readonly meanFrameMs: number;
  readonly p95FrameMs: number;
  readonly maxFrameMs: number;
  readonly heapUsedMb: number;
  readonly lastRowsMs: number;
};

export type TimedCall = {
  readonly method: string;
  readonly sentMs: number;
  readonly answeredMs: number | null;
};

/** Records each contract call the page makes from now on: when it was sent and answered. */
function recordCalls(page: Page): { since: (startMs: number) => TimedCall[]; clear: () => void } {
  const calls: { method: string; sent: number; answered: number | null; request: unknown }[] = [];
  page.on('request', (request) => {
    const method = /\/api\/([\w.]+)$/.exec(request.url())?.[1];
    if (method) calls.push({ method, sent: performance.now(), answered: null, request });
  });
  page.on('requestfinished', (request) => {
    const call = calls.find((candidate) => candidate.request === request);
    if (call) call.answered = performance.now();
  });
  return {
    since: (startMs) =>
      calls.map((call) => ({
        method: call.method,
        sentMs: call.sent - startMs,
        answeredMs: call.answered === null ? null : call.answered - startMs,
      })),
    clear: () => {
      calls.length = 0;
    },
  };
}

/** `method sent→answered` for each call, as the report prints them. */
export function describeTimedCalls(calls: readonly TimedCall[]): string {
  return calls
    .map(
      (call) =>
        `${call.method} ${call.sentMs.toFixed(0)}→${call.answeredMs === null ? 'unanswered' : call.answeredMs.toFixed(0)}`,
    )
    .join(', ');
}

function startHarness(dataDirectory: string): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, [join('out', 'web', 'index.js')], {
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

async function stopHarness(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  child.kill('SIGTERM');
  await new Promise((resolve) => child.once('exit', resolve));
}

/** From the Unlock click to the first caseload row in the DOM, in ms, and the calls made meanwhile. */
async function unlockToFirstRow(
  page: Page,
  passphrase: string,
  calls: { since: (startMs: number) => TimedCall[]; clear: () => void },
): Promise<{ ms: number; calls: TimedCall[] }> {
  await page.getByLabel('Passphrase').fill(passphrase);
  calls.clear();
  const clicked = performance.now();
  await page.getByRole('button', { name: 'Unlock' }).click();
  // Generous: whatever else the app does after an unlock runs on the same core thread first.
  try {
    await page
      .getByTestId('caseload-scroller')
      .locator('tr[data-case-id]')
      .first()
      .waitFor({ timeout: 180_000 });
  } catch (error) {
    // Say which screen stood in the way: a slow caseload and a screen that is not the caseload
    // (e.g. a recovery key awaiting confirmation) are different failures.
    const heading = await page
      .getByRole('heading')
      .first()
      .textContent({ timeout: 1000 })
      .catch(() => null);
    throw new Error(
      `No caseload row was drawn within 180 s of the Unlock click; the page shows "${heading ?? 'no heading'}". ${(error as Error).message.split('\n')[0]}`,
    );
  }
  const ms = performance.now() - clicked;
  return { ms, calls: calls.since(clicked) };
}

export async function runBrowserBench(options: {
  dataDirectory: string;
  passphrase: string;
  samples: number;
  /** Called before each cold sample: evicts the store's files from the page cache. */
  makeCold: () => void;
  screenshotPath?: string;
}): Promise<BrowserFigures> {
  const browser = await chromium.launch(chromiumLaunchOptions);
  let harness: ChildProcess | null = null;
  try {
    const coldUnlockMs: number[] = [];
    let coldCalls: TimedCall[] = [];
    let calls: ReturnType<typeof recordCalls> | null = null;
    for (let run = 0; run < options.samples; run += 1) {
      options.makeCold();
      const started = await startHarness(options.dataDirectory);
      harness = started.child;
      const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
      calls = recordCalls(page);
      await page.goto(started.url);
      await page.getByLabel('Passphrase').waitFor();
      const unlocked = await unlockToFirstRow(page, options.passphrase, calls);
      coldUnlockMs.push(unlocked.ms);
      coldCalls = unlocked.calls;
      if (run < options.samples - 1) {
        await page.close();
        await stopHarness(harness);
        harness = null;
      }
    }
    const page = browser.contexts()[0]!.pages().at(-1)!;
    if (!calls) throw new Error('The bench needs at least one sample.');

    const warmUnlockMs: number[] = [];
    let warmCalls: TimedCall[] = [];
    for (let run = 0; run < options.samples; run += 1) {
      await page.keyboard.press('Control+l');
      await page.getByLabel('Passphrase').waitFor();
      const unlocked = await unlockToFirstRow(page, options.passphrase, calls);
      warmUnlockMs.push(unlocked.ms);
      warmCalls = unlocked.calls;
    }

    const rows = Number((await page.getByTestId('caseload-table').getAttribute('aria-rowcount')) ?? '1') - 1;
    if (options.screenshotPath) {
      mkdirSync(join(options.screenshotPath, '..'), { recursive: true });
      await page.screenshot({ path: options.screenshotPath });
    }

    // One page of rows per animation frame at most. At the start of each frame the DOM is what the
    // previous frame painted: count the frames whose rows in view were all real rows, and those
    // with at least one. Passed as source text: tsx would otherwise wrap the inner function in a
    // helper the page lacks.
    const measured: { frameTimes: number[]; fullyDrawn: number; withRealRows: number; rowsPassed: number } =
      await page.evaluate(`(async () => {
      const element = document.querySelector('[data-testid="caseload-scroller"]');
      const header = element.querySelector('thead');
      const frameTimes = [];
      let fullyDrawn = 0;
      let withRealRows = 0;
      const rowHeight = element.querySelector('tr[data-case-id]').getBoundingClientRect().height;
      const rows = Number(document.querySelector('[data-testid="caseload-table"]').getAttribute('aria-rowcount')) - 1;
      // Past the browser's height cap the scroller is shorter than its rows (row-window.ts) and a
      // scrolled pixel moves more than a pixel of rows: a page of rows is fewer scrolled pixels.
      const headerHeight = header ? header.getBoundingClientRect().height : 0;
      const rowsView = element.clientHeight - headerHeight;
      const scale = Math.max(1, (rows * rowHeight - rowsView) / (element.scrollHeight - element.clientHeight));
      const firstRowIndex = () => Number(element.querySelector('tr[data-case-id]')?.getAttribute('aria-rowindex') ?? 2) - 2;
      await new Promise((resolve) => {
        let last = performance.now();
        const frame = (now) => {
          frameTimes.push(now - last);
          last = now;
          const view = element.getBoundingClientRect();
          const top = view.top + (header ? header.getBoundingClientRect().height : 0);
          let real = 0;
          let pending = 0;
          for (const row of element.querySelectorAll('tbody tr[aria-rowindex]')) {
            const box = row.getBoundingClientRect();
            if (box.bottom <= top || box.top >= view.bottom) continue;
            if (row.hasAttribute('data-case-id')) real += 1; else pending += 1;
          }
          if (real > 0) withRealRows += 1;
          if (real > 0 && pending === 0) fullyDrawn += 1;
          const atEnd = element.scrollTop + element.clientHeight >= element.scrollHeight - 1;
          if (atEnd || frameTimes.length > ${maxScrollFrames}) return resolve();
          element.scrollTop += Math.max(1, Math.floor((element.clientHeight - (top - view.top)) / scale));
          requestAnimationFrame(frame);
        };
        requestAnimationFrame(frame);
      });
      return { frameTimes: frameTimes.slice(1), fullyDrawn, withRealRows, rowsPassed: firstRowIndex() };
    })()`);

    // Then to the end: the last rows arrive from the core and are drawn.
    const jumped = performance.now();
    await page.evaluate(
      `(() => { const element = document.querySelector('[data-testid="caseload-scroller"]'); element.scrollTop = element.scrollHeight; })()`,
    );
    await page
      .getByTestId('caseload-table')
      .locator(`tr[aria-rowindex="${rows + 1}"][data-case-id]`)
      .waitFor({ timeout: 60_000 });
    const lastRowsMs = performance.now() - jumped;

    const cdp = await page.context().newCDPSession(page);
    const heap = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
    const sorted = [...measured.frameTimes].sort((a, b) => a - b);
    const mean = sorted.reduce((sum, value) => sum + value, 0) / Math.max(1, sorted.length);
    return {
      coldUnlockMs,
      warmUnlockMs,
      callsAfterUnlock: { cold: coldCalls, warm: warmCalls },
      rows,
      frames: sorted.length,
      framesFullyDrawn: measured.fullyDrawn,
      framesWithRealRows: measured.withRealRows,
      rowsPassed: measured.rowsPassed,
      meanFrameMs: mean,
      p95FrameMs: sorted[Math.floor(sorted.length * 0.95)] ?? 0,
      maxFrameMs: sorted.at(-1) ?? 0,
      heapUsedMb: heap.usedSize / 1024 / 1024,
      lastRowsMs,
    };
  } finally {
    await browser.close();
    if (harness) await stopHarness(harness);
  }
}
