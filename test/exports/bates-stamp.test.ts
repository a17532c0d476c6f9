import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { afterAll, describe, expect, it } from 'vitest';
import { stampExhibit } from '../../src/core/exports/bates-stamp';
import { pdfPageCount, pdfText } from './export-fixture';

const folder = mkdtempSync(join(tmpdir(), 'advocase-bates-stamp-test-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** A PDF as pdf-lib writes it by default (object streams, compressed content), one line of text a page. */
async function recordPdf(pageSizes: ReadonlyArray<readonly [number, number]>): Promise<Uint8Array> {
  const document = await PDFDocument.create();
  const font = await document.embedFont(StandardFonts.Helvetica);
  pageSizes.forEach(([width, height], index) => {
    document.addPage([width, height]).drawText(`Record page ${index + 1} of the chart`, {
      x: 60,
      y: height - 80,
      size: 12,
      font,
    });
  });
  return document.save();
}

describe('stampExhibit', () => {
  it('keeps every page and its text, and adds its Bates number and the exhibit label', async () => {
    // Letter, A4 and a landscape page: the labels follow each page's own box.
    const sizes = [
      [612, 792],
      [595, 842],
      [792, 612],
    ] as const;
    const stamped = await stampExhibit(await recordPdf(sizes), 'pdf', 'Exhibit 007', 'ADV', 41);
    expect(stamped).toMatchObject({ pageCount: 3, reason: null });
    const path = join(folder, 'stamped.pdf');
    writeFileSync(path, stamped.bytes);
    expect(pdfPageCount(path)).toBe(3);
    const pages = pdfText(path).split('\f').slice(0, 3);
    pages.forEach((page, index) => {
      expect(page).toContain(`Record page ${index + 1} of the chart`);
      expect(page.match(/ADV-\d{6}/g)).toEqual([`ADV-${String(41 + index).padStart(6, '0')}`]);
      expect(page).toContain('Exhibit 007');
    });
  });

  it('passes on a damaged PDF unchanged and unnumbered, with the reason', async () => {
    const damaged = new TextEncoder().encode('%PDF-1.7\nnot a PDF body');
    const stamped = await stampExhibit(damaged, 'pdf', 'Exhibit 001', 'ADV', 1);
    expect(stamped.pageCount).toBeNull();
    expect(stamped.bytes).toBe(damaged);
    expect(stamped.reason).toMatch(/copied as it is, without Bates numbers/);
  });
});
