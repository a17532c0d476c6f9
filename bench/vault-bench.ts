/**
 * Document vault benchmark. Prints:
 *  1. AES-256-GCM throughput of the vault's chunked format in memory, beside Node's AES-256-GCM on
 *     1 MiB pieces and `openssl speed` in the same run (bench/cipher-throughput.ts), then file to file.
 *  2. Adding 1,000 generated PDFs of 1–10 pages to one case through the contract, as the app does:
 *     total time and time per file.
 *  3. Full-text search across their text: p50 and p95 latency of vault.search; target p95 ≤ 100 ms.
 * Run: npx tsx bench/vault-bench.ts [--files 1000] [--megabytes 200]
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createReadStream, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { createHandlers } from '../src/core/api/create-handlers';
import { dispatch } from '../src/core/api/dispatch';
import { setDefaultLogThreshold } from '../src/core/logging/logger';
import { decryptStoredFile, EncryptedFileWriter, storedFilePath } from '../src/core/vault/vault-storage';
import { Session } from '../src/core/session/session';
import type { MethodInput, MethodName, MethodOutput } from '../src/shared/contract';
import { uploadPieceBytes } from '../src/shared/schemas/vault';
import { measureCipherThroughput } from './cipher-throughput';
import { figureTable, statsOf } from './figures';

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
  const nodeRateOf = (id: string) =>
    (inMemory.find((figure) => figure.id === id)?.warm?.median ?? Number.NaN) * 1e9;
  const nodeRate = nodeRateOf('aes-node-1mib-encrypt');
  const nodeDecryptRate = nodeRateOf('aes-node-1mib-decrypt');

  // File to file, as `vault add` and export do: read plaintext from disk, write the vault file
  // (one fsync at the end), and read it back. Beside each, `dd` copying the same bytes with the
  // same fsync policy: what the disk allows.
  const source = join(workspace, 'big.bin');
  writeFileSync(source, plaintext);
  const dataDirectory = join(workspace, 'throughput');
  const runs = {
    encrypt: [] as number[],
    ddWrite: [] as number[],
    decrypt: [] as number[],
    ddRead: [] as number[],
  };
  for (let run = 0; run < 5; run += 1) {
    let start = process.hrtime.bigint();
    const writer = await EncryptedFileWriter.create(dataDirectory, key);
    for await (const piece of createReadStream(source, {
      highWaterMark: uploadPieceBytes,
    }) as AsyncIterable<Buffer>) {
      await writer.write(piece);
    }
    await writer.commit();
    runs.encrypt.push(size / seconds(start));
    runs.ddWrite.push(
      ddBytesPerSecond(['if=' + source, `of=${join(workspace, 'dd-copy.bin')}`, 'conv=fsync']),
    );
    start = process.hrtime.bigint();
    await decryptStoredFile(dataDirectory, writer.storageId, key, () => undefined);
    runs.decrypt.push(size / seconds(start));
    runs.ddRead.push(
      ddBytesPerSecond([`if=${storedFilePath(dataDirectory, writer.storageId)}`, 'of=/dev/null']),
    );
    rmSync(storedFilePath(dataDirectory, writer.storageId));
  }
  const median = (values: number[]) => statsOf(values).median;
  const spread = (values: number[]) => {
    const { min, median: middle, max } = statsOf(values);
    return `${mbPerSecond(min, 1)} / ${mbPerSecond(middle, 1)} / ${mbPerSecond(max, 1)}`;
  };
  // The vault cannot outrun its cipher: what the disk and the cipher together allow is the slower of the two.
  const verdict = (vault: number[], disk: number[], cipher: number) => {
    const allowed = Math.min(median(disk), cipher);
    return `${((median(vault) / median(disk)) * 100).toFixed(0)} % of dd, ${((median(vault) / allowed) * 100).toFixed(0)} % of the slower of dd and Node's cipher  ${median(vault) >= 0.9 * allowed ? 'pass' : 'FAIL'}`;
  };
  print('file to file, 5 samples, min / median / max (target: within 10 % of dd, same fsync policy):');
  print(
    `  vault encrypt, file to file (one fsync):   ${spread(runs.encrypt)}  ${verdict(runs.encrypt, runs.ddWrite, nodeRate)}`,
  );
  print(`  dd bs=1M conv=fsync, same file:            ${spread(runs.ddWrite)}`);
  print(
    `  vault decrypt + verify, from file:         ${spread(runs.decrypt)}  ${verdict(runs.decrypt, runs.ddRead, nodeDecryptRate)}`,
  );
  print(`  dd bs=1M of=/dev/null, the vault file:     ${spread(runs.ddRead)}`);
  print(
    `  (Node's AES-256-GCM on 1 MiB pieces in memory, same run: encrypt ${mbPerSecond(nodeRate, 1)}, decrypt ${mbPerSecond(nodeDecryptRate, 1)})`,
  );
  print('');
}

/** Bytes per second `dd bs=1M` reports for a copy (its own figure, from its last line). */
function ddBytesPerSecond(operands: readonly string[]): number {
  const started = process.hrtime.bigint();
  const result = spawnSync('dd', [...operands, 'bs=1M'], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`dd failed: ${result.stderr}`);
  const copied = Number(/^(\d+) bytes/m.exec(result.stderr)?.[1] ?? Number.NaN);
  return copied / seconds(started);
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
