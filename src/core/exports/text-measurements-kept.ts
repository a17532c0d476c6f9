/**
 * pdfmake lays a document out again from the start each time a `pageBreakBefore` rule moves a
 * node (LayoutBuilder.layoutDocument: one node per pass), and each pass measures every text again
 * first: the styles of each word looked up through the style stack, then its width. The case
 * summary of the attorney-export bench (80 pages, a heading moved three times) was laid out four
 * times, and measuring was 11.4 of its 14.0 s of layout (docs/performance.md, "Case summary PDF").
 *
 * A text's measurement depends only on the text and the styles around it, which a new pass does
 * not change, so the first pass's is kept and the next passes get it back. Passes edit what they
 * are given (a line takes the measured pieces off the node, and a word too long for its line is
 * cut in two), so each pass gets its own copies of the pieces, as the first pass had fresh ones.
 * A text that takes its words from another node (`textReference`) is measured every time.
 *
 * This reaches into pdfmake's DocMeasure; the version is pinned in package.json, and
 * test/exports/summary-layout.test.ts checks that the pages come out the same with and without it.
 */

/** A measured text piece: pdfmake's own plain object (the font, the width, the text...). */
type Inline = Record<string, unknown>;

type TextNode = {
  text: unknown;
  _textRef?: unknown;
  _inlines?: Inline[];
  _minWidth?: number;
  _maxWidth?: number;
};

/** The part of pdfmake's DocMeasure class this changes. */
export type DocMeasureClass = { prototype: { measureLeaf: (node: TextNode) => TextNode } };

type Kept = {
  readonly text: unknown;
  readonly inlines: readonly Inline[];
  readonly minWidth: number | undefined;
  readonly maxWidth: number | undefined;
};

const copiesOf = (inlines: readonly Inline[]): Inline[] => inlines.map((inline) => ({ ...inline }));

export function keepTextMeasurementsBetweenLayouts(docMeasure: DocMeasureClass): void {
  const measureLeaf = docMeasure.prototype.measureLeaf;
  // Keyed by the document's own nodes: a new document has new nodes, and a finished one is
  // forgotten with them.
  const kept = new WeakMap<TextNode, Kept>();
  docMeasure.prototype.measureLeaf = function measureLeafOnce(this: unknown, node: TextNode): TextNode {
    const earlier = kept.get(node);
    if (earlier && earlier.text === node.text && !node._textRef) {
      node._inlines = copiesOf(earlier.inlines);
      node._minWidth = earlier.minWidth;
      node._maxWidth = earlier.maxWidth;
      return node;
    }
    const measured = measureLeaf.call(this, node);
    if (!node._textRef && node._inlines) {
      kept.set(node, {
        text: node.text,
        inlines: copiesOf(node._inlines),
        minWidth: node._minWidth,
        maxWidth: node._maxWidth,
      });
    }
    return measured;
  };
}
