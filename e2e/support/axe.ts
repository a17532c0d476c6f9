import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { expect, type Page } from '@playwright/test';
import type { AxeResults, Result } from 'axe-core';

/**
 * axe-core inside the e2e suite. The app's CSP allows no inline or injected script, and the check
 * must not loosen it: the source is evaluated through the DevTools protocol (`page.evaluate` of the
 * text), which runs in the page without being a script the CSP governs.
 */
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/**
 * Rules held to beyond axe's serious and critical ones: the page's outline and landmarks, which a
 * screen-reader user moves by (a review found heading jumps, two "Timeline" landmarks and a dialog
 * inside the banner), and the accessible name starting with the visible text, which voice-control
 * users speak (an experimental rule axe leaves off unless asked).
 */
const alsoHeldTo = new Set([
  'heading-order',
  'landmark-unique',
  'landmark-no-duplicate-banner',
  'landmark-no-duplicate-main',
  'landmark-banner-is-top-level',
  'landmark-main-is-top-level',
  'landmark-complementary-is-top-level',
  'label-content-name-mismatch',
]);

function isHeldTo(violation: Result): boolean {
  return violation.impact === 'serious' || violation.impact === 'critical' || alsoHeldTo.has(violation.id);
}

function describe(violation: Result): string {
  const nodes = violation.nodes
    .slice(0, 5)
    .map(
      (node) => `    ${node.target.join(' ')}: ${node.failureSummary?.split('\n').slice(1).join(' ').trim()}`,
    )
    .join('\n');
  return `  ${violation.id} (${violation.impact}, ${violation.nodes.length}×): ${violation.help}\n${nodes}`;
}

/** What axe is asked: every rule it runs by default, and the experimental one above. */
const axeOptions = {
  resultTypes: ['violations'],
  rules: { 'label-content-name-mismatch': { enabled: true } },
};

/** Runs axe on what the page shows now; returns the violations held to. */
export async function axeViolations(page: Page): Promise<Result[]> {
  // Strings, not functions: they run in the page, and the e2e code has no DOM types.
  if (!(await page.evaluate<boolean>("'axe' in window"))) await page.evaluate(axeSource);
  const results = await page.evaluate<AxeResults>(`axe.run(document, ${JSON.stringify(axeOptions)})`);
  return results.violations.filter(isHeldTo);
}

/** Fails the test, naming each rule and element, if axe finds a serious or critical violation (or one held to). */
export async function expectAccessible(page: Page, where: string): Promise<void> {
  const violations = await axeViolations(page);
  expect(violations.map(describe).join('\n'), `axe on ${where}`).toBe('');
}
