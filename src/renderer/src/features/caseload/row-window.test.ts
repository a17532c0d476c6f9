import { describe, expect, it } from 'vitest';
import { maxScrollSpacePx, rowWindowAt, scrollSpaceOf, scrollTopToShowRow, type RowList } from './row-window';

const rowHeight = 38;
const viewHeight = 760; // 20 rows
const small: RowList = { count: 1_000, rowHeight, viewHeight };
const million: RowList = { count: 1_000_000, rowHeight, viewHeight };

/** Where row `index` is drawn in the scroll space, for a window. */
function drawnTop(window: ReturnType<typeof rowWindowAt>, index: number): number {
  return window.paddingTop + (index - window.first) * rowHeight;
}

describe('rows of a list that fits the scroll space', () => {
  it('are drawn where their own heights put them, a scrolled pixel a pixel of rows', () => {
    expect(scrollSpaceOf(small)).toMatchObject({ height: 38_000, scale: 1 });
    const window = rowWindowAt(small, 3_800, 10);
    expect(window).toEqual({ first: 90, last: 129, paddingTop: 90 * 38, paddingBottom: 38_000 - 130 * 38 });
    expect(rowWindowAt(small, 0, 10)).toMatchObject({ first: 0, last: 29, paddingTop: 0 });
    expect(rowWindowAt({ ...small, count: 0 }, 0, 10)).toEqual({
      first: 0,
      last: -1,
      paddingTop: 0,
      paddingBottom: 0,
    });
  });

  it('scroll to show a row: at the top, centred, or the least move', () => {
    expect(scrollTopToShowRow(small, 100, 'start', 0)).toBe(3_800);
    expect(scrollTopToShowRow(small, 100, 'center', 0)).toBe(3_800 - 361);
    expect(scrollTopToShowRow(small, 10, 'auto', 0)).toBeNull();
    expect(scrollTopToShowRow(small, 20, 'auto', 0)).toBe(38);
    expect(scrollTopToShowRow(small, 5, 'auto', 3_800)).toBe(190);
    expect(scrollTopToShowRow(small, 999, 'start', 0)).toBe(38_000 - 760);
  });
});

describe('rows of a list taller than browsers allow (1,000,000 cases)', () => {
  const { height, scale, rowsTopAt } = scrollSpaceOf(million);

  it('keep the scroll space under the cap, its ends the first and the last rows', () => {
    expect(height).toBe(maxScrollSpacePx);
    expect(scale).toBeCloseTo((38_000_000 - 760 * 3) / (maxScrollSpacePx - 760 * 3), 9);
    const atEnd = rowWindowAt(million, height - viewHeight, 10);
    expect(atEnd.last).toBe(999_999);
    expect(drawnTop(atEnd, 999_999) + rowHeight).toBeCloseTo(height, 6);
    expect(atEnd.paddingBottom).toBeCloseTo(0, 6);
    const atStart = rowWindowAt(million, 0, 10);
    expect(atStart).toMatchObject({ first: 0, last: 29, paddingTop: 0 });
  });

  it('draw every row of the view inside the scroll space, the view full of rows, wherever it is', () => {
    for (const scrollTop of [
      1,
      37,
      100,
      759,
      761,
      5_000,
      7_654_321,
      12_345_678.5,
      height - viewHeight - 3,
      height - 2 * viewHeight,
    ]) {
      const window = rowWindowAt(million, scrollTop, 10);
      expect(window.paddingTop, `at ${scrollTop}`).toBeGreaterThanOrEqual(0);
      expect(window.paddingBottom, `at ${scrollTop}`).toBeGreaterThanOrEqual(0);
      expect(
        window.paddingTop + (window.last - window.first + 1) * rowHeight + window.paddingBottom,
      ).toBeCloseTo(height, 6);
      // The drawn rows cover the view from its top to its bottom.
      expect(window.paddingTop, `at ${scrollTop}`).toBeLessThanOrEqual(scrollTop + 1e-6);
      expect(drawnTop(window, window.last) + rowHeight, `at ${scrollTop}`).toBeGreaterThanOrEqual(
        scrollTop + viewHeight - 1e-6,
      );
      // Rows are drawn where the scaled position puts them.
      const firstInView = Math.floor(rowsTopAt(scrollTop) / rowHeight);
      expect(drawnTop(window, firstInView) - scrollTop).toBeCloseTo(
        firstInView * rowHeight - rowsTopAt(scrollTop),
        6,
      );
    }
  });

  it('scroll to show any row, and it is then in view, not cut under the header or at the bottom', () => {
    for (const index of [0, 1, 421_052, 500_000, 999_980, 999_999]) {
      for (const align of ['start', 'center', 'auto'] as const) {
        const scrollTop = scrollTopToShowRow(million, index, align, 0) ?? 0;
        expect(Number.isInteger(scrollTop)).toBe(true);
        const window = rowWindowAt(million, scrollTop, 10);
        expect(index, `${align} ${index}`).toBeGreaterThanOrEqual(window.first);
        expect(index, `${align} ${index}`).toBeLessThanOrEqual(window.last);
        const top = drawnTop(window, index) - scrollTop;
        expect(top, `${align} ${index}`).toBeGreaterThanOrEqual(0);
        expect(top + rowHeight, `${align} ${index}`).toBeLessThanOrEqual(viewHeight);
      }
    }
  });
});
