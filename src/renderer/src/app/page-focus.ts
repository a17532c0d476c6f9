import { useEffect, useRef } from 'react';
import { hrefFor, type Route } from './routes';

/**
 * Where keyboard focus goes when the page changes (WCAG 2.4.3): to the new page's heading, so a
 * screen reader announces where the user now is and Tab continues from the top of the page
 * instead of from a link that is gone. The heading gets tabindex="-1": focusable by script, not a
 * Tab stop.
 */
export function focusPageHeading({ orMain = false } = {}): boolean {
  const target =
    document.querySelector<HTMLElement>('main h1') ??
    (orMain ? document.querySelector<HTMLElement>('main') : null);
  if (!target) return false;
  if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
  target.focus();
  return true;
}

/** One page, whatever its tab: switching a case's tab keeps focus on the tab link the user chose. */
function pageKeyOf(route: Route): string {
  return route.name === 'case' ? hrefFor({ ...route, tab: 'timeline' }) : hrefFor(route);
}

/** How long a page may take to draw its heading (its data loads first) before focus stops waiting for it. */
const headingWaitMs = 3000;

/**
 * After each navigation (not the first page), moves focus to the page heading once it is drawn.
 * A page that places focus itself (the caseload returning to the case just left) claims it first:
 * focus moved into `main` by the new page is left where it is.
 */
export function useFocusHeadingOnNavigate(route: Route): void {
  const pageKey = pageKeyOf(route);
  const previousKey = useRef(pageKey);
  useEffect(() => {
    if (previousKey.current === pageKey) return;
    previousKey.current = pageKey;
    const startedAt = performance.now();
    const focusedBefore = document.activeElement;
    let frame = 0;
    const tryFocus = () => {
      const main = document.querySelector('main');
      const focused = document.activeElement;
      const hasClaimedFocus = focused !== focusedBefore && main !== null && main.contains(focused);
      if (hasClaimedFocus) return;
      const isWaitOver = performance.now() - startedAt > headingWaitMs;
      if (focusPageHeading({ orMain: isWaitOver }) || isWaitOver) return;
      frame = requestAnimationFrame(tryFocus);
    };
    frame = requestAnimationFrame(tryFocus);
    return () => cancelAnimationFrame(frame);
  }, [pageKey]);
}
