import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import pdfmake from 'pdfmake';

const robotoFolder = join(
  dirname(createRequire(import.meta.url).resolve('pdfmake/fonts/Roboto.js')),
  'Roboto',
);
let isConfigured = false;

/**
 * pdfmake, set up once for every PDF Advocase writes (case summaries, letters, cover sheets):
 * the Roboto fonts that ship inside pdfmake, and nothing else may be read or fetched.
 */
export function configuredPdfmake(): typeof pdfmake {
  if (!isConfigured) {
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
    isConfigured = true;
  }
  return pdfmake;
}
