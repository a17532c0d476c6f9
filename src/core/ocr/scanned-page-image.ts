import { PDFArray, PDFDict, PDFDocument, PDFName, PDFNumber, PDFRawStream, type PDFPage } from 'pdf-lib';

/**
 * A scanner's "scan to PDF" page is one JPEG filling the page. That JPEG, taken out of the file as
 * it is, is the page image OCR needs: decoding it natively costs a fraction of the time and memory
 * of drawing the page with pdf.js (whose JavaScript JPEG decoder and canvas copies took seconds
 * and about 500 MB for one 200 dpi page here). Anything else is left to the full drawing.
 */

export type EmbeddedScan = {
  /** The JPEG file held in the page. */
  readonly jpeg: Uint8Array;
  readonly dotsPerInch: number;
};

/** The PDF opened once with pdf-lib, for the pages that need it. */
export async function openForScans(bytes: Uint8Array): Promise<PDFDocument | null> {
  try {
    return await PDFDocument.load(bytes, {
      ignoreEncryption: false,
      updateMetadata: false,
      throwOnInvalidObject: false,
    });
  } catch {
    // Encrypted or odd files: pdf.js draws them instead.
    return null;
  }
}

/** Bounds in which an image counts as filling the page: scanners keep the page's proportions. */
const maximumAspectDifference = 0.03;

/** The page's JPEG when the page is nothing but one upright JPEG filling it, and no text; otherwise null. */
export function embeddedScan(document: PDFDocument, pageIndex: number): EmbeddedScan | null {
  let page: PDFPage;
  try {
    page = document.getPage(pageIndex);
  } catch {
    return null;
  }
  if (page.getRotation().angle % 360 !== 0) return null;
  const resources = page.node.Resources();
  // Fonts mean text could be drawn on the page (an OCR'd PDF's hidden text layer): pdf.js reads it.
  if (resources?.has(PDFName.of('Font'))) return null;
  const xObjects = resources?.lookupMaybe(PDFName.of('XObject'), PDFDict);
  if (!xObjects) return null;
  const entries = xObjects.entries();
  if (entries.length !== 1) return null;
  const [, reference] = entries[0]!;
  const image = document.context.lookup(reference);
  if (!(image instanceof PDFRawStream)) return null;
  const { dict } = image;
  if (dict.get(PDFName.of('Subtype')) !== PDFName.of('Image')) return null;
  const filter = dict.get(PDFName.of('Filter'));
  const filters = filter instanceof PDFArray ? filter.asArray() : [filter];
  if (filters.length !== 1 || filters[0] !== PDFName.of('DCTDecode')) return null;
  // A soft mask or a decode array changes what the page shows: leave those to the full drawing.
  if (dict.has(PDFName.of('SMask')) || dict.has(PDFName.of('Decode'))) return null;
  const width = dict.lookupMaybe(PDFName.of('Width'), PDFNumber)?.asNumber();
  const height = dict.lookupMaybe(PDFName.of('Height'), PDFNumber)?.asNumber();
  if (!width || !height) return null;
  const { width: pageWidth, height: pageHeight } = page.getSize();
  if (Math.abs(width / height / (pageWidth / pageHeight) - 1) > maximumAspectDifference) return null;
  return { jpeg: image.contents, dotsPerInch: (width / pageWidth) * 72 };
}
