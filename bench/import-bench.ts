/**
 * CSV import bench: a 5,000-row export (one client, coverage and case per
 * row) imported through the same dispatch the app uses, into a new encrypted store, in a fresh
 * process per sample so each sample's peak memory is its own. Target: under 3 s and under 300 MB.
 * Beside it, in the same run, a fixed yardstick (SHA-256 over 256 MB) that says how busy the
 * machine was. Printed, never asserted.
 *   ADVOCASE_LOG=silent npx tsx bench/import-bench.ts
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import type { ContractHandlers } from '../src/shared/contract';
import { dispatch } from '../src/core/api/dispatch';
import type { HandlerContext } from '../src/core/api/handlers/handler-context';
import { importHandlers } from '../src/core/api/handlers/import';
import { openStore, type Store } from '../src/core/db/store';
import { importCsv } from './import-csv-5000';
import { sha256YardstickMs } from './yardstick';

const rows = 5000;
const samples = Number(process.env.SAMPLES ?? 5);
const print = (line: string): void => void process.stdout.write(`${line}\n`);

type Sample = { previewMs: number; commitMs: number; baselineMb: number; peakMb: number };

/**
 * One sample: a new encrypted store opened with a random key (no keyring: the passphrase's scrypt
 * takes 128 MB for a moment at unlock, which would hide the import's own peak), the import's
 * handlers reached through dispatch, so the contract's validation of 5,000 rows is measured too.
 */
async function sample(): Promise<void> {
  const folder = mkdtempSync(join(tmpdir(), 'advocase-import-bench-'));
  try {
    const store = await openStore(join(folder, 'advocase.db'), randomBytes(32));
    const session = { actor: 'bench', useStore: <T>(work: (opened: Store) => Promise<T>) => work(store) };
    const handlers = importHandlers({ session } as unknown as HandlerContext) as unknown as ContractHandlers;
    const csvText = importCsv(rows);
    const baselineMb = process.resourceUsage().maxRSS / 1024;
    let started = performance.now();
    // The preview's answer goes to the renderer and is not kept here, as in the app.
    const previewError = await dispatch(handlers, 'import.preview', {
      csvText,
      sourceName: 'Bench export',
    }).then((preview) => (preview.ok ? null : preview.error.message));
    const previewMs = performance.now() - started;
    if (previewError !== null) throw new Error(previewError);
    started = performance.now();
    const result = await dispatch(handlers, 'import.commit', { csvText, sourceName: 'Bench export' });
    const commitMs = performance.now() - started;
    if (!result.ok) throw new Error(result.error.message);
    const { imported } = result.value as { imported: number };
    if (imported !== rows) throw new Error(`imported ${imported} of ${rows} rows`);
    await store.close();
    const figures: Sample = {
      previewMs,
      commitMs,
      baselineMb,
      peakMb: process.resourceUsage().maxRSS / 1024,
    };
    print(JSON.stringify(figures));
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

const spread = (values: readonly number[], unit: string, digits = 0) => {
  const sorted = [...values].sort((a, b) => a - b);
  const format = (value: number) => `${value.toFixed(digits)} ${unit}`;
  return `min ${format(sorted[0]!)} · median ${format(sorted[Math.floor(sorted.length / 2)]!)} · max ${format(sorted.at(-1)!)}`;
};

async function main(): Promise<void> {
  if (process.argv.includes('--sample')) return sample();
  print(
    `Import bench: ${rows.toLocaleString('en-US')} rows, ${samples} samples, each in a new process and a new encrypted store.`,
  );
  const results: Sample[] = [];
  const yardsticks: number[] = [];
  for (let index = 0; index < samples; index += 1) {
    yardsticks.push(sha256YardstickMs());
    const child = spawnSync(
      // This Node (22 or newer, as the database driver needs), not whichever `node` tsx would find.
      process.execPath,
      ['--import', 'tsx', join('bench', 'import-bench.ts'), '--sample'],
      {
        encoding: 'utf8',
        env: { ...process.env, ADVOCASE_LOG: 'silent' },
      },
    );
    if (child.status !== 0) {
      print(
        `  sample ${index + 1} failed (${child.status ?? child.signal}): ${child.stderr.trim().split('\n').at(-1)}`,
      );
      continue;
    }
    const figures = JSON.parse(child.stdout.trim().split('\n').at(-1)!) as Sample;
    results.push(figures);
    print(
      `  sample ${index + 1}: import ${(figures.commitMs / 1000).toFixed(2)} s, preview ${(figures.previewMs / 1000).toFixed(2)} s, peak ${figures.peakMb.toFixed(0)} MB (${figures.baselineMb.toFixed(0)} MB before the import)`,
    );
  }
  if (results.length === 0) return;
  const commit = results.map((figure) => figure.commitMs / 1000);
  const peaks = results.map((figure) => figure.peakMb);
  print('');
  print(
    `import of ${rows.toLocaleString('en-US')} rows (target < 3 s):  ${spread(commit, 's', 2)}  ${Math.max(...commit) < 3 ? 'pass' : 'FAIL'}`,
  );
  print(
    `preview (every row reviewed):        ${spread(
      results.map((figure) => figure.previewMs / 1000),
      's',
      2,
    )}`,
  );
  print(
    `process peak RSS (target < 300 MB):  ${spread(peaks, 'MB')}  ${Math.max(...peaks) < 300 ? 'pass' : 'FAIL'}`,
  );
  print(
    `reference, SHA-256 of 256 MB:        ${spread(yardsticks, 'ms')} (same run; higher means a busier machine)`,
  );
}

await main();
