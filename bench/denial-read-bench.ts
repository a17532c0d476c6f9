/**
 * Denial notice reading benchmark: a one-page text PDF read as `advocase denial read` reads it (the
 * text layer, then the reader and the notice check), target < 300 ms; and the reader and check alone
 * on the notice's text. Prints min / median / max over the samples; the first read, which also loads
 * pdf.js, is shown on its own. Run: npx tsx bench/denial-read-bench.ts [--samples 20]
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { checkDenialNotice } from '../src/core/denials/check-denial-notice';
import { readNoticeFile } from '../src/core/denials/notice-file-text';
import { readDenialNotice } from '../src/core/denials/read-denial-notice';
import { setDefaultLogThreshold } from '../src/core/logging/logger';
import { readFixture, typesetNoticePdf } from '../test/denials/denial-notice-fixtures';

setDefaultLogThreshold('silent');
const { values } = parseArgs({ options: { samples: { type: 'string', default: '20' } } });
const samples = Math.max(1, Number(values.samples));
const print = (line: string) => process.stdout.write(`${line}\n`);

const noticeText = readFixture('short-appeal-window.txt');
const folder = mkdtempSync(join(tmpdir(), 'advocase-denial-bench-'));
const pdfPath = join(folder, 'notice.pdf');
writeFileSync(pdfPath, await typesetNoticePdf(noticeText.trimEnd().split('\n')));

async function readAndCheck(): Promise<number> {
  const start = performance.now();
  const { text } = await readNoticeFile(pdfPath);
  const findings = readDenialNotice(text);
  const check = checkDenialNotice(text, findings, findings.planTypeHints[0]?.planType ?? 'individual');
  if (check.findings.length === 0)
    throw new Error('The notice check found nothing in a notice with a short window.');
  return performance.now() - start;
}

function textOnly(): number {
  const start = performance.now();
  checkDenialNotice(noticeText, readDenialNotice(noticeText), 'employer-self-funded');
  return performance.now() - start;
}

function describe(numbers: readonly number[]): string {
  const sorted = [...numbers].sort((a, b) => a - b);
  const median = sorted[Math.floor((sorted.length - 1) / 2)]!;
  return `min ${sorted[0]!.toFixed(0)} ms  median ${median.toFixed(0)} ms  max ${sorted.at(-1)!.toFixed(0)} ms`;
}

try {
  const firstMs = await readAndCheck();
  const pdfMs: number[] = [];
  for (let index = 0; index < samples; index += 1) pdfMs.push(await readAndCheck());
  const textMs = Array.from({ length: samples }, textOnly);
  const median = [...pdfMs].sort((a, b) => a - b)[Math.floor((pdfMs.length - 1) / 2)]!;
  print(`One-page text PDF, first read (loads pdf.js): ${firstMs.toFixed(0)} ms`);
  print(
    `One-page text PDF read and checked: ${describe(pdfMs)}  target < 300 ms  ${median < 300 ? 'pass' : 'FAIL'}`,
  );
  print(`Notice text read and checked (no PDF): ${describe(textMs)}`);
} finally {
  rmSync(folder, { recursive: true, force: true });
}
