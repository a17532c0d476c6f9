/**
 * Attorney export bench: a case with 1,000 timeline events and 100 PDF exhibits of 20
 * pages each (2,000 pages). Prints the summary PDF time (target ≤ 5 s), the bundle time, the
 * longest the bundle kept this thread from answering anything else, and the process's peak
 * memory. Printed, never asserted: the machine's load decides the numbers.
 *   ADVOCASE_LOG=silent npx tsx bench/attorney-export-bench.ts
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { ExportService } from '../src/core/exports/export-service';
import type { EventPayloadInput } from '../src/shared/schemas/events';
import { bundleInputSchema } from '../src/shared/schemas/exports';
import { openBenchSession } from './bench-session';
import { uploadBenchPdfs } from './bench-pdfs';

const print = (line: string): void => void process.stdout.write(`${line}\n`);
const eventCount = 1000;
const exhibitCount = 100;
const pagesPerExhibit = 20;

async function main(): Promise<void> {
  const folder = mkdtempSync(join(tmpdir(), 'advocase-export-bench-'));
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
    const coverage = await call('coverages.create', {
      clientId: client.id,
      payer: 'Bench Health',
      planType: 'employer-fully-insured',
      memberId: 'BH123456789',
    });
    await call('cases.update', {
      caseId: opened.id,
      changes: { coverageId: coverage.id, claimType: 'pre-service' },
    });

    let started = performance.now();
    const eventIds: number[] = [];
    const start = Date.parse('2024-01-01T15:00:00Z');
    for (let index = 0; index < eventCount; index += 1) {
      const occurredAt = new Date(start + index * 14 * 3600 * 1000).toISOString();
      const event: EventPayloadInput =
        index % 3 === 0
          ? {
              type: 'phone_call',
              occurredAt,
              summary: `Call ${index}: asked the payer about the status of the request and the criteria used.`,
              details: { repName: `Rep ${index}`, referenceNumber: `REF-${String(index).padStart(5, '0')}` },
            }
          : {
              type: 'correspondence',
              occurredAt,
              summary: `Letter ${index} about the prior authorization and the documents the payer asked for.`,
              details: { direction: index % 2 === 0 ? 'sent' : 'received', channel: 'fax' },
            };
      eventIds.push((await call('events.add', { caseId: opened.id, event })).id);
    }
    print(`setup: ${eventCount} events in ${((performance.now() - started) / 1000).toFixed(1)} s`);

    started = performance.now();
    await uploadBenchPdfs(call, exhibitCount, pagesPerExhibit, (index) => ({
      eventId: eventIds[index * 10]!,
    }));
    print(
      `setup: ${exhibitCount} PDFs (${exhibitCount * pagesPerExhibit} pages) in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );

    started = performance.now();
    const summary = await call('exports.summary', { selection: { caseId: opened.id } });
    const summarySeconds = (performance.now() - started) / 1000;
    print(
      `summary PDF: ${summarySeconds.toFixed(2)} s (target ≤ 5 s), ${summary.pageCount} pages, ${((summary.data.length * 0.75) / 1e6).toFixed(1)} MB, ${summary.exhibitCount} exhibits listed`,
    );

    // In the app this thread also answers the window's other calls while the bundle is written.
    const eventLoopDelay = monitorEventLoopDelay({ resolution: 10 });
    eventLoopDelay.enable();
    started = performance.now();
    const path = join(folder, 'bundle.zip');
    // The command line's streaming writer (`advocase export-summary --bundle`).
    const bundle = await new ExportService(session).saveBundle(
      bundleInputSchema.parse({ selection: { caseId: opened.id }, batesPrefix: 'BENCH' }),
      path,
    );
    const bundleSeconds = (performance.now() - started) / 1000;
    eventLoopDelay.disable();
    print(
      `bundle ZIP: ${bundleSeconds.toFixed(2)} s, ${bundle.exhibitCount} exhibits, ${bundle.stampedPages} pages stamped (${bundle.firstBates} to ${bundle.lastBates}), ${(statSync(path).size / 1e6).toFixed(1)} MB`,
    );
    // The histogram is in nanoseconds.
    print(`bundle's longest block of this thread: ${(eventLoopDelay.max / 1e6).toFixed(0)} ms`);
    // maxRSS is in kilobytes: the peak of the whole process, setup included.
    print(`memory peak (max RSS): ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
    await session.lock();
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

await main();
