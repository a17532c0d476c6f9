import { spawnSync } from 'node:child_process';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { setDefaultLogThreshold } from '../src/core/logging/logger';
import { runBrowserBench } from './browser-caseload-bench';
import { runCaseloadBench, type Figure } from './caseload-bench';
import { benchPassphrase, ensureBenchFixture } from './fixture';
import { benchSize } from './synthetic-caseload';

/**
 * `npm run bench`: the caseload figures at 100,000 cases (through the same dispatch the renderer
 * uses), the scroll in Chromium through the web harness, then the vault's and the attorney export's benches. Prints
 * figures against their targets; it never fails a build on a number.
 */

setDefaultLogThreshold('silent');
const log = (line: string) => process.stdout.write(`${line}\n`);
const started = performance.now();

log(`Advocase bench — ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, Node ${process.version}`);
log(
  `Synthetic caseload: ${benchSize.cases.toLocaleString('en-US')} cases, ${benchSize.clients.toLocaleString('en-US')} clients, ${benchSize.events.toLocaleString('en-US')} timeline events (encrypted, SQLCipher 4).`,
);
const fixture = await ensureBenchFixture(log);
log(
  fixture.generatedSeconds === null
    ? `Using the cached fixture in ${join(fixture.dataDirectory, '..')}.`
    : `Generated in ${fixture.generatedSeconds.toFixed(0)} s (cached for later runs).`,
);

log('Measuring the caseload through dispatch(createHandlers(session), …)…');
const figures: Figure[] = await runCaseloadBench(fixture, log);

log('Scrolling the caseload end to end in Chromium through the web harness…');
try {
  const browser = await runBrowserBench({
    dataDirectory: fixture.dataDirectory,
    passphrase: benchPassphrase,
    screenshotPath: join('bench', 'results', 'caseload-100k.png'),
  });
  figures.push(
    {
      name: 'in Chromium: Unlock click → first caseload row drawn',
      value: `${browser.unlockToFirstRowMs.toFixed(0)} ms`,
      target: '≤ 1000 ms',
      passed: browser.unlockToFirstRowMs <= 1000,
      detail: 'includes every call the app makes after an unlock, on the same core thread',
    },
    {
      name: `scroll ${browser.rows.toLocaleString('en-US')} rows end to end: mean frame`,
      value: `${browser.meanFrameMs.toFixed(1)} ms`,
      target: '≤ 50 ms',
      passed: browser.meanFrameMs <= 50,
      detail: `${browser.frames} frames in ${browser.scrollSeconds.toFixed(1)} s; p95 ${browser.p95FrameMs.toFixed(1)} ms`,
    },
    {
      name: 'scroll: longest frame',
      value: `${browser.maxFrameMs.toFixed(1)} ms`,
      target: '(printed)',
      passed: null,
    },
    {
      name: 'renderer JS heap after the scroll',
      value: `${browser.heapUsedMb.toFixed(1)} MB`,
      target: '< 300 MB',
      passed: browser.heapUsedMb < 300,
      detail: 'CDP Runtime.getHeapUsage',
    },
  );
} catch (error) {
  figures.push({
    name: 'scroll in Chromium',
    value: `not measured: ${(error as Error).message.split('\n')[0]}`,
    target: '≤ 50 ms mean frame, < 300 MB heap',
    passed: false,
  });
}

const verdict = (figure: Figure) => (figure.passed === null ? '—' : figure.passed ? 'pass' : 'FAIL');
const widths = [
  Math.max(...figures.map((figure) => figure.name.length), 6),
  Math.max(...figures.map((figure) => figure.value.length), 8),
  Math.max(...figures.map((figure) => figure.target.length), 6),
];
log('');
log(
  `${'figure'.padEnd(widths[0]!)}  ${'measured'.padEnd(widths[1]!)}  ${'target'.padEnd(widths[2]!)}  result`,
);
log(`${'-'.repeat(widths[0]!)}  ${'-'.repeat(widths[1]!)}  ${'-'.repeat(widths[2]!)}  ------`);
for (const figure of figures) {
  log(
    `${figure.name.padEnd(widths[0]!)}  ${figure.value.padEnd(widths[1]!)}  ${figure.target.padEnd(widths[2]!)}  ${verdict(figure)}`,
  );
}
log('');
for (const figure of figures) if (figure.detail) log(`  ${figure.name}: ${figure.detail}`);
log(`Caseload bench took ${((performance.now() - started) / 1000).toFixed(0)} s.`);

// The other features' benches print their own figures, one after another so none shares a core.
for (const [name, script] of [
  ['document vault', join('bench', 'vault-bench.ts')],
  ['attorney export', join('bench', 'attorney-export-bench.ts')],
  ['CSV import', join('bench', 'import-bench.ts')],
  ['OCR and text reading', join('bench', 'ocr-bench.ts')],
  ['denial notice reading', join('bench', 'denial-read-bench.ts')],
] as const) {
  log('');
  log(`Running the ${name} bench (${script})…`);
  const result = spawnSync(join('node_modules', '.bin', 'tsx'), [script], {
    stdio: 'inherit',
    env: { ...process.env, ADVOCASE_LOG: 'silent' },
  });
  if (result.status !== 0) log(`The ${name} bench exited with code ${result.status}.`);
}
log(`Whole bench took ${((performance.now() - started) / 1000).toFixed(0)} s.`);
