/**
 * Letter packet bench: a letter with 100 enclosures of 20 pages each (2,000 pages) joined into
 * one submission packet through `letters.buildPacket`, as the Packet dialog asks for it. Prints
 * the time (target ≤ 4 s) and the memory the packet adds (target ≤ 400 MB), with a fixed
 * yardstick that says how busy the machine was. Printed, never asserted.
 *   ADVOCASE_LOG=silent npx tsx bench/letter-packet-bench.ts [--samples 3]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { openBenchSession } from './bench-session';
import { uploadBenchPdfs } from './bench-pdfs';
import { statsOf } from './figures';
import { peakMemoryRiseMb } from './peak-memory';
import { sha256YardstickMs } from './yardstick';

const { values } = parseArgs({ options: { samples: { type: 'string', default: '3' } } });
const samples = Number(values.samples);
const enclosureCount = 100;
const pagesPerEnclosure = 20;
const print = (line: string): void => void process.stdout.write(`${line}\n`);

const spread = (values: readonly number[], unit: string, digits = 0) => {
  const { min, median, max } = statsOf(values);
  return `min ${min.toFixed(digits)} · median ${median.toFixed(digits)} · max ${max.toFixed(digits)} ${unit}`;
};

async function main(): Promise<void> {
  const folder = mkdtempSync(join(tmpdir(), 'advocase-packet-bench-'));
  try {
    const { session, call } = await openBenchSession(folder);
    const client = await call('clients.create', {
      fullName: 'Bench Client',
      dateOfBirth: '1980-05-06',
      state: 'NY',
    });
    const opened = await call('cases.create', {
      clientId: client.id,
      treatment: 'tms',
      payer: 'Bench Health',
    });
    let started = performance.now();
    const enclosureDocumentIds = await uploadBenchPdfs(call, enclosureCount, pagesPerEnclosure, () => ({
      caseId: opened.id,
    }));
    print(
      `setup: ${enclosureCount} PDFs (${enclosureCount * pagesPerEnclosure} pages) in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
    await call('profile.save', {
      name: 'Bench Advocate',
      organization: 'Bench Advocacy',
      address: '1 Bench Street\nPortland, OR 97205',
      phone: '503 555 0142',
      fax: '503-555-0143',
      email: 'bench@advocacy.example',
      signatureName: 'Bench Advocate',
      signatureTitle: 'Patient Advocate',
    });
    const letter = await call('letters.create', {
      caseId: opened.id,
      templateId: 'internal-appeal-first-level',
    });
    await call('letters.update', { letterId: letter.id, changes: { enclosureDocumentIds } });
    const input = {
      letterId: letter.id,
      date: '2026-03-30',
      sentVia: 'portal',
      allowUnfilled: true,
    } as const;

    const seconds: number[] = [];
    const rises: number[] = [];
    const yardsticks: number[] = [];
    let pages = 0;
    for (let run = 0; run < samples; run += 1) {
      yardsticks.push(sha256YardstickMs());
      rises.push(
        await peakMemoryRiseMb(async () => {
          started = performance.now();
          const packet = await call('letters.buildPacket', input);
          seconds.push((performance.now() - started) / 1000);
          pages = packet.pageCount ?? 0;
        }),
      );
    }
    print(
      `letter packet, ${enclosureCount} × ${pagesPerEnclosure} pages (${pages} pages in all), ${samples} samples:`,
    );
    print(
      `  time (target ≤ 4 s):                 ${spread(seconds, 's', 2)}  ${statsOf(seconds).median <= 4 ? 'pass' : 'FAIL'}`,
    );
    print(
      `  memory it adds (target ≤ 400 MB):    ${spread(rises, 'MB')}  ${statsOf(rises).max <= 400 ? 'pass' : 'FAIL'}`,
    );
    print(
      `  reference, SHA-256 of 256 MB:        ${spread(yardsticks, 'ms')} (higher means a busier machine)`,
    );
    await session.lock();
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

await main();
