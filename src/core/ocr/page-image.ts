/**
 * A page as grey levels, and the clean-up done before OCR: smoothing, a global (Otsu) threshold and
 * deskew. Pure pixel code on typed arrays, so the page never leaves memory and is easy to test.
 * Tesseract reads a clean black-on-white page at the right angle far faster and better than a noisy,
 * turned one: its line finder treats speckle as tiny words and mis-reads lines that slope.
 */

export type GrayImage = {
  readonly width: number;
  readonly height: number;
  /** One byte per pixel, row by row, 0 black to 255 white. */
  readonly pixels: Uint8Array;
};

const white = 255;

/** Grey levels (ITU-R BT.601 luma) from RGBA pixels; a transparent pixel is paper, so white. */
export function grayFromRgba(rgba: Uint8Array | Uint8ClampedArray, width: number, height: number): GrayImage {
  const pixels = new Uint8Array(width * height);
  for (let index = 0, offset = 0; index < pixels.length; index += 1, offset += 4) {
    const alpha = (rgba[offset + 3] ?? white) / white;
    const luma =
      0.299 * (rgba[offset] ?? 0) + 0.587 * (rgba[offset + 1] ?? 0) + 0.114 * (rgba[offset + 2] ?? 0);
    pixels[index] = Math.round(luma * alpha + white * (1 - alpha));
  }
  return { width, height, pixels };
}

/** The mean of each pixel's 3×3 neighbourhood: takes the edge off scanner and photo noise before thresholding. */
export function smooth(image: GrayImage): GrayImage {
  const { width, height, pixels } = image;
  const rows = new Uint16Array(width * height);
  for (let y = 0; y < height; y += 1) {
    const row = y * width;
    for (let x = 0; x < width; x += 1) {
      const left = pixels[row + Math.max(0, x - 1)] ?? white;
      const right = pixels[row + Math.min(width - 1, x + 1)] ?? white;
      rows[row + x] = left + (pixels[row + x] ?? white) + right;
    }
  }
  const out = new Uint8Array(width * height);
  for (let y = 0; y < height; y += 1) {
    const above = Math.max(0, y - 1) * width;
    const here = y * width;
    const below = Math.min(height - 1, y + 1) * width;
    for (let x = 0; x < width; x += 1) {
      out[here + x] = Math.round(
        ((rows[above + x] ?? 0) + (rows[here + x] ?? 0) + (rows[below + x] ?? 0)) / 9,
      );
    }
  }
  return { width, height, pixels: out };
}

/** The grey level that best splits ink from paper (Otsu 1979: the split with the largest between-class variance). */
export function otsuThreshold(image: GrayImage): number {
  const histogram = new Float64Array(256);
  for (const value of image.pixels) histogram[value] = (histogram[value] ?? 0) + 1;
  const total = image.pixels.length;
  let sumAll = 0;
  for (let level = 0; level < 256; level += 1) sumAll += level * (histogram[level] ?? 0);
  let sumBelow = 0;
  let countBelow = 0;
  let best = 0;
  let threshold = 128;
  for (let level = 0; level < 256; level += 1) {
    countBelow += histogram[level] ?? 0;
    if (countBelow === 0) continue;
    const countAbove = total - countBelow;
    if (countAbove === 0) break;
    sumBelow += level * (histogram[level] ?? 0);
    const meanBelow = sumBelow / countBelow;
    const meanAbove = (sumAll - sumBelow) / countAbove;
    const between = countBelow * countAbove * (meanBelow - meanAbove) ** 2;
    if (between > best) {
      best = between;
      threshold = level;
    }
  }
  return threshold;
}

/** Black (0) at or below the threshold, white (255) above. */
export function binarize(image: GrayImage, threshold: number): GrayImage {
  const out = new Uint8Array(image.pixels.length);
  for (let index = 0; index < out.length; index += 1)
    out[index] = (image.pixels[index] ?? white) <= threshold ? 0 : white;
  return { width: image.width, height: image.height, pixels: out };
}

/** A smaller copy (each output pixel the mean of a factor×factor block), for estimates that need no detail. */
function shrink(image: GrayImage, factor: number): GrayImage {
  if (factor <= 1) return image;
  const width = Math.max(1, Math.floor(image.width / factor));
  const height = Math.max(1, Math.floor(image.height / factor));
  const out = new Uint8Array(width * height);
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      let sum = 0;
      for (let dy = 0; dy < factor; dy += 1) {
        const row = (y * factor + dy) * image.width + x * factor;
        for (let dx = 0; dx < factor; dx += 1) sum += image.pixels[row + dx] ?? white;
      }
      out[y * width + x] = Math.round(sum / (factor * factor));
    }
  }
  return { width, height, pixels: out };
}

/**
 * How many degrees the text lines are turned (clockwise on screen is positive), by projection
 * profiles: summing the ink along lines at a trial angle gives sharp peaks and gaps when the angle
 * matches the text lines, so the angle with the largest sum of squared line totals wins.
 * `threshold` is the ink level found for the page. Returns 0 for a blank page.
 */
