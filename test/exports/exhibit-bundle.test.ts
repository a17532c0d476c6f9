import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { configure, Uint8ArrayReader, Uint8ArrayWriter, ZipReader, type FileEntry } from '@zip.js/zip.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFileOutput } from '../helpers/write-file-output';
import { openExportFixture, pdfPageCount, pdfText } from './export-fixture';

process.env['ADVOCASE_TIME_ZONE'] = 'America/New_York';
configure({ useWebWorkers: false });

/** RFC 4180 fields of one line (every field quoted, as the manifest writes them). */
function csvFields(line: string): string[] {
  return [...line.matchAll(/"((?:[^"]|"")*)"/g)].map((match) => match[1]!.replace(/""/g, '"'));
}

describe('exhibit bundle, unzipped and read back', () => {
  let fixture: Awaited<ReturnType<typeof openExportFixture>>;
  let folder: string;
  let unzipped: string;
  let files: string[];

  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), 'advocase-bundle-test-'));
    fixture = await openExportFixture(folder);
    const path = join(folder, 'bundle.zip');
    const report = await fixture.call('exports.bundle', {
      selection: { caseId: fixture.caseId, redact: ['memberId'] },
      batesPrefix: 'adv',
      batesStart: 123,
    });
    writeFileOutput(path, report);
    expect(report).toMatchObject({
      exhibitCount: 5,
      stampedPages: 7,
      firstBates: 'ADV-000123',
      lastBates: 'ADV-000129',
      isEncrypted: false,
    });
    unzipped = join(folder, 'unzipped');
    mkdirSync(unzipped);
    execFileSync('unzip', ['-q', path, '-d', unzipped]);
    files = readdirSync(unzipped).sort();
  }, 60_000);
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it('holds the summary, the manifest and exactly the exhibits its index lists', () => {
    const summary = files.find((name) => name.startsWith('Case summary C-00001'))!;
    expect(summary).toMatch(/\.pdf$/);
    const text = pdfText(join(unzipped, summary));
    const index = text.slice(text.lastIndexOf('Exhibit index'), text.lastIndexOf('Manifest (SHA-256)'));
    const indexed = [...index.matchAll(/^(\d{3}) +(.+?) {2,}/gm)].map(
      (match) => `Exhibit ${match[1]} – ${match[2]}`,
    );
    const exhibitFiles = files.filter((name) => name.startsWith('Exhibit '));
    expect(exhibitFiles.map((name) => name.replace(/\.\w+$/, ''))).toEqual(indexed);
    expect(exhibitFiles).toEqual([
      'Exhibit 001 – Insurance card 2026-01-05.pdf',
      'Exhibit 002 – Correspondence 2026-03-02.pdf',
      'Exhibit 003 – Denial letter 2026-03-10.pdf',
      'Exhibit 004 – Letter of medical necessity 2026-03-28.pdf',
      'Exhibit 005 – Other 2026-04-11.txt',
    ]);
    expect(files).toContain('manifest.csv');
    expect(files).toHaveLength(exhibitFiles.length + 2);
    // The source file name carried the member ID, redacted in the index.
    expect(text).not.toContain('UHC88431207');
  });

  it('has a manifest whose SHA-256 of each file matches the file, in the CSV and in the PDF', () => {
    const [header, ...lines] = readFileSync(join(unzipped, 'manifest.csv'), 'utf8').trim().split('\r\n');
    expect(csvFields(header!)).toEqual([
      'exhibit',
      'file_name',
      'document',
      'pages',
      'first_bates',
      'last_bates',
      'size_bytes',
      'sha256',
      'note',
    ]);
    const rows = lines.map(csvFields);
    const summaryName = files.find((name) => name.startsWith('Case summary'))!;
    expect(rows.map((row) => row[1]).sort()).toEqual(files.filter((name) => name !== 'manifest.csv').sort());
    const pdfTextOfSummary = pdfText(join(unzipped, summaryName)).replace(/\s+/g, '');
    for (const row of rows) {
      const actual = createHash('sha256')
        .update(readFileSync(join(unzipped, row[1]!)))
        .digest('hex');
      expect(row[7], row[1]).toBe(actual);
      if (row[0] !== 'summary') expect(pdfTextOfSummary).toContain(actual);
    }
  });

  it('stamps every page with Bates numbers that run without gaps across exhibits', () => {
    const stampedFiles = files.filter((name) => name.startsWith('Exhibit ') && name.endsWith('.pdf'));
    const seen: string[] = [];
    for (const name of stampedFiles) {
      const path = join(unzipped, name);
      const pages = pdfText(path).split('\f').slice(0, pdfPageCount(path));
      for (const page of pages) {
        const numbers = page.match(/ADV-\d{6}/g) ?? [];
        expect(numbers, `${name} page ${seen.length + 1}`).toHaveLength(1);
        seen.push(numbers[0]!);
        expect(page).toContain(name.slice(0, 11));
      }
    }
    const expected = Array.from({ length: 7 }, (_, index) => `ADV-${String(123 + index).padStart(6, '0')}`);
    expect(seen).toEqual(expected);
    // The denial letter's text survives stamping.
    expect(pdfText(join(unzipped, 'Exhibit 003 – Denial letter 2026-03-10.pdf'))).toContain(
      'Denial letter page two',
    );
    const summary = pdfText(
      join(
        unzipped,
        files.find((name) => name.startsWith('Case summary'))!,
      ),
    );
    expect(summary).toMatch(/003 +Denial letter 2026-03-10[^\n]*ADV-000125 – ADV-000126/);
    expect(summary).toMatch(/005 +Other 2026-04-11[^\n]*Not stamped/);
  });

  it('encrypts every entry with AES-256 when a password is given, and opens only with it', async () => {
    const bundle = await fixture.call('exports.bundle', {
      selection: { caseId: fixture.caseId, documentIds: [fixture.documents.denial.id] },
      password: 'orchard-lantern-4471',
    });
    expect(bundle.isEncrypted).toBe(true);
    const zip = Buffer.from(bundle.data, 'base64');
    writeFileSync(join(folder, 'encrypted.zip'), zip);
    const reader = new ZipReader(new Uint8ArrayReader(zip));
    const entries = (await reader.getEntries()).filter((entry): entry is FileEntry => !entry.directory);
    expect(entries.map((entry) => [entry.encrypted, entry.zipCrypto])).toEqual(
      entries.map(() => [true, false]),
    );
    const denial = entries.find((entry) => entry.filename.startsWith('Exhibit 001'))!;
    await expect(
      denial.getData(new Uint8ArrayWriter(), { password: 'wrong password here' }),
    ).rejects.toThrow();
    const opened = await denial.getData(new Uint8ArrayWriter(), { password: 'orchard-lantern-4471' });
    const openedPath = join(folder, 'opened.pdf');
    writeFileSync(openedPath, opened);
    expect(pdfText(openedPath)).toContain('ADV-000001');
    // The plain unzip tool cannot read it without the password.
    expect(() =>
      execFileSync('unzip', ['-P', 'nope', '-p', join(folder, 'encrypted.zip'), denial.filename], {
        stdio: 'pipe',
      }),
    ).toThrow();
    await reader.close();
  });
});
