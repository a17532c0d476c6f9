import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import pdfmake from 'pdfmake';

/**
 * pdfmake as every Advocase PDF uses it: the Roboto fonts bundled in the pdfmake package, no URL
 * ever fetched, no file read but those fonts, and the house table layouts ("ruled", "facts").
 */

const robotoFolder = join(
  dirname(createRequire(import.meta.url).resolve('pdfmake/fonts/Roboto.js')),
  'Roboto',
);
let isConfigured = false;

export function configurePdfmake(): void {
  if (isConfigured) return;
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
  isConfigured = true;
}
