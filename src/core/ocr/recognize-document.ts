import { AppError } from '../errors';
import { OcrEngine, type PageRecognition } from './ocr-engine';
import { encodePgm, preparePageForOcr } from './page-image';
import { decodePicture, forEachPdfPage, unsupportedReason, type PageImage } from './page-sources';

/**
 * Offline OCR of a whole document: a scanned PDF, or a picture of a page. Each page is drawn in
 * memory, cleaned up (smoothed, thresholded, straightened) and recognised by Tesseract in its own
 * worker thread, one page at a time, with progress and cancel. PDF pages that already carry a text
 * layer keep it (confidence 100) rather than being recognised again.
 *
 * Media types: application/pdf, image/png, image/jpeg. image/tiff and image/heic have no decoder
 * here: they are refused with an error saying what to do instead.
 */

export type OcrProgress = {
  /** The page being read, from 1. */
  readonly page: number;
  readonly pageCount: number;
  /** How far the whole document is, from 0 to 1. */
  readonly fraction: number;
};

export type RecognizeOptions = {
  readonly onProgress?: (progress: OcrProgress) => void;
  /** Aborting stops the engine at once (its worker is terminated) and rejects with OcrCancelledError. */
  readonly signal?: AbortSignal;
};

export type RecognizedDocument = {
  /** All pages' text, pages separated by a blank line. */
  readonly text: string;
  /** 0–100: Tesseract's mean word confidence, pages weighted by their length. */
  readonly confidence: number;
  readonly pageCount: number;
  readonly pages: readonly PageRecognition[];
};

export class OcrCancelledError extends Error {
  constructor() {
    super('Text recognition was cancelled.');
    this.name = 'OcrCancelledError';
  }
}

/** The share of a page's progress spent drawing and cleaning it up before Tesseract reads it. */
const preparingShare = 0.1;
/** An engine left idle this long is stopped, freeing its memory (about 100 MB). */
const idleEngineMilliseconds = 30_000;

let idleEngine: { readonly engine: OcrEngine; readonly timer: NodeJS.Timeout } | null = null;
let queue: Promise<unknown> = Promise.resolve();

function takeIdleEngine(): OcrEngine | null {
  if (!idleEngine) return null;
  clearTimeout(idleEngine.timer);
  const { engine } = idleEngine;
  idleEngine = null;
  return engine;
}

function keepIdle(engine: OcrEngine): void {
  const timer = setTimeout(() => {
    if (idleEngine?.engine === engine) idleEngine = null;
    void engine.terminate();
  }, idleEngineMilliseconds);
  // A waiting engine must not keep a CLI run or a test alive.
  timer.unref();
  idleEngine = { engine, timer };
}

/** Stops an idle engine now (tests and the CLI call this when done). */
export async function stopOcrEngine(): Promise<void> {
  await takeIdleEngine()?.terminate();
}

/** Rejects as soon as `signal` aborts, whatever `work` is doing. */
function untilAborted<T>(work: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return work;
  if (signal.aborted) return Promise.reject(new OcrCancelledError());
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(new OcrCancelledError());
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}

/** One OCR job at a time: Tesseract uses a whole core, and this machine may have two. */
function inTurn<T>(work: () => Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  const run = queue.then(() => {
    if (signal?.aborted) throw new OcrCancelledError();
    return work();
  });
  queue = run.catch(() => undefined);
  return untilAborted(run, signal);
}

/** Recognises the text of a document's page images. See the module comment for the types read. */
export function recognizeDocument(
  bytes: Uint8Array,
  mediaType: string,
  options: RecognizeOptions = {},
): Promise<RecognizedDocument> {
  const refusal = unsupportedReason(mediaType);
  if (refusal) return Promise.reject(new AppError('INVALID_INPUT', refusal));
  return inTurn(() => recognizeInTurn(bytes, mediaType, options), options.signal);
}

