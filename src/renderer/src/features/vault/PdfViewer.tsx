import { ChevronLeft, ChevronRight, ZoomIn, ZoomOut } from 'lucide-react';
import { GlobalWorkerOptions, getDocument, type PDFDocumentProxy } from 'pdfjs-dist';
// Vite bundles the worker as a .js file served from our own origin ('self' in the CSP; the web
// harness serves .js, not .mjs, as JavaScript). One worker serves every document.
import PdfWorker from 'pdfjs-dist/build/pdf.worker.min.mjs?worker';
import { useEffect, useRef, useState } from 'react';
import { Button } from '../../components/Button';
import styles from './Vault.module.css';

let sharedWorker: Worker | null = null;
function ensureWorker(): void {
  sharedWorker ??= new PdfWorker();
  GlobalWorkerOptions.workerPort = sharedWorker;
}

type TextItem = { readonly str?: string };

/** Renders one page at a time with pdf.js; zoom, paging and find-in-document. Nothing touches disk. */
export function PdfViewer({ data }: { readonly data: string }) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const [pdf, setPdf] = useState<PDFDocumentProxy | null>(null);
  const [pageNumber, setPageNumber] = useState(1);
  const [scale, setScale] = useState(1.25);
  const [find, setFind] = useState('');
  const [foundOn, setFoundOn] = useState<number[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    ensureWorker();
    const bytes = Uint8Array.from(atob(data), (character) => character.charCodeAt(0));
    const task = getDocument({ data: bytes });
    let isCurrent = true;
    task.promise.then(
      (loaded) => {
        if (isCurrent) setPdf(loaded);
      },
      () => {
        // A load cancelled by this effect's own cleanup is not a problem with the file.
        if (isCurrent) setProblem('This PDF could not be shown. Download it to open it elsewhere.');
      },
    );
    return () => {
      isCurrent = false;
      void task.destroy();
    };
  }, [data]);

  useEffect(() => {
    if (!pdf || !canvasRef.current) return;
    const canvas = canvasRef.current;
    let cancelled = false;
    let renderTask: { cancel(): void; promise: Promise<void> } | null = null;
    void pdf.getPage(pageNumber).then((page) => {
      if (cancelled) return;
      const viewport = page.getViewport({ scale: scale * window.devicePixelRatio });
      canvas.width = viewport.width;
      canvas.height = viewport.height;
      canvas.style.width = `${viewport.width / window.devicePixelRatio}px`;
      canvas.style.height = `${viewport.height / window.devicePixelRatio}px`;
      renderTask = page.render({ canvas, viewport });
      renderTask.promise.then(
        () => canvas.setAttribute('data-rendered-page', String(pageNumber)),
        () => undefined,
      );
    });
    return () => {
      cancelled = true;
      renderTask?.cancel();
    };
  }, [pdf, pageNumber, scale]);

  async function runFind(): Promise<void> {
    if (!pdf || !find.trim()) return setFoundOn(null);
    const needle = find.trim().toLocaleLowerCase();
    const pages: number[] = [];
    for (let number = 1; number <= pdf.numPages; number += 1) {
      const content = await (await pdf.getPage(number)).getTextContent();
      const text = (content.items as TextItem[]).map((item) => item.str ?? '').join(' ');
      if (text.toLocaleLowerCase().includes(needle)) pages.push(number);
    }
    setFoundOn(pages);
    if (pages[0] !== undefined) setPageNumber(pages[0]);
  }

  if (problem) return <p className={styles.notice}>{problem}</p>;
  const pageCount = pdf?.numPages ?? 0;
  return (
    <div className={styles.viewer}>
      <div className={styles.viewerBar} role="toolbar" aria-label="PDF controls">
        <Button
          variant="quiet"
          aria-label="Previous page"
          disabled={pageNumber <= 1}
          onClick={() => setPageNumber((n) => n - 1)}
        >
          <ChevronLeft aria-hidden size={16} />
        </Button>
        <span aria-live="polite">
          Page {pageNumber} of {pageCount || '…'}
        </span>
        <Button
          variant="quiet"
          aria-label="Next page"
          disabled={pageNumber >= pageCount}
          onClick={() => setPageNumber((n) => n + 1)}
        >
          <ChevronRight aria-hidden size={16} />
        </Button>
        <Button
          variant="quiet"
          aria-label="Zoom out"
          disabled={scale <= 0.5}
          onClick={() => setScale((s) => s - 0.25)}
        >
          <ZoomOut aria-hidden size={16} />
        </Button>
        <span>{Math.round(scale * 100)}%</span>
        <Button
          variant="quiet"
          aria-label="Zoom in"
          disabled={scale >= 3}
          onClick={() => setScale((s) => s + 0.25)}
        >
          <ZoomIn aria-hidden size={16} />
        </Button>
        <form
          className={styles.findForm}
          onSubmit={(event) => {
            event.preventDefault();
            void runFind();
          }}
        >
          <input
            className={styles.input}
            aria-label="Find in document"
            placeholder="Find in document"
            value={find}
            onChange={(event) => setFind(event.target.value)}
          />
          <Button type="submit">Find</Button>
        </form>
        {foundOn && (
          <span role="status">
            {foundOn.length === 0
              ? 'Not found'
              : `Found on page${foundOn.length > 1 ? 's' : ''} ${foundOn.join(', ')}`}
          </span>
        )}
      </div>
      <div className={styles.canvasScroll}>
        <canvas ref={canvasRef} aria-label={`Page ${pageNumber}`} role="img" />
      </div>
    </div>
  );
}
