import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type PdfMake from 'pdfmake';
import { keepTextMeasurementsBetweenLayouts, type DocMeasureClass } from './text-measurements-kept';

let configured: Promise<typeof PdfMake> | null = null;

/**
 * pdfmake with the bundled Roboto fonts and our table layouts, set up once for every PDF the app
 * writes (case summary, letters, cover sheets, invoices, funder report). It never fetches: no URL is allowed, and no file but the fonts.
 * Loaded on the first PDF, not at start: pdfmake and its fonts cost the CLI and the harness
 * 100–170 ms of start-up otherwise (docs/performance.md, "Start").
 */
export function configuredPdfmake(): Promise<typeof PdfMake> {
  configured ??= import('pdfmake').then(({ default: pdfmake }) => {
    // The same module pdfmake's layout requires (CommonJS, its class on `default`).
    const { default: docMeasure } = createRequire(import.meta.url)('pdfmake/js/DocMeasure.js') as {
      default: DocMeasureClass;
    };
    keepTextMeasurementsBetweenLayouts(docMeasure);
    return configure(pdfmake);
  });
  return configured;
}

function configure(pdfmake: typeof PdfMake): typeof PdfMake {
  const robotoFolder = join(
    dirname(createRequire(import.meta.url).resolve('pdfmake/fonts/Roboto.js')),
    'Roboto',
  );
  pdfmake.setFonts({
    Roboto: {
      normal: join(robotoFolder, 'Roboto-Regular.ttf'),
      bold: join(robotoFolder, 'Roboto-Medium.ttf'),
      italics: join(robotoFolder, 'Roboto-Italic.ttf'),
      bolditalics: join(robotoFolder, 'Roboto-MediumItalic.ttf'),
    },
  });
  // Nothing leaves this computer, and nothing but the bundled fonts is read.
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy((path) => path.startsWith(robotoFolder));
  pdfmake.addTableLayouts({
    ruled: {
      hLineWidth: (row: number, node: { table: { headerRows?: number } }) =>
        row === 0 ? 0 : row === (node.table.headerRows ?? 0) ? 0.75 : 0.25,
      vLineWidth: () => 0,
      hLineColor: (row: number, node: { table: { headerRows?: number } }) =>
        row === (node.table.headerRows ?? 0) ? '#000000' : '#9a9a9a',
      paddingLeft: (column: number) => (column === 0 ? 0 : 4),
      paddingRight: () => 4,
      paddingTop: () => 2.5,
      paddingBottom: () => 2.5,
    },
    facts: {
      hLineWidth: () => 0,
      vLineWidth: () => 0,
      paddingLeft: (column: number) => (column === 0 ? 0 : 6),
      paddingRight: () => 2,
      paddingTop: () => 1.5,
      paddingBottom: () => 1.5,
    },
  });
  return pdfmake;
}
