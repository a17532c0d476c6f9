import { PDFDocument, ParseSpeeds, StandardFonts, type PDFPage } from 'pdf-lib';
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
export type FootLabel = { readonly text: string; readonly position: FootLabelPosition };
type PdfFont = Awaited<ReturnType<PDFDocument['embedFont']>>;

const labelSize = 9;
const labelMargin = 18;

/** A number as a PDF content stream writes it: no exponent, at most three decimals (PDF 1.7, 7.3.3). */
function pdfNumber(value: number): string {
  return String(Number(value.toFixed(3)));
}

const supportedCharacters = new WeakMap<PdfFont, ReadonlySet<number>>();

/** The code points a font can print, worked out once per font rather than once per page. */
function supportedCharactersOf(font: PdfFont): ReadonlySet<number> {
  let supported = supportedCharacters.get(font);
  if (!supported) {
    supported = new Set(font.getCharacterSet());
    supportedCharacters.set(font, supported);
  }
  return supported;
}

/**
 * Small labels at the foot of a page, each in black on a white band that keeps it legible over
 * scanned content. They go in one small content stream of their own, left uncompressed and
 * written as text: drawing through the page would give each page a new stream that pdf-lib
 * deflates on save with a fresh 300 KB compressor, which for a 2,000-page packet was a fifth of
 * its time and most of its garbage, to save about 100 bytes a page; and pdf-lib's operator
 * objects for the same few lines were another tenth of a 2,000-page bundle (measured with
 * --cpu-prof both times).
 */
export function drawFootLabels(page: PDFPage, labels: readonly FootLabel[], font: PdfFont): void {
  const box = page.getCropBox();
  // The standard PDF fonts cover Latin-1 only: a name in another script prints as "?" rather than failing.
  const supported = supportedCharactersOf(font);
  const fontKey = page.node.newFontDictionary(font.name, font.ref).toString();
  const lines = labels.map(({ text, position }) => {
    const printable = [...text]
      .map((character) => (supported.has(character.codePointAt(0) ?? 0) ? character : '?'))
      .join('');
    const width = font.widthOfTextAtSize(printable, labelSize);
    const x = position === 'left' ? box.x + labelMargin : box.x + box.width - labelMargin - width;
    const y = box.y + labelMargin;
    // Each label saves and restores the graphics state, so neither the page nor the other label
    // changes how it is painted (PDF 1.7, 8.4.2: q, re, f, Q; 9.4: BT, Tf, Tm, Tj, ET).
    return [
      `q 1 1 1 rg ${pdfNumber(x - 3)} ${pdfNumber(y - 3)} ${pdfNumber(width + 6)} ${labelSize + 5} re f`,
      `0 0 0 rg BT ${fontKey} ${labelSize} Tf 1 0 0 1 ${pdfNumber(x)} ${pdfNumber(y)} Tm ${font.encodeText(printable).toString()} Tj ET Q`,
    ].join('\n');
  });
  const { context } = page.doc;
  page.node.addContentStream(context.register(context.stream(`${lines.join('\n')}\n`)));
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
      // pdf-lib's default parse speed waits for a timer (at least 1 ms) every 100 objects. A
      // vault file is parsed between awaits anyway, so the wait is idle time and no gain.
      document = await PDFDocument.load(bytes, { updateMetadata: false, parseSpeed: ParseSpeeds.Fastest });
      // pdf-lib loads a body it cannot read as an empty document, which fails only once its pages
      // are asked for: ask here, so such a file is passed on with its reason, not the export failed.
      document.getPageCount();
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
 * How a stamped exhibit is written (measured with --cpu-prof on the 2,000-page bench bundle):
 * - No object streams: pdf-lib packs the small objects (page dictionaries, fonts) into streams it
 *   deflates with pako and a fresh 300 KB compressor each, a tenth of the bundle's time and much
 *   of its garbage, to save a few hundred bytes a page; the page content, scans included, stays
 *   compressed as it came. Every PDF reader reads a file without them (PDF 1.7, 7.5.7).
 * - No timer between objects: pdf-lib otherwise waits for a timer (at least 1 ms) every 50
 *   objects; each exhibit is written between awaits anyway.
 */
const stampedSaveOptions = { useObjectStreams: false, objectsPerTick: Infinity } as const;

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
    drawFootLabels(
      page,
      [
        { text: formatBatesNumber(prefix, firstNumber + index), position: 'right' },
        { text: exhibitLabel, position: 'left' },
      ],
      font,
    );
  });
  return { bytes: await document.save(stampedSaveOptions), pageCount: pages.length, reason: null };
}
