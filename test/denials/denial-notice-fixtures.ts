import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';

/** The folder of notices written for these tests (test/fixtures/denial-notices). */
export const denialNoticeFixtures = join(import.meta.dirname, '..', 'fixtures', 'denial-notices');

export function readFixture(file: string): string {
  return readFileSync(join(denialNoticeFixtures, file), 'utf8');
}

/** A one-page PDF with a text layer holding the lines of a notice, in small print as letters are (up to 55 lines). */
export async function typesetNoticePdf(lines: readonly string[]): Promise<Uint8Array> {
  const document = await PDFDocument.create();
  const page = document.addPage([612, 792]);
  const font = await document.embedFont(StandardFonts.Helvetica);
  lines.forEach((line, index) => page.drawText(line, { x: 40, y: 750 - index * 13, size: 9, font }));
  return document.save();
}
