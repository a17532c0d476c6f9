import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../src/core/errors';
import { grayFromRgba, estimateSkewDegrees, otsuThreshold, smooth } from '../../src/core/ocr/page-image';
import {
  findPagesWithoutText,
  needsOcr,
  OcrCancelledError,
  recognizeDocument,
  stopOcrEngine,
  type OcrProgress,
} from '../../src/core/ocr/recognize-document';
import { createCanvas, loadImage } from '@napi-rs/canvas';
import { denialNoticeLines, pdfToPng, imageToPdf, scanLike, typesetPdf } from './scanned-notice';

/** OCR takes seconds a page, more on a busy machine: generous limits, no timing asserted here (bench/ does). */
const ocrTimeout = 180_000;

/** Words and numbers an advocate needs from the notice; OCR must bring each back exactly. */
const keyFacts = [
  'BHX482913577',
  '2026-0314-88217',
  'proton',
  'experimental',
  'investigational',
  '180 days',
  'MP-0719',
];

function expectKeyFacts(text: string): void {
  for (const fact of keyFacts) expect(text).toContain(fact);
}

let textPdf: Uint8Array;
let cleanPng: Buffer;
let noisyPng: Buffer;

beforeAll(async () => {
  textPdf = await typesetPdf(denialNoticeLines);
  cleanPng = pdfToPng(textPdf, 200);
  noisyPng = await scanLike(cleanPng, { sigma: 40 });
}, 60_000);

afterAll(async () => {
  await stopOcrEngine();
});

