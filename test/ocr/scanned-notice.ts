import { execFileSync } from 'node:child_process';
import { createCanvas, loadImage } from '@napi-rs/canvas';
import { PDFDocument, StandardFonts } from 'pdf-lib';

/**
 * Scans made the way real ones are: a notice typeset to a PDF, drawn to a picture by poppler's
 * pdftoppm (not by the code under test), given scanner noise, turned as a phone photo is, and bound
 * back into an image-only PDF by img2pdf.
 */

export const denialNoticeLines = [
  'Blue Harbor Health Plan',
  'Notice of Adverse Benefit Determination',
  'Date of notice: March 14, 2026',
  'Member ID: BHX482913577',
  'Claim number: 2026-0314-88217',
  'We denied coverage for proton beam therapy because',
  'it is experimental or investigational under policy MP-0719.',
  'You may appeal within 180 days of receiving this notice.',
  'Send your appeal to: Appeals Unit, PO Box 4410, Dayton OH 45401.',
] as const;

/** A one-page letter-size PDF with a text layer. */
export async function typesetPdf(lines: readonly string[]): Promise<Uint8Array> {
  const document = await PDFDocument.create();
  const page = document.addPage([612, 792]);
  const font = await document.embedFont(StandardFonts.Helvetica);
  lines.forEach((line, index) => page.drawText(line, { x: 72, y: 700 - index * 24, size: 13, font }));
  return document.save();
}

/** The first page as a PNG, drawn by pdftoppm at `dotsPerInch`. */
export function pdfToPng(pdf: Uint8Array, dotsPerInch = 200): Buffer {
  return execFileSync('pdftoppm', ['-r', String(dotsPerInch), '-png', '-singlefile', '-'], {
    input: pdf,
    maxBuffer: 64 * 1024 * 1024,
  });
}

/**
 * An image-only US Letter PDF holding the picture (PNG or JPEG), as a scanner's "scan to PDF" makes.
 * The page size is given: the pictures made here carry no resolution, and img2pdf would assume 96 dpi.
 */
export function imageToPdf(picture: Uint8Array): Buffer {
  return execFileSync('img2pdf', ['--pagesize', 'Letter', '-'], {
    input: picture,
    maxBuffer: 64 * 1024 * 1024,
    // img2pdf notes on stderr that it adds a soft mask for a picture with transparency: expected here.
    stdio: ['pipe', 'pipe', 'pipe'],
  });
}

/** A small seeded generator (mulberry32), so a noisy page is the same page on every run. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * The picture in grey with Gaussian noise of standard deviation `sigma` grey levels added to every
 * pixel (Box–Muller), turned by `degrees` clockwise on a white background when asked, as PNG or JPEG.
 */
export async function scanLike(
  png: Uint8Array,
  {
    sigma,
    degrees = 0,
    seed = 7,
    format = 'png',
  }: { sigma: number; degrees?: number; seed?: number; format?: 'png' | 'jpeg' },
): Promise<Buffer> {
  const picture = await loadImage(Buffer.from(png));
  const canvas = createCanvas(picture.width, picture.height);
  const context = canvas.getContext('2d');
  context.fillStyle = 'white';
  context.fillRect(0, 0, picture.width, picture.height);
  context.translate(picture.width / 2, picture.height / 2);
  context.rotate((degrees * Math.PI) / 180);
  context.translate(-picture.width / 2, -picture.height / 2);
  context.drawImage(picture, 0, 0);
  const pixels = context.getImageData(0, 0, picture.width, picture.height);
  const random = seededRandom(seed);
  for (let offset = 0; offset < pixels.data.length; offset += 4) {
    const gaussian = Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
    const grey =
      0.299 * pixels.data[offset]! + 0.587 * pixels.data[offset + 1]! + 0.114 * pixels.data[offset + 2]!;
    const noisy = Math.max(0, Math.min(255, Math.round(grey + gaussian * sigma)));
    pixels.data[offset] = noisy;
    pixels.data[offset + 1] = noisy;
    pixels.data[offset + 2] = noisy;
  }
  context.putImageData(pixels, 0, 0);
  return format === 'png' ? canvas.encode('png') : canvas.encode('jpeg', 90);
}
