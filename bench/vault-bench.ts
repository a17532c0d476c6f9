/**
 * Document vault benchmark. Prints:
 *  1. AES-256-GCM throughput of the vault's chunked format in memory, beside Node's AES-256-GCM on
 *     1 MiB pieces and `openssl speed` in the same run (bench/cipher-throughput.ts), then file to file.
 *  2. Adding 1,000 generated PDFs of 1–10 pages to one case through the contract, as the app does:
 *     total time and time per file.
 *  3. Full-text search across their text: p50 and p95 latency of vault.search; target p95 ≤ 100 ms.
 * Run: npx tsx bench/vault-bench.ts [--files 1000] [--megabytes 200]
 */
import { randomBytes } from 'node:crypto';
import { createReadStream, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { createHandlers } from '../src/core/api/create-handlers';
import { dispatch } from '../src/core/api/dispatch';
import { setDefaultLogThreshold } from '../src/core/logging/logger';
import { decryptStoredFile, EncryptedFileWriter } from '../src/core/vault/vault-storage';
import { Session } from '../src/core/session/session';
import type { MethodInput, MethodName, MethodOutput } from '../src/shared/contract';
import { uploadPieceBytes } from '../src/shared/schemas/vault';
import { measureCipherThroughput } from './cipher-throughput';
import { figureTable } from './figures';

setDefaultLogThreshold('silent');
const { values } = parseArgs({
  options: { files: { type: 'string', default: '1000' }, megabytes: { type: 'string', default: '200' } },
});
const fileCount = Number(values.files);
const megabytes = Number(values.megabytes);
const print = (line: string) => process.stdout.write(`${line}\n`);
const seconds = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e9;
const mbPerSecond = (bytes: number, elapsed: number) => `${(bytes / 1e6 / elapsed).toFixed(0)} MB/s`;

const workspace = mkdtempSync(join(tmpdir(), 'advocase-vault-bench-'));

async function throughput(): Promise<void> {
  const size = megabytes * 1024 * 1024;
  const plaintext = randomBytes(size);
  const key = randomBytes(32);
  const inMemory = measureCipherThroughput(megabytes, 5);
  print(
    `# Vault encryption, ${megabytes} MiB (${process.arch}, Node ${process.version}); 5 samples, min / median / max`,
  );
  for (const line of figureTable(inMemory)) print(line);
  for (const figure of inMemory) if (figure.detail) print(`  ${figure.name}: ${figure.detail}`);
  const nodeRate =
    (inMemory.find((figure) => figure.id === 'aes-node-1mib-encrypt')?.warm?.median ?? Number.NaN) * 1e9;

  // File to file, as `vault add` and export do: read plaintext from disk, write the vault file.
  const source = join(workspace, 'big.bin');
  writeFileSync(source, plaintext);
  const dataDirectory = join(workspace, 'throughput');
  let start = process.hrtime.bigint();
  const writer = await EncryptedFileWriter.create(dataDirectory, key);
  for await (const piece of createReadStream(source, {
    highWaterMark: uploadPieceBytes,
  }) as AsyncIterable<Buffer>) {
    await writer.write(piece);
  }
  await writer.commit();
  const encryptFiles = size / seconds(start);
  start = process.hrtime.bigint();
  await decryptStoredFile(dataDirectory, writer.storageId, key, () => undefined);
  const decryptFiles = size / seconds(start);

  const percent = (rate: number) => `${((rate / nodeRate) * 100).toFixed(0)} % of Node on 1 MiB pieces`;
  print(
    `vault encrypt, file to file (with fsync): ${mbPerSecond(encryptFiles, 1)}  (${percent(encryptFiles)})`,
  );
  print(
    `vault decrypt + verify, from file:        ${mbPerSecond(decryptFiles, 1)}  (${percent(decryptFiles)})`,
  );
  print('target (file to file): within 10 % of what the disk allows; not compared with dd here yet');
  print('');
}

const vocabulary = (
  'prior authorization esketamine spravato ketamine infusion transcranial magnetic stimulation ' +
  'denial appeal external review medical necessity depression treatment resistant psychiatrist ' +
  'formulary step therapy coverage policy member claim benefit determination physician letter ' +
  'antidepressant trial response remission hamilton montgomery asberg scale session clinic'
).split(' ');

function words(count: number, seed: number): string {
  let state = seed;
  const out: string[] = [];
  for (let index = 0; index < count; index += 1) {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    out.push(vocabulary[state % vocabulary.length]!);
  }
  return out.join(' ');
}

async function makePdf(
  index: number,
  font: Awaited<ReturnType<PDFDocument['embedFont']>>,
  document: PDFDocument,
) {
  const pageCount = 1 + (index % 10);
  for (let page = 0; page < pageCount; page += 1) {
    const pdfPage = document.addPage([612, 792]);
    for (let line = 0; line < 30; line += 1) {
      pdfPage.drawText(words(10, index * 1000 + page * 40 + line), {
        x: 40,
        y: 750 - line * 22,
        size: 11,
        font,
      });
    }
    pdfPage.drawText(`Reference BENCH${index}X`, { x: 40, y: 60, size: 11, font });
  }
  return Buffer.from(await document.save());
}

async function addAndSearch(): Promise<void> {
  const session = new Session({ dataDirectory: join(workspace, 'data'), actor: 'bench' });
  await session.initialize('benchmark passphrase only');
  const handlers = createHandlers(session);
  const call = async <M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>> => {
    const result = await dispatch(handlers, method, input);
    if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
    return result.value as MethodOutput<M>;
  };
  const client = await call('clients.create', { fullName: 'Bench Client', dateOfBirth: null, state: 'CA' });
  const opened = await call('cases.create', { clientId: client.id, treatment: 'tms', payer: 'Bench Health' });

  print(`# Adding ${fileCount} PDFs of 1–10 pages to one case`);
  let generating = 0;
  let totalBytes = 0;
  let totalPages = 0;
  const start = process.hrtime.bigint();
  for (let index = 0; index < fileCount; index += 1) {
    const generatedAt = process.hrtime.bigint();
    const document = await PDFDocument.create();
    const pdf = await makePdf(index, await document.embedFont(StandardFonts.Helvetica), document);
    generating += seconds(generatedAt);
    totalBytes += pdf.length;
    const { uploadId } = await call('vault.uploadBegin', { fileName: `bench-${index}.pdf` });
    for (let offset = 0; offset < pdf.length; offset += uploadPieceBytes) {
      await call('vault.uploadAppend', {
        uploadId,
        data: pdf.subarray(offset, offset + uploadPieceBytes).toString('base64'),
      });
    }
    const result = await call('vault.uploadFinish', { uploadId, target: { caseId: opened.id } });
    if (result.outcome !== 'added' || result.document?.textStatus !== 'indexed') {
      throw new Error(`File ${index} was not indexed: ${result.message}`);
    }
    totalPages += result.document.pageCount ?? 0;
  }
  const adding = seconds(start) - generating;
  print(`files: ${fileCount}, pages: ${totalPages}, ${(totalBytes / 1e6).toFixed(1)} MB of PDF`);
  print(
    `add (encrypt, extract text, index, file): ${adding.toFixed(1)} s total, ${((adding / fileCount) * 1000).toFixed(1)} ms per file`,
  );
  print(`(generating the PDFs took another ${generating.toFixed(1)} s, not counted)`);
  print('');

  const queries = [
    ...Array.from({ length: 100 }, (_, index) => `BENCH${(index * 37) % fileCount}X`),
    ...Array.from({ length: 100 }, (_, index) => words(2, index + 7)),
    ...vocabulary.slice(0, 50).map((word) => word.slice(0, 5)),
  ];
  const latencies: number[] = [];
  let hits = 0;
  for (const query of queries) {
    const queriedAt = process.hrtime.bigint();
    const results = await call('vault.search', { query, caseId: opened.id, limit: 20 });
    latencies.push(seconds(queriedAt) * 1000);
    hits += results.length;
  }
  latencies.sort((a, b) => a - b);
  const percentile = (p: number) =>
    latencies[Math.min(latencies.length - 1, Math.ceil((p / 100) * latencies.length) - 1)]!;
  print(
    `# Search across ${fileCount} documents (${queries.length} queries, up to 20 hits with snippets each; ${hits} hits)`,
  );
  print(
    `p50 ${percentile(50).toFixed(1)} ms, p95 ${percentile(95).toFixed(1)} ms, max ${latencies.at(-1)!.toFixed(1)} ms`,
  );
  print('target: p95 ≤ 100 ms');
  await session.lock();
}

try {
  await throughput();
  await addAndSearch();
} finally {
  rmSync(workspace, { recursive: true, force: true });
}
