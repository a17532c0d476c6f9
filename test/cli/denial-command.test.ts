import { execFileSync, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { planTypes } from '../../src/shared/domain/plan-types';
import { expectedNotices } from '../denials/denial-notice-expectations';
import { denialNoticeFixtures, readFixture, typesetNoticePdf } from '../denials/denial-notice-fixtures';
import { useTemporaryDataDirectory } from '../helpers/temporary-data-directory';
import { denialNoticeLines, pdfToPng, imageToPdf, scanLike, typesetPdf } from '../ocr/scanned-notice';

const projectRoot = join(import.meta.dirname, '..', '..');
const newDirectory = useTemporaryDataDirectory();

function runDenialRead(args: readonly string[]) {
  const result = spawnSync(
    join(projectRoot, 'node_modules', '.bin', 'node'),
    ['bin/advocase.mjs', 'denial', 'read', ...args],
    {
      cwd: projectRoot,
      encoding: 'utf8',
      env: { ...process.env, ADVOCASE_DATA_DIR: newDirectory(), ADVOCASE_LOG: 'silent' },
      timeout: 120_000,
    },
  );
  return result;
}

type DenialReadJson = {
  ocr: boolean;
  text: string;
  fields: Record<string, unknown>;
  noticeCheck: {
    planType: string;
    elements: { id: string; status: string; citation: string; quote: string | null }[];
    findings: { id: string; message: string; citation: string }[];
  };
};

function readJson(args: readonly string[]): DenialReadJson {
  const { status, stdout, stderr } = runDenialRead([...args, '--json']);
  expect(stderr).toBe('');
  expect(status).toBe(0);
  return JSON.parse(stdout) as DenialReadJson;
}

const shortWindow = expectedNotices.find((notice) => notice.file === 'short-appeal-window.txt')!;

/** The fields the CLI prints, as the notice says them (issue's `--json` shape). */
function expectedJsonFields(fields: (typeof shortWindow)['fields']) {
  const { reasonStartsWith, datesOfService, requestingProvider, ...printed } = fields;
  void datesOfService;
  void requestingProvider;
  return {
    ...printed,
    reasonText: expect.stringMatching(new RegExp(`^${escapeRegExp(reasonStartsWith!)}`)) as unknown as string,
  };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function words(text: string): string[] {
  return text.split(/\s+/).filter((word) => word !== '');
}

// Each case starts the CLI as its own process, slow on a shared machine; OCR cases slower still.
describe('advocase denial read', { timeout: 120_000 }, () => {
  it('prints the fields and the notice check of a text file as JSON', () => {
    const file = join(denialNoticeFixtures, shortWindow.file);
    const report = readJson([file, '--plan-type', 'employer-fully-insured']);

    expect(report.ocr).toBe(false);
    expect(report.text).toBe(readFixture(shortWindow.file));
    expect(report.fields).toEqual(expectedJsonFields(shortWindow.fields));
    expect(report.noticeCheck.planType).toBe('employer-fully-insured');
    expect(
      Object.fromEntries(report.noticeCheck.elements.map((element) => [element.id, element.status])),
    ).toEqual(shortWindow.elements);
    expect(report.noticeCheck.findings.map((finding) => finding.id)).toEqual(['appeal-window-too-short']);
    for (const element of report.noticeCheck.elements) {
      expect(Object.keys(element).sort()).toEqual(['citation', 'id', 'quote', 'status']);
    }
  });

  it('checks under the plan type the notice points to when none is given', () => {
    const report = readJson([join(denialNoticeFixtures, 'medicare-advantage-clean.txt')]);
    expect(report.noticeCheck.planType).toBe('medicare-advantage');
  });

  it('reads a PDF with a text layer, the words the same as pdftotext reads', async () => {
    const lines = readFixture(shortWindow.file).trimEnd().split('\n');
    const pdf = join(newDirectory(), 'notice.pdf');
    writeFileSync(pdf, await typesetNoticePdf(lines));

    const report = readJson([pdf]);

    expect(report.ocr).toBe(false);
    expect(words(report.text)).toEqual(words(execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' })));
    expect(report.fields).toEqual(expectedJsonFields(shortWindow.fields));
    expect(report.noticeCheck.planType).toBe('employer-self-funded');
    expect(report.noticeCheck.findings.map((finding) => finding.id)).toEqual(['appeal-window-too-short']);
  });

  it('reads a scanned PDF and a phone photo by OCR', async () => {
    const page = pdfToPng(await typesetPdf(denialNoticeLines));
    const folder = newDirectory();
    const scan = join(folder, 'scan.pdf');
    writeFileSync(scan, imageToPdf(await scanLike(page, { sigma: 12 })));
    const photo = join(folder, 'photo.jpg');
    writeFileSync(photo, await scanLike(page, { sigma: 8, degrees: 2, format: 'jpeg' }));

    for (const file of [scan, photo]) {
      const report = readJson([file, '--plan-type', 'individual']);
      expect(report.ocr, file).toBe(true);
      // The notice's own lines (test/ocr/scanned-notice.ts), as the reader must find them.
      expect(report.fields, file).toMatchObject({
        payer: 'Blue Harbor Health Plan',
        noticeDate: '2026-03-14',
        memberId: 'BHX482913577',
        referenceNumber: '2026-0314-88217',
        service: 'proton beam therapy',
        reasonCategory: 'experimental-investigational',
        policyCited: 'policy MP-0719',
        appealWindow: { amount: 180, unit: 'days', from: 'receipt' },
        appealAddress: 'Appeals Unit, PO Box 4410, Dayton OH 45401',
      });
    }
  }, 240_000);

  it('prints a readable summary without --json, saying the checks are guidance', () => {
    const { status, stdout, stderr } = runDenialRead([
      join(denialNoticeFixtures, 'erisa-employer-clean.txt'),
    ]);
    expect(stderr).toBe('');
    expect(status).toBe(0);
    expect(stdout).toMatch(/^Payer: +Aetna$/m);
    expect(stdout).toMatch(/^Appeal window: +180 days from receipt$/m);
    expect(stdout).toMatch(/^ {2}missing +external-review +29 CFR 2590\.715-2719/m);
    expect(stdout).toContain('guidance for an advocate, not legal advice');
  });

  it.each([
    [['no-such-notice.txt'], 'there is no file at no-such-notice.txt'],
    [['README.md'], 'cannot read a ".md" file as a notice; give a .txt, .pdf, .png, .jpg, .jpeg file'],
    [
      [join('test', 'fixtures', 'denial-notices', 'complete-notice.txt'), '--plan-type', 'erisa'],
      `--plan-type "erisa" is not a plan type; use one of: ${planTypes.join(', ')}`,
    ],
    [
      [join('test', 'fixtures', 'denial-notices', 'missing-elements.txt')],
      'the notice does not say what kind of plan it is',
    ],
    [[], 'Name one notice file'],
  ])('exits 2 with what to do for %j', (args, message) => {
    const { status, stdout, stderr } = runDenialRead(args);
    expect(status).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain(message);
  });

  it('exits 2 for a fax TIFF, saying to save it as a PDF', () => {
    const tiff = join(newDirectory(), 'fax.tiff');
    writeFileSync(tiff, Buffer.from('II*\0', 'binary'));
    const { status, stderr } = runDenialRead([tiff]);
    expect(status).toBe(2);
    expect(stderr).toContain('Save or print the fax as a PDF');
  });

  it('exits 2 for a file named .pdf that is not a PDF', () => {
    const notPdf = join(newDirectory(), 'notice.pdf');
    writeFileSync(notPdf, 'this is not a PDF');
    const { status, stderr } = runDenialRead([notPdf]);
    expect(status).toBe(2);
    expect(stderr).toContain('This PDF could not be read: the file may be damaged');
  });
});