export function estimateSkewDegrees(
  image: GrayImage,
  threshold: number,
  { maximumDegrees = 10 }: { readonly maximumDegrees?: number } = {},
): number {
  const small = shrink(image, Math.max(1, Math.floor(Math.max(image.width, image.height) / 1200)));
  const inkX: number[] = [];
  const inkY: number[] = [];
  for (let y = 0; y < small.height; y += 1) {
    for (let x = 0; x < small.width; x += 1) {
      if ((small.pixels[y * small.width + x] ?? white) <= threshold) {
        inkX.push(x);
        inkY.push(y);
      }
    }
  }
  if (inkX.length === 0) return 0;
  const diagonal = Math.ceil(Math.hypot(small.width, small.height));
  const bins = new Float64Array(diagonal * 2 + 1);
  const score = (degrees: number): number => {
    const radians = (degrees * Math.PI) / 180;
    const cos = Math.cos(radians);
    const sin = Math.sin(radians);
    bins.fill(0);
    for (let index = 0; index < inkX.length; index += 1) {
      // The row a point of a line turned by `degrees` would sit on once turned back.
      const row = Math.round((inkY[index] ?? 0) * cos - (inkX[index] ?? 0) * sin) + diagonal;
      bins[row] = (bins[row] ?? 0) + 1;
    }
    let sum = 0;
    for (const count of bins) sum += count * count;
    return sum;
  };
  const bestOf = (from: number, to: number, step: number): number => {
    let best = 0;
    let bestScore = -1;
    for (let degrees = from; degrees <= to + 1e-9; degrees += step) {
      const value = score(degrees);
      // Ties go to the smaller turn: never rotate a straight page for nothing.
      if (value > bestScore || (value === bestScore && Math.abs(degrees) < Math.abs(best))) {
        bestScore = value;
        best = degrees;
      }
    }
    return best;
  };
  const coarse = bestOf(-maximumDegrees, maximumDegrees, 0.5);
  return Math.round(bestOf(coarse - 0.5, coarse + 0.5, 0.1) * 10) / 10;
}

/**
 * The image turned by `degrees` (clockwise on screen is positive) about its centre, on a canvas grown
 * to keep the corners, the new area white; bilinear sampling.
 */
export function rotate(image: GrayImage, degrees: number): GrayImage {
  if (degrees === 0) return image;
  const radians = (degrees * Math.PI) / 180;
  const cos = Math.cos(radians);
  const sin = Math.sin(radians);
  const width = Math.ceil(Math.abs(image.width * cos) + Math.abs(image.height * sin));
  const height = Math.ceil(Math.abs(image.width * sin) + Math.abs(image.height * cos));
  const out = new Uint8Array(width * height).fill(white);
  const sourceCentreX = (image.width - 1) / 2;
  const sourceCentreY = (image.height - 1) / 2;
  const centreX = (width - 1) / 2;
  const centreY = (height - 1) / 2;
  const at = (x: number, y: number): number =>
    x < 0 || y < 0 || x >= image.width || y >= image.height
      ? white
      : (image.pixels[y * image.width + x] ?? white);
  for (let y = 0; y < height; y += 1) {
    const dy = y - centreY;
    for (let x = 0; x < width; x += 1) {
      const dx = x - centreX;
      // The inverse turn finds where each output pixel comes from.
      const sourceX = dx * cos + dy * sin + sourceCentreX;
      const sourceY = -dx * sin + dy * cos + sourceCentreY;
      const left = Math.floor(sourceX);
      const top = Math.floor(sourceY);
      const fx = sourceX - left;
      const fy = sourceY - top;
      const value =
        at(left, top) * (1 - fx) * (1 - fy) +
        at(left + 1, top) * fx * (1 - fy) +
        at(left, top + 1) * (1 - fx) * fy +
        at(left + 1, top + 1) * fx * fy;
      out[y * width + x] = Math.round(value);
    }
  }
  return { width, height, pixels: out };
}

export type PreparedPage = {
  readonly image: GrayImage;
  /** The turn that was undone, in degrees; 0 when the page was straight. */
  readonly skewDegrees: number;
};

/** Lets the thread answer other calls between the steps of a page's clean-up (each well under 100 ms a page). */
const yieldToOtherWork = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Smooth, straighten and threshold a page for OCR. A turn under a quarter of a degree is left
 * alone. Runs on the caller's thread, in steps, letting other work in between.
 */
export async function preparePageForOcr(page: GrayImage): Promise<PreparedPage> {
  const smoothed = smooth(page);
  await yieldToOtherWork();
  const threshold = otsuThreshold(smoothed);
  const skew = estimateSkewDegrees(smoothed, threshold);
  const skewDegrees = Math.abs(skew) < 0.25 ? 0 : skew;
  await yieldToOtherWork();
  const straightened = rotate(smoothed, -skewDegrees);
  await yieldToOtherWork();
  return { image: binarize(straightened, threshold), skewDegrees };
}

/** The image as a binary PGM (Netpbm P5): a format Tesseract's image reader takes with no encoding cost. */
export function encodePgm(image: GrayImage): Uint8Array {
  const header = new TextEncoder().encode(`P5\n${image.width} ${image.height}\n255\n`);
  const out = new Uint8Array(header.length + image.pixels.length);
  out.set(header, 0);
  out.set(image.pixels, header.length);
  return out;
}