describe('recognizeDocument', () => {
  it(
    'reads back a notice printed to a PDF, drawn to a picture by pdftoppm and given scanner noise',
    async () => {
      const progress: OcrProgress[] = [];
      const result = await recognizeDocument(noisyPng, 'image/png', { onProgress: (p) => progress.push(p) });
      expectKeyFacts(result.text);
      expect(result.pageCount).toBe(1);
      expect(result.pages).toHaveLength(1);
      expect(result.confidence).toBeGreaterThan(70);
      expect(result.confidence).toBeLessThanOrEqual(100);
      // Progress moves forward from the start of the page to its end.
      expect(progress[0]).toEqual({ page: 1, pageCount: 1, fraction: 0 });
      expect(progress.at(-1)).toEqual({ page: 1, pageCount: 1, fraction: 1 });
      const fractions = progress.map((p) => p.fraction);
      expect(fractions).toEqual([...fractions].sort((a, b) => a - b));
      expect(new Set(fractions).size).toBeGreaterThan(5);
    },
    ocrTimeout,
  );

  it(
    'reads a photo taken at an angle once the page is straightened',
    async () => {
      const tilted = await scanLike(cleanPng, { sigma: 25, degrees: 4, format: 'jpeg' });
      const picture = await loadImage(tilted);
      const canvas = createCanvas(picture.width, picture.height);
      canvas.getContext('2d').drawImage(picture, 0, 0);
      const gray = smooth(
        grayFromRgba(
          canvas.getContext('2d').getImageData(0, 0, picture.width, picture.height).data,
          picture.width,
          picture.height,
        ),
      );
      // The page is found turned by the four degrees it was turned (clockwise is positive).
      expect(estimateSkewDegrees(gray, otsuThreshold(gray))).toBeCloseTo(4, 0);
      const result = await recognizeDocument(tilted, 'image/jpeg');
      expectKeyFacts(result.text);
    },
    ocrTimeout,
  );

  it(
    "reads a scanned PDF: a scanner's JPEG page taken out as it is, and a PNG page drawn by pdf.js",
    async () => {
      // A scanner's PDF holds a JPEG of the page, which img2pdf embeds as it is.
      const jpegPagePdf = imageToPdf(await scanLike(cleanPng, { sigma: 40, format: 'jpeg' }));
      // A PNG with transparency is embedded with a soft mask: only a full drawing shows it right.
      const pngPagePdf = imageToPdf(noisyPng);
      for (const scannedPdf of [jpegPagePdf, pngPagePdf]) {
        expect(await findPagesWithoutText(scannedPdf)).toEqual({ pageCount: 1, pagesWithoutText: [1] });
        expect(await needsOcr(scannedPdf, 'application/pdf')).toBe(true);
        const result = await recognizeDocument(scannedPdf, 'application/pdf');
        expectKeyFacts(result.text);
        expect(result.confidence).toBeGreaterThan(70);
      }
    },
    ocrTimeout,
  );

  it('keeps the text layer of a PDF page that has one, at full confidence', async () => {
    expect(await findPagesWithoutText(textPdf)).toEqual({ pageCount: 1, pagesWithoutText: [] });
    expect(await needsOcr(textPdf, 'application/pdf')).toBe(false);
    const result = await recognizeDocument(textPdf, 'application/pdf');
    expect(result.confidence).toBe(100);
    expect(result.text).toContain('Member ID: BHX482913577');
  });

  it(
    'stops when cancelled, and recognises again afterwards',
    async () => {
      const controller = new AbortController();
      const progress: number[] = [];
      const cancelled = recognizeDocument(noisyPng, 'image/png', {
        signal: controller.signal,
        onProgress: ({ fraction }) => {
          progress.push(fraction);
          // Cancel in the middle of Tesseract's own work on the page.
          if (fraction > 0.2) controller.abort();
        },
      });
      await expect(cancelled).rejects.toBeInstanceOf(OcrCancelledError);
      expect(Math.max(...progress)).toBeLessThan(1);
      const again = await recognizeDocument(cleanPng, 'image/png');
      expectKeyFacts(again.text);
    },
    ocrTimeout,
  );

  it('refuses a cancelled job before it starts', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(
      recognizeDocument(cleanPng, 'image/png', { signal: controller.signal }),
    ).rejects.toBeInstanceOf(OcrCancelledError);
  });

  it.each([
    ['image/tiff', /TIFF images .* cannot be read for text yet.*PDF/],
    ['image/heic', /HEIC photos cannot be read for text.*JPEG/],
    ['application/zip', /cannot be read for text\. Text recognition reads PDF, PNG and JPEG/],
  ])('says clearly that %s cannot be read, and what to do', async (mediaType, message) => {
    const refusal = recognizeDocument(cleanPng, mediaType);
    await expect(refusal).rejects.toBeInstanceOf(AppError);
    await expect(refusal).rejects.toThrow(message);
  });

  it('says a damaged PDF or picture is damaged', async () => {
    await expect(recognizeDocument(Buffer.from('%PDF-1.7 nothing else'), 'application/pdf')).rejects.toThrow(
      /could not be read/,
    );
    await expect(recognizeDocument(Buffer.from('not a picture'), 'image/png')).rejects.toThrow(
      /could not be decoded/,
    );
  });
});

describe('OCR with the network blocked', () => {
  it(
    'loads the engine and the English model from installed packages and writes no cache file',
    () => {
      const folder = mkdtempSync(join(tmpdir(), 'advocase-ocr-offline-'));
      const workingFolder = join(folder, 'cwd');
      try {
        mkdirSync(workingFolder);
        const scan = join(folder, 'scan.png');
        writeFileSync(scan, noisyPng);
        const output = execFileSync(
          process.execPath,
          [
            '--import',
            pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href,
            '--require',
            join(import.meta.dirname, 'block-network.mjs'),
            join(import.meta.dirname, 'recognize-offline.ts'),
            scan,
            'image/png',
          ],
          // Run from an empty folder: Tesseract's default cache would write eng.traineddata there.
          // A model looked for on the network never arrives here: the engine waits, so the run is timed out.
          { cwd: workingFolder, encoding: 'utf8', maxBuffer: 16 * 1024 * 1024, timeout: 150_000 },
        );
        const result = JSON.parse(output) as {
          text: string;
          confidence: number;
          isFetchBlocked: boolean;
          isFetchBlockedInWorker: boolean;
        };
        expect(result.isFetchBlocked).toBe(true);
        expect(result.isFetchBlockedInWorker).toBe(true);
        expectKeyFacts(result.text);
        expect(readdirSync(workingFolder)).toEqual([]);
      } finally {
        rmSync(folder, { recursive: true, force: true });
      }
    },
    ocrTimeout,
  );
});
