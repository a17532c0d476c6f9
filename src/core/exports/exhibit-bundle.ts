import { createHash } from 'node:crypto';
import { configure, TextReader, Uint8ArrayReader, ZipWriter } from '@zip.js/zip.js';
import type { BundleReport } from '../../shared/schemas/exports';
import { formatBatesNumber, stampExhibit } from './bates-stamp';
import type { Exhibit } from './exhibits';
import type { ManifestEntry, RenderedSummary } from './summary-pdf';

// Under Node there are no web workers to hand compression to; zip.js then works in this thread.
configure({ useWebWorkers: false });

export type BundleOptions = {
  readonly batesPrefix: string;
  readonly batesStart: number;
  readonly password: string | undefined;
};

/** One exhibit's bytes, and what redaction did to it (null when none was asked for). */
export type ExhibitContent = { readonly bytes: Uint8Array; readonly redaction: string | null };

/** Reads one exhibit's decrypted (or redacted, regenerated) bytes; the bundle zeroes them once written. */
export type ReadExhibit = (exhibit: Exhibit) => Promise<ExhibitContent>;

export const manifestFileName = 'manifest.csv';

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** RFC 4180: quote every field, double the quotes inside. */
function csvLine(fields: ReadonlyArray<string | number>): string {
  return fields.map((field) => `"${String(field).replace(/"/g, '""')}"`).join(',');
}

type ManifestRow = ManifestEntry & { readonly title: string; readonly note: string };

function manifestCsv(
  rows: readonly ManifestRow[],
  summary: { fileName: string; sha256: string; sizeBytes: number; pageCount: number },
): string {
  const header = csvLine([
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
  const lines = rows.map((row) =>
    csvLine([
      String(row.exhibitNumber).padStart(3, '0'),
      row.bundleFileName,
      row.title,
      row.pageCount ?? '',
      row.firstBates ?? '',
      row.lastBates ?? '',
      row.sizeBytes,
      row.sha256,
      row.note,
    ]),
  );
  lines.push(
    csvLine([
      'summary',
      summary.fileName,
      'Case summary',
      summary.pageCount,
      '',
      '',
      summary.sizeBytes,
      summary.sha256,
      'Not Bates-stamped',
    ]),
  );
  return `${[header, ...lines].join('\r\n')}\r\n`;
}

/**
 * Writes the bundle: each exhibit decrypted, Bates-stamped and hashed one at a time (so memory
 * holds one exhibit, not the case), then the summary, which lists those hashes and numbers, then
 * the manifest. With a password every entry is AES-256 encrypted (WinZip AE-2; opened by 7-Zip,
 * WinZip, Keka, not by the Windows or macOS built-in unzip).
 */
export async function writeExhibitBundle(
  destination: WritableStream<Uint8Array>,
  exhibits: readonly Exhibit[],
  readExhibit: ReadExhibit,
  renderSummary: (manifest: ReadonlyMap<number, ManifestEntry>) => Promise<RenderedSummary>,
  summaryFileName: string,
  options: BundleOptions,
): Promise<Omit<BundleReport, 'fileName' | 'sizeBytes'>> {
  const zip = new ZipWriter(destination, {
    ...(options.password ? { password: options.password, encryptionStrength: 3 as const } : {}),
    // PDFs are compressed already: storing them is as small and much faster.
    level: 0,
    // Exhibits are written in the order they are numbered.
    keepOrder: true,
  });
  const rows: ManifestRow[] = [];
  let nextBates = options.batesStart;
  try {
    for (const exhibit of exhibits) {
      const { bytes: original, redaction } = await readExhibit(exhibit);
      const stamped = await stampExhibit(
        original,
        exhibit.document.mediaType,
        exhibit.label,
        options.batesPrefix,
        nextBates,
      );
      const pageCount = stamped.pageCount;
      const row: ManifestRow = {
        exhibitNumber: exhibit.number,
        bundleFileName: exhibit.bundleFileName,
        sha256: sha256(stamped.bytes),
        sizeBytes: stamped.bytes.byteLength,
        pageCount,
        firstBates: pageCount ? formatBatesNumber(options.batesPrefix, nextBates) : null,
        lastBates: pageCount ? formatBatesNumber(options.batesPrefix, nextBates + pageCount - 1) : null,
        redaction,
        title: exhibit.title,
        note: [redaction, stamped.reason].filter(Boolean).join('. '),
      };
      if (pageCount) nextBates += pageCount;
      await zip.add(exhibit.bundleFileName, new Uint8ArrayReader(stamped.bytes));
      // Plaintext of a health record: do not leave it lying in memory longer than needed.
      original.fill(0);
      if (stamped.bytes !== original) stamped.bytes.fill(0);
      rows.push(row);
    }
    const manifest = new Map(rows.map((row) => [row.exhibitNumber, row]));
    const summary = await renderSummary(manifest);
    await zip.add(summaryFileName, new Uint8ArrayReader(summary.bytes));
    await zip.add(
      manifestFileName,
      new TextReader(
        manifestCsv(rows, {
          fileName: summaryFileName,
          sha256: sha256(summary.bytes),
          sizeBytes: summary.bytes.byteLength,
          pageCount: summary.pageCount,
        }),
      ),
      { level: 6 },
    );
    await zip.close();
  } catch (error) {
    await destination.abort(error).catch(() => undefined);
    throw error;
  }
  const stampedRows = rows.filter((row) => row.firstBates !== null);
  return {
    exhibitCount: rows.length,
    stampedPages: nextBates - options.batesStart,
    firstBates: stampedRows[0]?.firstBates ?? null,
    lastBates: stampedRows.at(-1)?.lastBates ?? null,
    isEncrypted: options.password !== undefined,
  };
}
