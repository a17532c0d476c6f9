import { createRequire } from 'node:module';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocMeasureClass } from '../../src/core/exports/text-measurements-kept';
import { openExportFixture, pdfText } from './export-fixture';
import { writeFileOutput } from '../helpers/write-file-output';

process.env['ADVOCASE_TIME_ZONE'] = 'America/New_York';

type LayoutBuilderClass = { prototype: { tryLayoutDocument: (...args: unknown[]) => unknown } };
const requireFromHere = createRequire(import.meta.url);
// The classes pdfmake's own layout uses (CommonJS modules, cached: the same objects).
const docMeasure = (requireFromHere('pdfmake/js/DocMeasure.js') as { default: DocMeasureClass }).default;
const layoutBuilder = (requireFromHere('pdfmake/js/LayoutBuilder.js') as { default: LayoutBuilderClass })
  .default;

/**
 * pdfmake's own measureLeaf, as shipped: from a second copy of its module, loaded beside the cached
 * one and put back at once. The cached class may already measure once: another test in this
 * worker can have set pdfmake up before this file runs.
 */
function shippedMeasureLeaf(): DocMeasureClass['prototype']['measureLeaf'] {
  const path = requireFromHere.resolve('pdfmake/js/DocMeasure.js');
  const cached = requireFromHere.cache[path];
  delete requireFromHere.cache[path];
  try {
    return (requireFromHere(path) as { default: DocMeasureClass }).default.prototype.measureLeaf;
  } finally {
    requireFromHere.cache[path] = cached;
  }
}

describe('the case summary laid out with the texts measured once', () => {
  let fixture: Awaited<ReturnType<typeof openExportFixture>>;
  let folder: string;

  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), 'advocase-summary-layout-'));
    fixture = await openExportFixture(folder);
    // A long chronology, so that headings land near the foot of pages and are moved.
    const start = Date.parse('2026-04-01T15:00:00Z');
    for (let index = 0; index < 160; index += 1) {
      await fixture.call('events.add', {
        caseId: fixture.caseId,
        event: {
          type: 'phone_call',
          occurredAt: new Date(start + index * 20 * 3600 * 1000).toISOString(),
          summary: `Call ${index}: asked the plan about the appeal and which criteria its reviewer used, at some length so the line wraps.`,
          details: { repName: `Rep ${index}`, referenceNumber: `REF-${String(index).padStart(5, '0')}` },
        },
      });
    }
  }, 120_000);
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  /** The summary's pages as pdftotext reads them, and how many layout passes pdfmake made. */
  async function summaryPages(name: string): Promise<{ text: string; passes: number }> {
    const tryLayout = layoutBuilder.prototype.tryLayoutDocument;
    let passes = 0;
    layoutBuilder.prototype.tryLayoutDocument = function (this: unknown, ...args: unknown[]) {
      passes += 1;
      return tryLayout.apply(this, args);
    };
    try {
      const saved = await fixture.call('exports.summary', { selection: { caseId: fixture.caseId } });
      const path = join(folder, name);
      writeFileOutput(path, saved);
      return { text: pdfText(path), passes };
    } finally {
      layoutBuilder.prototype.tryLayoutDocument = tryLayout;
    }
  }

  it('comes out page for page, line for line, as when pdfmake measures them on every pass', async () => {
    // The first PDF sets pdfmake up (if no test in this worker has), which puts the kept measurements in place.
    const kept = await summaryPages('kept.pdf');
    const measuringOnce = docMeasure.prototype.measureLeaf;
    const original = shippedMeasureLeaf();
    expect(measuringOnce).not.toBe(original);
    expect(measuringOnce.name).toBe('measureLeafOnce');
    // More than one pass: the summary's rule moved headings, so later passes used kept measurements.
    expect(kept.passes).toBeGreaterThan(1);

    docMeasure.prototype.measureLeaf = original;
    try {
      const measuredEveryPass = await summaryPages('measured-every-pass.pdf');
      expect(measuredEveryPass.passes).toBe(kept.passes);
      expect(kept.text.split('\f')).toEqual(measuredEveryPass.text.split('\f'));
    } finally {
      docMeasure.prototype.measureLeaf = measuringOnce;
    }
  });
});
