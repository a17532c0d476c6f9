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

export type FootLabelPosition = 'left' | 'right';
type PdfFont = Awaited<ReturnType<PDFDocument['embedFont']>>;

/** A small label at the foot of a page, on a white band that keeps it legible over scanned content. */
export function drawFootLabel(page: PDFPage, text: string, position: FootLabelPosition, font: PdfFont): void {
  const box = page.getCropBox();
  const size = 9;
  const margin = 18;
  // The standard PDF fonts cover Latin-1 only: a name in another script prints as "?" rather than failing.
  const supported = new Set(font.getCharacterSet());
  const printable = [...text]
    .map((character) => (supported.has(character.codePointAt(0) ?? 0) ? character : '?'))
    .join('');
  const width = font.widthOfTextAtSize(printable, size);
  const x = position === 'left' ? box.x + margin : box.x + box.width - margin - width;
  const y = box.y + margin;
  page.drawRectangle({ x: x - 3, y: y - 3, width: width + 6, height: size + 5, color: rgb(1, 1, 1) });
  page.drawText(printable, { x, y, size, font, color: rgb(0, 0, 0) });
}

export type OpenedPdf =
  | { readonly document: PDFDocument; readonly reason: null }
  | { readonly document: null; readonly reason: string };

/**
 * A vault file as a PDF to stamp or join: a PDF as it is, a photo (PNG, JPEG) placed on a Letter
 * page. Anything else, and a PDF that is damaged or password-protected, comes back with the reason
 * (a phrase without a full stop, for the caller to finish).
 */
export async function openAsPdf(bytes: Uint8Array, mediaType: MediaType): Promise<OpenedPdf> {
  let document: PDFDocument;
  try {
    if (mediaType === 'pdf') {
      document = await PDFDocument.load(bytes, { updateMetadata: false });
    } else if (mediaType === 'png' || mediaType === 'jpeg') {
      document = await imageAsPdf(bytes, mediaType);
    } else {
      return { document: null, reason: 'Not a PDF or a photo' };
    }
  } catch {
    return { document: null, reason: 'The PDF is encrypted or damaged' };
  }
  if (document.isEncrypted) return { document: null, reason: 'The PDF is password-protected' };
  return { document, reason: null };
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
  const { document, reason } = await openAsPdf(bytes, mediaType);
  if (!document)
    return { bytes, pageCount: null, reason: `${reason}: copied as it is, without Bates numbers.` };
  const font = await document.embedFont(StandardFonts.HelveticaBold);
  const pages = document.getPages();
  pages.forEach((page, index) => {
    drawFootLabel(page, formatBatesNumber(prefix, firstNumber + index), 'right', font);
    drawFootLabel(page, exhibitLabel, 'left', font);
  });
  return { bytes: await document.save(), pageCount: pages.length, reason: null };
}
