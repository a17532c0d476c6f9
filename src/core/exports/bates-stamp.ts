import { PDFDocument, StandardFonts, rgb, type PDFPage } from 'pdf-lib';
import type { MediaType } from '../../shared/schemas/vault';

/** "ADV" and "ADV-" both give ADV-000123; an underscore is kept as the user typed it. */
export function normalizeBatesPrefix(prefix: string): string {
  return /[-_]$/.test(prefix) ? prefix : `${prefix}-`;
}

export function formatBatesNumber(prefix: string, number: number): string {
  return `${normalizeBatesPrefix(prefix)}${String(number).padStart(6, '0')}`;
}

export type StampResult = {
  readonly bytes: Uint8Array;
  /** Null when the file could not be stamped and is passed on as it was. */
  readonly pageCount: number | null;
  readonly reason: string | null;
};

// US Letter, the page size a photo of a card or letter is placed on.
const letterWidth = 612;
const letterHeight = 792;
const imageMargin = 36;

async function imageAsPdf(bytes: Uint8Array, mediaType: 'png' | 'jpeg'): Promise<PDFDocument> {
  const document = await PDFDocument.create();
  const image = mediaType === 'png' ? await document.embedPng(bytes) : await document.embedJpg(bytes);
  const scale = Math.min(
    (letterWidth - 2 * imageMargin) / image.width,
    (letterHeight - 3 * imageMargin) / image.height,
    1,
  );
  const page = document.addPage([letterWidth, letterHeight]);
  const [width, height] = [image.width * scale, image.height * scale];
  page.drawImage(image, {
    x: (letterWidth - width) / 2,
    y: letterHeight - imageMargin - height,
    width,
    height,
  });
  return document;
}

function stampPage(
  page: PDFPage,
  bates: string,
  exhibitLabel: string,
  font: Awaited<ReturnType<PDFDocument['embedFont']>>,
): void {
  const box = page.getCropBox();
  const size = 9;
  const batesWidth = font.widthOfTextAtSize(bates, size);
  const labelWidth = font.widthOfTextAtSize(exhibitLabel, size);
  const margin = 18;
  const y = box.y + margin;
  // A white band under each label keeps it legible over scanned content.
  page.drawRectangle({
    x: box.x + box.width - margin - batesWidth - 3,
    y: y - 3,
    width: batesWidth + 6,
    height: size + 5,
    color: rgb(1, 1, 1),
  });
  page.drawText(bates, { x: box.x + box.width - margin - batesWidth, y, size, font, color: rgb(0, 0, 0) });
  page.drawRectangle({
    x: box.x + margin - 3,
    y: y - 3,
    width: labelWidth + 6,
    height: size + 5,
    color: rgb(1, 1, 1),
  });
  page.drawText(exhibitLabel, { x: box.x + margin, y, size, font, color: rgb(0, 0, 0) });
}

/**
 * Stamps every page with the next Bates number (bottom right) and the exhibit number (bottom
 * left). Photos become one-page PDFs first. A PDF that is encrypted or unreadable is passed on
 * unchanged and unnumbered, with the reason, so the numbering never skips.
 */
export async function stampExhibit(
  bytes: Uint8Array,
  mediaType: MediaType,
  exhibitLabel: string,
  prefix: string,
  firstNumber: number,
): Promise<StampResult> {
  let document: PDFDocument;
  try {
    if (mediaType === 'pdf') {
      document = await PDFDocument.load(bytes, { updateMetadata: false });
    } else if (mediaType === 'png' || mediaType === 'jpeg') {
      document = await imageAsPdf(bytes, mediaType);
    } else {
      return { bytes, pageCount: null, reason: 'Not a PDF: copied as it is, without Bates numbers.' };
    }
  } catch {
    return {
      bytes,
      pageCount: null,
      reason: 'The PDF is encrypted or damaged: copied as it is, without Bates numbers.',
    };
  }
  if (document.isEncrypted) {
    return {
      bytes,
      pageCount: null,
      reason: 'The PDF is password-protected: copied as it is, without Bates numbers.',
    };
  }
  const font = await document.embedFont(StandardFonts.HelveticaBold);
  const pages = document.getPages();
  pages.forEach((page, index) =>
    stampPage(page, formatBatesNumber(prefix, firstNumber + index), exhibitLabel, font),
  );
  return { bytes: await document.save(), pageCount: pages.length, reason: null };
}
