/**
 * Notices often print details on the left and appeal rights on the right. Text taken from such a
 * page (a PDF's text layer, OCR) comes out line by line across both columns, the halves separated
 * by a run of spaces. This puts a block of such lines back in reading order: the whole left
 * column, then the whole right one, each character keeping its place in the notice as given.
 */

/** At least this many spaces between two halves of a line. */
const minimumGap = 3;
/** A line that starts this far in, with nothing on its left, belongs to the right column. */
const minimumRightIndent = 20;
/** Lines of one block put their right half within this many characters of the first line's. */
const columnTolerance = 6;
/** Fewer split lines than this is a table row or a form line, not a two-column layout. */
const minimumSplitLines = 3;

/** A character of the reading text and where it stands in the notice as given (-1: added by the reader). */
export type Piece = { readonly character: string; readonly origin: number };

const addedLineBreak: Piece = { character: '\n', origin: -1 };

function linePieces(
  text: string,
): { readonly line: string; readonly start: number; readonly pieces: Piece[] }[] {
  let start = 0;
  return text.split('\n').map((line) => {
    const pieces = line.split('').map((character, index) => ({ character, origin: start + index }));
    start += line.length + 1;
    return { line, start: start - line.length - 1, pieces };
  });
}

type LineShape =
  | { readonly kind: 'split'; readonly rightStart: number; readonly leftEnd: number }
  | { readonly kind: 'right-only'; readonly rightStart: number }
  | { readonly kind: 'left-only'; readonly length: number }
  | { readonly kind: 'blank' };

function shapeOf(line: string): LineShape {
  const text = line.trimEnd();
  if (text.trim() === '') return { kind: 'blank' };
  const indent = text.length - text.trimStart().length;
  if (indent >= minimumRightIndent) return { kind: 'right-only', rightStart: indent };
  const gaps = [...text.slice(indent).matchAll(new RegExp(`\\S(?: {${minimumGap},}|\\t+)(?=\\S)`, 'g'))];
  if (gaps.length === 1) {
    const [gap] = gaps;
    const leftEnd = indent + gap!.index + 1;
    return { kind: 'split', leftEnd, rightStart: indent + gap!.index + gap![0].length };
  }
  return { kind: 'left-only', length: text.length };
}

function belongsToBlock(shape: LineShape, column: number): boolean {
  switch (shape.kind) {
    case 'split':
    case 'right-only':
      return Math.abs(shape.rightStart - column) <= columnTolerance;
    case 'left-only':
      return shape.length < column;
    case 'blank':
      return true;
  }
}

export function reorderColumns(text: string): Piece[] {
  const lines = linePieces(text);
  const shapes = lines.map(({ line }) => shapeOf(line));
  const output: Piece[] = [];
  const emitLine = (pieces: readonly Piece[], lineBreak: Piece | undefined) => {
    output.push(...pieces);
    if (lineBreak) output.push(lineBreak);
  };
  let index = 0;
  while (index < lines.length) {
    const shape = shapes[index]!;
    const block = shape.kind === 'split' ? blockFrom(index, shape.rightStart, shapes) : undefined;
    if (!block) {
      const { line, start, pieces } = lines[index]!;
      emitLine(
        pieces,
        index === lines.length - 1 ? undefined : { character: '\n', origin: start + line.length },
      );
      index += 1;
      continue;
    }
    const left: Piece[][] = [];
    const right: Piece[][] = [];
    for (let line = index; line <= block.last; line += 1) {
      const { pieces } = lines[line]!;
      const lineShape = shapes[line]!;
      if (lineShape.kind === 'split') {
        left.push(pieces.slice(0, lineShape.leftEnd));
        right.push(pieces.slice(lineShape.rightStart));
      } else if (lineShape.kind === 'right-only') {
        left.push([]);
        right.push(pieces.slice(lineShape.rightStart));
      } else {
        left.push(pieces);
        right.push([]);
      }
    }
    for (const pieces of [...left, [], ...right]) emitLine(pieces, addedLineBreak);
    index = block.last + 1;
  }
  return output;
}

/** The block of two-column lines starting at `first`, or undefined when the lines there are not one. */
function blockFrom(
  first: number,
  column: number,
  shapes: readonly LineShape[],
): { last: number } | undefined {
  let last = first;
  let splitLines = 0;
  for (let index = first; index < shapes.length && belongsToBlock(shapes[index]!, column); index += 1) {
    const shape = shapes[index]!;
    if (shape.kind === 'split' || shape.kind === 'right-only') last = index;
    if (shape.kind === 'split') splitLines += 1;
  }
  return splitLines >= minimumSplitLines ? { last } : undefined;
}
