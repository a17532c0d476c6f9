import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Worker as TesseractWorker } from 'tesseract.js';

/**
 * Tesseract (tesseract.js: the C++ engine compiled to WebAssembly) in its own worker thread, loaded
 * only from installed packages: the worker script and the wasm core from `tesseract.js` and
 * `tesseract.js-core`, the English model from `@tesseract.js-data/eng`. Nothing is fetched and
 * nothing is cached to disk (cacheMethod 'none'), so it works with no network and leaves no files.
 */

/**
 * The folder of the LSTM model (tessdata_best, integerised): 3 MB, and as accurate here as the
 * 11 MB legacy+LSTM one. Found on first use, so a missing package cannot stop the app starting.
 */
function englishModelFolder(): string {
  const packageJson = createRequire(import.meta.url).resolve('@tesseract.js-data/eng/package.json');
  return join(dirname(packageJson), '4.0.0_best_int');
}

export type PageRecognition = { readonly text: string; readonly confidence: number };

type ProgressListener = (fraction: number) => void;

/** One Tesseract worker; one page at a time. */
export class OcrEngine {
  private listener: ProgressListener | null = null;

  private constructor(private readonly worker: TesseractWorker) {}

  static async start(onLoadProgress?: ProgressListener): Promise<OcrEngine> {
    // Loaded here, on first use, not when Advocase starts: the engine and its model are large.
    const { createWorker, OEM } = await import('tesseract.js');
    let engine: OcrEngine | null = null;
    const worker = await createWorker('eng', OEM.LSTM_ONLY, {
      langPath: englishModelFolder(),
      gzip: true,
      cacheMethod: 'none',
      logger: (message) => {
        if (message.status === 'recognizing text') engine?.listener?.(message.progress);
        else onLoadProgress?.(message.progress);
      },
      errorHandler: () => undefined,
    });
    engine = new OcrEngine(worker);
    return engine;
  }

  /** Recognises one page image (PNG, JPEG or PGM bytes) rendered at `dotsPerInch`. */
  async recognize(
    image: Uint8Array,
    dotsPerInch: number,
    onProgress: ProgressListener,
  ): Promise<PageRecognition> {
    // Telling Tesseract the resolution spares it a guess that goes wrong on sparse pages.
    await this.worker.setParameters({ user_defined_dpi: String(Math.round(dotsPerInch)) });
    this.listener = onProgress;
    try {
      const { data } = await this.worker.recognize(
        Buffer.from(image.buffer, image.byteOffset, image.byteLength),
      );
      return { text: data.text, confidence: data.confidence };
    } finally {
      this.listener = null;
    }
  }

  async terminate(): Promise<void> {
    await this.worker.terminate();
  }
}
