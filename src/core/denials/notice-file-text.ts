import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { AppError } from '../errors';
import { needsOcr, recognizeDocument, stopOcrEngine, type OcrProgress } from '../ocr/recognize-document';
import { readPdf } from '../vault/extract-text';

/** The text of a notice file, and whether OCR had to read it (with Tesseract's confidence, 0–100). */
export type NoticeFileText = {
  readonly text: string;
  readonly isOcr: boolean;
  readonly ocrConfidence: number | null;
};

/** What each file name ending is read as; OCR refuses with its own reason the pictures it has no decoder for. */
const mediaTypeByExtension: Readonly<Record<string, string>> = {
  '.txt': 'text/plain',
  '.text': 'text/plain',
  '.pdf': 'application/pdf',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.tif': 'image/tiff',
  '.tiff': 'image/tiff',
  '.heic': 'image/heic',
};

const readableNoticeExtensions = ['.txt', '.pdf', '.png', '.jpg', '.jpeg'] as const;

/**
 * Reads a denial notice from a file the person named: a text file as it is, a PDF from its text
 * layer (the vault's extraction), and a scanned PDF or a photo by offline OCR. Throws AppError
 * INVALID_INPUT, with what to do, for a file it cannot read.
 */
export async function readNoticeFile(
  path: string,
  onProgress?: (progress: OcrProgress) => void,
): Promise<NoticeFileText> {
  const mediaType = mediaTypeByExtension[extname(path).toLowerCase()];
  if (mediaType === undefined) {
    throw new AppError(
      'INVALID_INPUT',
      `cannot read a "${extname(path) || 'no extension'}" file as a notice; give a ${readableNoticeExtensions.join(', ')} file.`,
    );
  }
  const bytes = await readFile(path);
  if (mediaType === 'text/plain')
    return { text: new TextDecoder('utf-8').decode(bytes), isOcr: false, ocrConfidence: null };
  // A PDF page without a text layer is a scan: OCR reads those pages and keeps the others' text.
  if (mediaType === 'application/pdf' && !(await pdfNeedsOcr(bytes))) {
    return { text: (await readPdf(bytes)).text, isOcr: false, ocrConfidence: null };
  }
  try {
    const recognized = await recognizeDocument(bytes, mediaType, { onProgress });
    return { text: recognized.text, isOcr: true, ocrConfidence: recognized.confidence };
  } finally {
    await stopOcrEngine();
  }
}

async function pdfNeedsOcr(bytes: Uint8Array): Promise<boolean> {
  try {
    return await needsOcr(bytes, 'application/pdf');
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError(
      'INVALID_INPUT',
      'the file is not a readable PDF; open it in a PDF viewer to check, or scan it again.',
    );
  }
}
