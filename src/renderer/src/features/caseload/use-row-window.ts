import { useCallback, useLayoutEffect, useState, type RefObject } from 'react';
import { rowWindowAt, scrollTopToShowRow, type RowList, type RowWindow } from './row-window';

/**
 * The rows of a scroller to draw (row-window.ts), kept current as it scrolls and resizes. Rows
 * have one fixed height and sit under a sticky header, whose height is left out of the view.
 */
export function useRowWindow({
  count,
  rowHeight,
  overscan,
  scrollRef,
  headerRef,
}: {
  count: number;
  rowHeight: number;
  overscan: number;
  scrollRef: RefObject<HTMLElement | null>;
  headerRef: RefObject<HTMLElement | null>;
}): { rowWindow: RowWindow; scrollToRow: (index: number, align: 'start' | 'center' | 'auto') => void } {
  const listOf = useCallback(
    (scroller: HTMLElement): RowList => ({
      count,
      rowHeight,
      viewHeight: Math.max(rowHeight, scroller.clientHeight - (headerRef.current?.offsetHeight ?? 0)),
    }),
    [count, rowHeight, headerRef],
  );
  const [rowWindow, setRowWindow] = useState<RowWindow>(() =>
    rowWindowAt({ count, rowHeight, viewHeight: 0 }, 0, overscan),
  );

  useLayoutEffect(() => {
    const scroller = scrollRef.current;
    if (!scroller) return;
    const update = () => {
      const next = rowWindowAt(listOf(scroller), scroller.scrollTop, overscan);
      // Re-drawn only when what is drawn changes, not on every scrolled pixel of an unscaled list.
      setRowWindow((current) =>
        current.first === next.first &&
        current.last === next.last &&
        current.paddingTop === next.paddingTop &&
        current.paddingBottom === next.paddingBottom
          ? current
          : next,
      );
    };
    update();
    scroller.addEventListener('scroll', update, { passive: true });
    const resizes = new ResizeObserver(update);
    resizes.observe(scroller);
    return () => {
      scroller.removeEventListener('scroll', update);
      resizes.disconnect();
    };
  }, [scrollRef, listOf, overscan]);

  const scrollToRow = useCallback(
    (index: number, align: 'start' | 'center' | 'auto') => {
      const scroller = scrollRef.current;
      if (!scroller) return;
      const top = scrollTopToShowRow(listOf(scroller), index, align, scroller.scrollTop);
      if (top !== null) scroller.scrollTop = top;
    },
    [scrollRef, listOf],
  );

  return { rowWindow, scrollToRow };
}
