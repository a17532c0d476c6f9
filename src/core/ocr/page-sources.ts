import { createRequire } from 'node:module';
import type * as Canvas from '@napi-rs/canvas';
import { AppError } from '../errors';
import { isWithoutTextLayer, openPdf, readPageText, type PdfPage } from '../vault/extract-text';
import { grayFromRgba, type GrayImage } from './page-image';

/**
 * Turns a document into page images in memory for OCR: a scanner's JPEG taken out of its PDF page
 * as it is, other PDF pages drawn with pdf.js, pictures decoded, all with @napi-rs/canvas (Skia).
 * No page image is ever written to disk.
 */

/** The media types OCR reads, as the MIME types callers pass. */
export const ocrMediaTypes = [
  'application/pdf',
  'image/png',
  'image/jpeg',
  'image/tiff',
  'image/heic',
] as const;
export type OcrMediaType = (typeof ocrMediaTypes)[number];

/** PDF pages are drawn at this resolution: enough for 8-point print, small enough to read a page in seconds. */
export const pdfRenderDotsPerInch = 216;
/** A photo larger than this on its long side is scaled down: more pixels only slow Tesseract down. */
const maximumImageSide = 4000;

export type PageImage = {
  readonly image: GrayImage;
  /** The resolution the page was drawn at; 0 when unknown (a photo). */
  readonly dotsPerInch: number;
};

async function loadCanvas(): Promise<typeof Canvas> {
  try {
    // Required at run time, as pdf.js does, so the app's bundler leaves this native, per-system
    // optional package in node_modules rather than copying one system's binary into the bundle.
    return createRequire(import.meta.url)('@napi-rs/canvas') as typeof Canvas;
  } catch {
    throw new AppError(
      'INTERNAL',
      'Text recognition needs the page-drawing component (@napi-rs/canvas), which is not installed on this computer. Reinstall Advocase.',
    );
  }
}

/** Refuses, with a reason, the types no decoder here can read. */
export function unsupportedReason(mediaType: string): string | null {
  switch (mediaType) {
    case 'application/pdf':
    case 'image/png':
    case 'image/jpeg':
      return null;
    case 'image/tiff':
      return 'TIFF images (fax software) cannot be read for text yet: there is no TIFF decoder in Advocase. Save or print the fax as a PDF and add that instead.';
    case 'image/heic':
      return 'HEIC photos cannot be read for text: there is no HEIC decoder in Advocase. On the phone, share the photo as JPEG (Settings → Camera → Formats → Most Compatible) and add that instead.';
    default:
      return `Files of type “${mediaType}” cannot be read for text. Text recognition reads PDF, PNG and JPEG files.`;
  }
}

/** A PNG or JPEG decoded to grey levels, scaled down if it is huge; `dotsPerInch` 0 when unknown. */
export async function decodePicture(bytes: Uint8Array, dotsPerInch = 0): Promise<PageImage> {
  const { createCanvas, loadImage } = await loadCanvas();
  let picture;
  try {
    picture = await loadImage(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  } catch {
    throw new AppError('INVALID_INPUT', 'This picture could not be decoded: the file may be damaged.');
  }
  const scale = Math.min(1, maximumImageSide / Math.max(picture.width, picture.height));
  const width = Math.max(1, Math.round(picture.width * scale));
  const height = Math.max(1, Math.round(picture.height * scale));
  const canvas = createCanvas(width, height);
  const context = canvas.getContext('2d');
  context.fillStyle = 'white';
  context.fillRect(0, 0, width, height);
  context.drawImage(picture, 0, 0, width, height);
  const { data } = context.getImageData(0, 0, width, height);
  return { image: grayFromRgba(data, width, height), dotsPerInch: dotsPerInch * scale };
}

async function renderPdfPage(page: PdfPage): Promise<PageImage> {
  const { createCanvas } = await loadCanvas();
  // An oversized page (a poster, a scan saved at the wrong size) is drawn no larger than a big photo.
  const natural = page.getViewport({ scale: 1 });
  const scale = Math.min(
    pdfRenderDotsPerInch / 72,
    maximumImageSide / Math.max(natural.width, natural.height),
  );
  const viewport = page.getViewport({ scale });
  const width = Math.ceil(viewport.width);
  const height = Math.ceil(viewport.height);
  const canvas = createCanvas(width, height);
  const context = canvas.getContext('2d');
  context.fillStyle = 'white';
  context.fillRect(0, 0, width, height);
  // pdf.js draws through the 2D context it is given; Skia's canvas implements the same interface.
  await page.render({ canvas: null, canvasContext: context as never, viewport }).promise;
  const { data } = context.getImageData(0, 0, width, height);
  return { image: grayFromRgba(data, width, height), dotsPerInch: scale * 72 };
}

/** A PDF page: its text layer when it has one, otherwise its image to recognise. */
export type PdfPageSource =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'image'; readonly render: () => Promise<PageImage> };

/**
 * Visits a PDF's pages in order, one at a time, so only one page image is in memory at once.
 * Pages that are nothing but a scanner's JPEG are known from the file's structure (pdf-lib) alone;
 * pdf.js, which costs seconds and hundreds of megabytes to load, opens only for the other pages.
 * Throws a clear error when the file is not a readable PDF.
 */
export async function forEachPdfPage(
  bytes: Uint8Array,
  visit: (source: PdfPageSource, pageNumber: number, pageCount: number) => Promise<void>,
): Promise<void> {
  // Errors from `visit` (a cancel, a failed page) pass through untouched; only the readers' own are reworded.
  let visitError: { readonly error: unknown } | null = null;
  const visitOnce = (source: PdfPageSource, number: number, count: number) =>
    visit(source, number, count).catch((error: unknown) => {
      visitError = { error };
      throw error;
    });
  let opening = null as ReturnType<typeof openPdf> | null;
  const pdfJs = async () => (await (opening ??= openPdf(bytes))).pdf;
  try {
    // pdf-lib loads on the first scan read, not when the app starts (docs/performance.md, "Start").
    const { embeddedScan, openForScans } = await import('./scanned-page-image');
    const scans = await openForScans(bytes);
    const pageCount = scans?.getPageCount() ?? (await pdfJs()).numPages;
    for (let number = 1; number <= pageCount; number += 1) {
      const scan = scans && embeddedScan(scans, number - 1);
      if (scan) {
        await visitOnce(
          { kind: 'image', render: () => decodePicture(scan.jpeg, scan.dotsPerInch) },
          number,
          pageCount,
        );
        continue;
      }
      const page = await (await pdfJs()).getPage(number);
      try {
        const text = await readPageText(page);
        const source: PdfPageSource = isWithoutTextLayer(text)
          ? { kind: 'image', render: () => renderPdfPage(page) }
          : { kind: 'text', text };
        await visitOnce(source, number, pageCount);
      } finally {
        page.cleanup();
      }
    }
  } catch (error) {
    if (visitError !== null || error instanceof AppError) throw error;
    throw new AppError('INVALID_INPUT', 'This PDF could not be read: the file may be damaged or protected.');
  } finally {
    if (opening) await (await opening.catch(() => null))?.close();
  }
}
