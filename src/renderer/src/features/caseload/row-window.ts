/**
 * Which rows of a long list of fixed-height rows to draw, and where, for a scroll position.
 *
 * Browsers cap an element's height (Chromium's layout units stop at 33,554,431 px; Firefox's near
 * 17.9 million): 1,000,000 cases of 38 px need 38 million, so the last tenth of such a caseload
 * could never be scrolled to. Up to `maxScrollSpacePx` the list is as tall as its rows and a pixel
 * scrolled is a pixel of rows. Beyond it the scroll space stays at that height and a scrolled pixel
 * moves more than a pixel of rows, so the bar's ends are still the list's first and last rows.
 *
 * Positions are measured below a sticky header: `viewHeight` is the part of the scroller the rows
 * show in, and a `scrollTop` of 0 puts the first row under the header.
 */

/** Well under every engine's cap, so the same code holds in Chromium (Electron) and elsewhere. */
export const maxScrollSpacePx = 16_000_000;

export type RowWindow = {
  /** First and last index drawn (overscan included); `last < first` when there is nothing to draw. */
  readonly first: number;
  readonly last: number;
  /** Space above the first drawn row and below the last, in the scroller's pixels. */
  readonly paddingTop: number;
  readonly paddingBottom: number;
};

export type RowList = { readonly count: number; readonly rowHeight: number; readonly viewHeight: number };

/**
 * The scroll space of the list, and the map between a scroll position and the rows' own
 * coordinates (where the view's top falls in a column of every row). Within a view's height of
 * either end a scrolled pixel is a pixel of rows, so the first and last rows sit where their
 * heights put them; in between, each scrolled pixel moves `scale` pixels of rows.
 */
export function scrollSpaceOf({ count, rowHeight, viewHeight }: RowList): {
  height: number;
  scale: number;
  rowsTopAt: (scrollTop: number) => number;
  scrollTopAt: (rowsTop: number) => number;
} {
  const rowsHeight = count * rowHeight;
  const height = Math.min(rowsHeight, maxScrollSpacePx);
  const scrollRange = Math.max(0, height - viewHeight);
  const rowsRange = Math.max(0, rowsHeight - viewHeight);
  if (rowsRange <= scrollRange) {
    return { height, scale: 1, rowsTopAt: (top) => top, scrollTopAt: (rowsTop) => rowsTop };
  }
  const edge = Math.min(Math.max(viewHeight, rowHeight), scrollRange / 4);
  const scale = (rowsRange - 2 * edge) / (scrollRange - 2 * edge);
  return {
    height,
    scale,
    rowsTopAt: (top) =>
      top <= edge
        ? top
        : top >= scrollRange - edge
          ? rowsRange - (scrollRange - top)
          : edge + (top - edge) * scale,
    scrollTopAt: (rowsTop) =>
      rowsTop <= edge
        ? rowsTop
        : rowsTop >= rowsRange - edge
          ? scrollRange - (rowsRange - rowsTop)
          : edge + (rowsTop - edge) / scale,
  };
}

export function rowWindowAt(list: RowList, scrollTop: number, overscan: number): RowWindow {
  const { count, rowHeight, viewHeight } = list;
  if (count === 0) return { first: 0, last: -1, paddingTop: 0, paddingBottom: 0 };
  const { height, rowsTopAt } = scrollSpaceOf(list);
  const top = Math.min(Math.max(0, scrollTop), Math.max(0, height - viewHeight));
  // Row i is drawn at top + (i × rowHeight − rowsTop): at i × rowHeight when nothing is scaled.
  const rowsTop = rowsTopAt(top);
  const firstInView = Math.floor(rowsTop / rowHeight);
  const lastInView = Math.min(count - 1, Math.ceil((rowsTop + viewHeight) / rowHeight) - 1);
  // Overscan only as far as rows still fit inside the scroll space.
  const firstThatFits = Math.ceil((rowsTop - top) / rowHeight);
  const lastThatFits = Math.floor((height - top + rowsTop) / rowHeight) - 1;
  const first = Math.max(0, firstThatFits, firstInView - overscan);
  const last = Math.max(first, Math.min(count - 1, lastThatFits, lastInView + overscan));
  const paddingTop = top + first * rowHeight - rowsTop;
  return {
    first,
    last,
    paddingTop,
    paddingBottom: Math.max(0, height - paddingTop - (last - first + 1) * rowHeight),
  };
}

/**
 * The scroll position that shows row `index`: at the view's top, in its centre, or (`auto`) the
 * least move that brings it fully into view; null when it already is.
 */
export function scrollTopToShowRow(
  list: RowList,
  index: number,
  align: 'start' | 'center' | 'auto',
  scrollTop: number,
): number | null {
  const { count, rowHeight, viewHeight } = list;
  const { height, rowsTopAt, scrollTopAt } = scrollSpaceOf(list);
  const rowsTop = rowsTopAt(scrollTop);
  const rowStart = index * rowHeight;
  // Whole pixels (browsers round scrollTop), rounded so the row is not cut by a scaled pixel:
  // down when the row's top is the aim, up when its bottom is.
  let target: number;
  let round = Math.floor;
  if (align === 'start' || (align === 'auto' && rowStart < rowsTop)) target = rowStart;
  else if (align === 'center') target = rowStart - (viewHeight - rowHeight) / 2;
  else if (rowStart + rowHeight > rowsTop + viewHeight) {
    target = rowStart + rowHeight - viewHeight;
    round = Math.ceil;
  } else return null;
  const rowsTarget = Math.min(Math.max(0, target), Math.max(0, count * rowHeight - viewHeight));
  return Math.min(round(scrollTopAt(rowsTarget)), Math.max(0, Math.floor(height - viewHeight)));
}
