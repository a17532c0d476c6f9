import { AppError } from '../errors';
import { isWithoutTextLayer, readPageText, withPdf, type PdfPage } from '../vault/extract-text';
import { grayFromRgba, type GrayImage } from './page-image';

/**
 * Turns a document into page images in memory for OCR: PDF pages rendered with pdf.js, pictures
 * decoded, both onto an @napi-rs/canvas surface (Skia). No page image is ever written to disk.
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

async function loadCanvas() {
  try {
    return await import('@napi-rs/canvas');
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

/** A PNG or JPEG decoded to grey levels, scaled down if it is huge. */
export async function decodePicture(bytes: Uint8Array): Promise<PageImage> {
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
  return { image: grayFromRgba(data, width, height), dotsPerInch: 0 };
}

async function renderPdfPage(page: PdfPage): Promise<PageImage> {
  const { createCanvas } = await loadCanvas();
  const viewport = page.getViewport({ scale: pdfRenderDotsPerInch / 72 });
  const width = Math.ceil(viewport.width);
  const height = Math.ceil(viewport.height);
  const canvas = createCanvas(width, height);
  const context = canvas.getContext('2d');
  context.fillStyle = 'white';
  context.fillRect(0, 0, width, height);
  // pdf.js draws through the 2D context it is given; Skia's canvas implements the same interface.
  await page.render({ canvas: null, canvasContext: context as never, viewport }).promise;
  const { data } = context.getImageData(0, 0, width, height);
  return { image: grayFromRgba(data, width, height), dotsPerInch: pdfRenderDotsPerInch };
}

/** A PDF page: its text layer when it has one, otherwise its image to recognise. */
export type PdfPageSource =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'image'; readonly render: () => Promise<PageImage> };

/**
 * Visits a PDF's pages in order, one at a time, so only one page image is in memory at once.
 * Throws a clear error when the file is not a readable PDF.
 */
export async function forEachPdfPage(
  bytes: Uint8Array,
  visit: (source: PdfPageSource, pageNumber: number, pageCount: number) => Promise<void>,
): Promise<void> {
  // Errors from `visit` (a cancel, a failed page) pass through untouched; only pdf.js's own are reworded.
  let visitError: { readonly error: unknown } | null = null;
  try {
    await withPdf(bytes, async (pdf) => {
      for (let number = 1; number <= pdf.numPages; number += 1) {
        const page = await pdf.getPage(number);
        try {
          const text = await readPageText(page);
          const source: PdfPageSource = isWithoutTextLayer(text)
            ? { kind: 'image', render: () => renderPdfPage(page) }
            : { kind: 'text', text };
          await visit(source, number, pdf.numPages).catch((error: unknown) => {
            visitError = { error };
            throw error;
          });
        } finally {
          page.cleanup();
        }
      }
    });
  } catch (error) {
    if (visitError !== null || error instanceof AppError) throw error;
    throw new AppError('INVALID_INPUT', 'This PDF could not be read: the file may be damaged or protected.');
  }
}
