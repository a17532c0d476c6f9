import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { get } from 'node:http';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { cliBuild, isCliBuildCurrent } from '../bin/cli-build.mjs';
import { figureTable, judged, notMeasured, statsOf, type Figure } from './figures';
import { evictFromPageCache } from './page-cache';

/**
 * How long the CLI and the web harness take to start, as a user starts them, from the bundles the
 * build writes (`npm run build`): `advocase --help` is bin/advocase.mjs on the project's Node
 * (out/cli/), and `npm run web`'s server is out/web/index.js, timed from its spawn to the first
 * HTTP answer (the page). Cold: the bundles and the packages they load at start evicted from the
 * OS page cache first (Node itself stays cached); warm: the same run again straight after.
 * Run alone: `npx tsx bench/start-bench.ts [--samples 5] [--data-dir DIR]`.
 */

const projectRoot = join(import.meta.dirname, '..');
const cliBin = join(projectRoot, 'bin', 'advocase.mjs');
const webBundle = join(projectRoot, 'out', 'web', 'index.js');

/** The bundle files reachable from an entry by static imports, and the packages they import. */
function startFiles(entry: string): { bundleFiles: string[]; packages: Set<string> } {
  const bundleFiles: string[] = [];
  const packages = new Set<string>();
  const pending = [entry];
  while (pending.length > 0) {
    const file = pending.pop()!;
    if (bundleFiles.includes(file)) continue;
    bundleFiles.push(file);
    // Only the static imports at the top of a chunk: a dynamic import() loads later, when used.
    for (const [, specifier] of readFileSync(file, 'utf8').matchAll(/^import[^'"]*["']([^'"]+)["'];?$/gm)) {
      if (specifier!.startsWith('.')) pending.push(join(dirname(file), specifier!));
      else if (!specifier!.startsWith('node:')) {
        const parts = specifier!.split('/');
        packages.add(specifier!.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!);
      }
    }
  }
  return { bundleFiles, packages };
}

/** Every file a package could load at start (its code, manifests and native binaries). */
function packageFiles(name: string): string[] {
  const folder = join(projectRoot, 'node_modules', name);
  if (!existsSync(folder)) return [];
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.(c?js|mjs|json|node)$/.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name));
}

function evictStartFiles(entry: string): void {
  const { bundleFiles, packages } = startFiles(entry);
  evictFromPageCache([...bundleFiles, ...[...packages].flatMap(packageFiles)]);
}

function timeCliHelp(): number {
  const started = performance.now();
  const result = spawnSync(process.execPath, [cliBin, '--help'], { encoding: 'utf8' });
  const elapsed = performance.now() - started;
  if (result.status !== 0 || !result.stdout.startsWith('Advocase:')) {
    throw new Error(`advocase --help failed: ${result.stderr}`);
  }
  return elapsed;
}

/** Spawn → the harness's page answered over HTTP; the harness is stopped before returning. */
async function timeHarnessFirstResponse(dataDirectory: string): Promise<number> {
  const started = performance.now();
  const child = spawn(process.execPath, [webBundle], {
    env: { ...process.env, ADVOCASE_DATA_DIR: dataDirectory, ADVOCASE_LOG: 'silent' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  try {
    const address = await new Promise<string>((resolve, reject) => {
      let output = '';
      child.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        const found = /Open (http:\/\/127\.0\.0\.1:\d+\/)/.exec(output)?.[1];
        if (found) resolve(found);
      });
      child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.once('exit', (code) => reject(new Error(`The web harness exited (${code}): ${output}`)));
    });
    await new Promise<void>((resolve, reject) => {
      get(address, (response) => {
        response.resume();
        response.once('end', () =>
          response.statusCode === 200
            ? resolve()
            : reject(new Error(`The harness answered ${response.statusCode}`)),
        );
      }).once('error', reject);
    });
    return performance.now() - started;
  } finally {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  }
}

async function coldAndWarm(
  samples: number,
  entry: string,
  measure: () => Promise<number>,
): Promise<{ cold: number[]; warm: number[] }> {
  const cold: number[] = [];
  const warm: number[] = [];
  for (let run = 0; run < samples; run += 1) {
    evictStartFiles(entry);
    cold.push(await measure());
    warm.push(await measure());
  }
  return { cold, warm };
}

export async function measureStart(dataDirectory: string, samples: number): Promise<Figure[]> {
  if (!isCliBuildCurrent() || !existsSync(webBundle)) {
    // Else bin/advocase.mjs would run the sources, and this would time tsx.
    const reason = 'out/cli and out/web are not built, or older than the sources (npm run build)';
    return [
      notMeasured('cli-help', 'CLI: advocase --help', '≤ 300 ms median', reason),
      notMeasured(
        'harness-first-response',
        'web harness: start → first HTTP answer',
        '≤ 600 ms median',
        reason,
      ),
    ];
  }
  const help = await coldAndWarm(samples, cliBuild, async () => timeCliHelp());
  const harness = await coldAndWarm(samples, webBundle, () => timeHarnessFirstResponse(dataDirectory));
  const detail = (what: string) =>
    `${what}; cold: its bundle and the packages it loads at start evicted from the page cache, warm: run again at once`;
  return [
    judged(
      {
        id: 'cli-help',
        name: 'CLI: advocase --help (bin/advocase.mjs, this Node)',
        unit: 'ms',
        cold: statsOf(help.cold),
        warm: statsOf(help.warm),
        goal: '≤ 300 ms median, cold',
        detail: detail('a new process from spawn to exit'),
      },
      { on: 'cold', statistic: 'median', atMost: 300 },
    ),
    judged(
      {
        id: 'harness-first-response',
        name: 'web harness: start → first HTTP answer (out/web)',
        unit: 'ms',
        cold: statsOf(harness.cold),
        warm: statsOf(harness.warm),
        goal: '≤ 600 ms median, cold',
        detail: detail('a new `npm run web` server process from spawn to the page received'),
      },
      { on: 'cold', statistic: 'median', atMost: 600 },
    ),
  ];
}

if (import.meta.filename === process.argv[1]) {
  const { values } = parseArgs({
    options: { samples: { type: 'string', default: '5' }, 'data-dir': { type: 'string' } },
  });
  const { mkdtempSync, rmSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const dataDirectory = values['data-dir'] ?? mkdtempSync(join(tmpdir(), 'advocase-start-bench-'));
  const figures = await measureStart(dataDirectory, Number(values.samples));
  for (const line of figureTable(figures)) process.stdout.write(`${line}\n`);
  for (const figure of figures)
    if (figure.detail) process.stdout.write(`  ${figure.name}: ${figure.detail}\n`);
  if (!values['data-dir']) rmSync(dataDirectory, { recursive: true, force: true });
}
