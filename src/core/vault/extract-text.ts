import type { MediaType, TextStatus } from '../../shared/schemas/vault';
import { parseEmail, renderEmailAsText } from './parse-email';

export type ExtractedText = {
  /** The document's words, or null when it has none to offer. */
  readonly text: string | null;
  readonly pageCount: number | null;
  readonly textStatus: TextStatus;
};

/** Files larger than this are stored but not read for search: PDF and DOCX parsers need the whole file in memory. */
export const maximumExtractionBytes = 64 * 1024 * 1024;
/** The index keeps at most this much text per document (a few thousand pages). */
const maximumIndexedCharacters = 4 * 1024 * 1024;
/** Fewer letters than this per page means a scan without a text layer. */
const minimumLettersPerPage = 3;

type PdfTextItem = { readonly str?: string; readonly hasEOL?: boolean };

async function loadPdfJs() {
  // The legacy build is the one pdf.js supports under Node.
  return import('pdfjs-dist/legacy/build/pdf.mjs');
}

export type PdfDocument = Awaited<
  ReturnType<Awaited<ReturnType<typeof loadPdfJs>>['getDocument']>['promise']
>;
export type PdfPage = Awaited<ReturnType<PdfDocument['getPage']>>;

/** A PDF opened with pdf.js; `close` frees it. Throws when the file is not a readable PDF. */
export async function openPdf(bytes: Uint8Array): Promise<{ pdf: PdfDocument; close: () => Promise<void> }> {
  const { getDocument, VerbosityLevel } = await loadPdfJs();
  // pdf.js takes ownership of (detaches) the buffer it is given: hand it a copy.
  const loadingTask = getDocument({
    data: new Uint8Array(bytes),
    disableFontFace: true,
    useSystemFonts: false,
    stopAtErrors: false,
    verbosity: VerbosityLevel.ERRORS,
  });
  try {
    return { pdf: await loadingTask.promise, close: () => loadingTask.destroy() };
  } catch (error) {
    await loadingTask.destroy();
    throw error;
  }
}

/** Opens a PDF with pdf.js for `use`, and frees it after. Throws when the file is not a readable PDF. */
export async function withPdf<T>(bytes: Uint8Array, use: (pdf: PdfDocument) => Promise<T>): Promise<T> {
  const { pdf, close } = await openPdf(bytes);
  try {
    return await use(pdf);
  } finally {
    await close();
  }
}

/** The words of a page's text layer, lines ended as pdf.js reports them. */
export async function readPageText(page: PdfPage): Promise<string> {
  const content = await page.getTextContent();
  return (content.items as PdfTextItem[])
    .map((item) => (item.str ?? '') + (item.hasEOL ? '\n' : ''))
    .join('');
}

/** Whether a page's text holds too few letters to be anything but a scan without a text layer. */
export function isWithoutTextLayer(text: string): boolean {
  return countLetters(text) < minimumLettersPerPage;
}

/** Page count and text layer of a PDF, with pdf.js. Throws when the file is not a readable PDF. */
export async function readPdf(bytes: Uint8Array): Promise<{ pageCount: number; text: string }> {
  return withPdf(bytes, async (pdf) => {
    const pages: string[] = [];
    let length = 0;
    for (let number = 1; number <= pdf.numPages && length < maximumIndexedCharacters; number += 1) {
      const page = await pdf.getPage(number);
      const text = await readPageText(page);
      page.cleanup();
      pages.push(text);
      length += text.length;
    }
    return { pageCount: pdf.numPages, text: pages.join('\n\n') };
  });
}

async function readDocx(bytes: Buffer): Promise<string> {
  const mammoth = await import('mammoth');
  const { value } = await mammoth.extractRawText({ buffer: bytes });
  return value;
}

function countLetters(text: string): number {
  return (text.match(/\p{L}/gu) ?? []).length;
}

function limited(text: string): string {
  return text.length > maximumIndexedCharacters ? text.slice(0, maximumIndexedCharacters) : text;
}

/**
 * Reads a document's words for the search index. `bytes` is null when the file was too large to
 * hold in memory. Parsing failures are an outcome (`unreadable`), not an error: the file is kept.
 */
export async function extractText(mediaType: MediaType, bytes: Buffer | null): Promise<ExtractedText> {
  const isImage = mediaType === 'png' || mediaType === 'jpeg' || mediaType === 'heic';
  if (isImage) return { text: null, pageCount: 1, textStatus: 'no_text' };
  if (bytes === null) return { text: null, pageCount: null, textStatus: 'too_large' };
  try {
    switch (mediaType) {
      case 'pdf': {
        const { pageCount, text } = await readPdf(bytes);
        const hasText = countLetters(text) >= minimumLettersPerPage * Math.max(1, Math.min(pageCount, 3));
        return hasText
          ? { text: limited(text), pageCount, textStatus: 'indexed' }
          : { text: null, pageCount, textStatus: 'no_text' };
      }
      case 'docx': {
        const text = await readDocx(bytes);
        return countLetters(text) > 0
          ? { text: limited(text), pageCount: null, textStatus: 'indexed' }
          : { text: null, pageCount: null, textStatus: 'no_text' };
      }
      case 'txt':
      case 'eml': {
        const text =
          mediaType === 'eml' ? renderEmailAsText(parseEmail(bytes)) : new TextDecoder('utf-8').decode(bytes);
        return countLetters(text) > 0
          ? { text: limited(text), pageCount: null, textStatus: 'indexed' }
          : { text: null, pageCount: null, textStatus: 'no_text' };
      }
    }
  } catch {
    return { text: null, pageCount: null, textStatus: 'unreadable' };
  }
}

/** The text shown in the preview of a DOCX, EML or TXT document. */
export async function readableText(mediaType: 'docx' | 'txt' | 'eml', bytes: Buffer): Promise<string> {
  if (mediaType === 'docx') return readDocx(bytes);
  if (mediaType === 'eml') return renderEmailAsText(parseEmail(bytes));
  return new TextDecoder('utf-8').decode(bytes);
}