async function recognizeInTurn(
  bytes: Uint8Array,
  mediaType: string,
  { onProgress, signal }: RecognizeOptions,
): Promise<RecognizedDocument> {
  let engine: OcrEngine | null = takeIdleEngine();
  const stopOnAbort = () => {
    // Terminating the worker is the only way to stop Tesseract inside a page.
    void engine?.terminate();
    engine = null;
  };
  signal?.addEventListener('abort', stopOnAbort, { once: true });
  const pages: PageRecognition[] = [];
  // Never backwards: the engine reports each loading step from 0 again.
  let lastFraction = 0;
  const report = (page: number, pageCount: number, pageFraction: number) => {
    lastFraction = Math.max(lastFraction, Math.min(1, (page - 1 + pageFraction) / pageCount));
    onProgress?.({ page, pageCount, fraction: lastFraction });
  };

  const recognizePage = async (draw: () => Promise<PageImage>, page: number, pageCount: number) => {
    report(page, pageCount, 0);
    const drawn = await untilAborted(draw(), signal);
    report(page, pageCount, preparingShare / 4);
    const prepared = await untilAborted(preparePageForOcr(drawn.image), signal);
    report(page, pageCount, preparingShare / 2);
    engine ??= await untilAborted(
      OcrEngine.start((loaded) => report(page, pageCount, (preparingShare / 2) * (1 + loaded))),
      signal,
    );
    const result = await untilAborted(
      engine.recognize(encodePgm(prepared.image), drawn.dotsPerInch, (fraction) =>
        report(page, pageCount, preparingShare + (1 - preparingShare) * fraction),
      ),
      signal,
    );
    pages.push(result);
    report(page, pageCount, 1);
  };

  try {
    if (mediaType === 'application/pdf') {
      await forEachPdfPage(bytes, async (source, page, pageCount) => {
        if (signal?.aborted) throw new OcrCancelledError();
        if (source.kind === 'text') {
          pages.push({ text: source.text, confidence: 100 });
          report(page, pageCount, 1);
        } else {
          await recognizePage(source.render, page, pageCount);
        }
      });
    } else {
      await recognizePage(() => decodePicture(bytes), 1, 1);
    }
  } catch (error) {
    if (signal?.aborted) throw new OcrCancelledError();
    throw error;
  } finally {
    signal?.removeEventListener('abort', stopOnAbort);
  }
  if (engine) keepIdle(engine);
  return {
    text: pages.map((page) => page.text.trim()).join('\n\n'),
    confidence: overallConfidence(pages),
    pageCount: pages.length,
    pages,
  };
}

/** Page confidences weighted by how much text each page holds; 0 for a document with no text. */
export function overallConfidence(pages: readonly PageRecognition[]): number {
  const weights = pages.map((page) => page.text.trim().length);
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  if (total === 0) return 0;
  const weighted = pages.reduce((sum, page, index) => sum + page.confidence * (weights[index] ?? 0), 0);
  return Math.round(weighted / total);
}

/**
 * Which pages of a PDF have no text layer (scans) and so need OCR, numbered from 1. Empty for a PDF
 * whose every page has text. Throws a clear error for a file that is not a readable PDF.
 */
export async function findPagesWithoutText(
  bytes: Uint8Array,
): Promise<{ readonly pageCount: number; readonly pagesWithoutText: readonly number[] }> {
  const pagesWithoutText: number[] = [];
  let pageCount = 0;
  await forEachPdfPage(bytes, async (source, page, count) => {
    pageCount = count;
    if (source.kind === 'image') pagesWithoutText.push(page);
  });
  return { pageCount, pagesWithoutText };
}

/** Whether a document needs OCR to be read: a picture always, a PDF when a page has no text layer. */
export async function needsOcr(bytes: Uint8Array, mediaType: string): Promise<boolean> {
  if (mediaType !== 'application/pdf') return mediaType.startsWith('image/');
  return (await findPagesWithoutText(bytes)).pagesWithoutText.length > 0;
}
