import { execFileSync, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { planTypes } from '../../src/shared/domain/plan-types';
import { expectedNotices } from '../denials/denial-notice-expectations';
import { denialNoticeFixtures, readFixture, typesetNoticePdf } from '../denials/denial-notice-fixtures';
import { runAdvocase } from '../helpers/run-cli-in-process';
import { useTemporaryDataDirectory } from '../helpers/temporary-data-directory';
import { denialNoticeLines, pdfToPng, imageToPdf, scanLike, typesetPdf } from '../ocr/scanned-notice';

const projectRoot = join(import.meta.dirname, '..', '..');
const newDirectory = useTemporaryDataDirectory();

/** The real binary, as a user starts it: kept for the JSON shape and one refusal's exit code. */
function runDenialReadProcess(args: readonly string[]) {
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

/** The same command in this process: the OCR engine and pdf.js load once for the whole file. */
async function runDenialRead(args: readonly string[]) {
  const { code, stdout, stderr } = await runAdvocase(['denial', 'read', ...args], {
    ...process.env,
    ADVOCASE_DATA_DIR: newDirectory(),
    ADVOCASE_LOG: 'silent',
  });
  return { status: code, stdout, stderr };
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

function parsedReport({ status, stdout, stderr }: { status: number | null; stdout: string; stderr: string }) {
  expect(stderr).toBe('');
  expect(status).toBe(0);
  return JSON.parse(stdout) as DenialReadJson;
}

async function readJson(args: readonly string[]): Promise<DenialReadJson> {
  return parsedReport(await runDenialRead([...args, '--json']));
}

const shortWindow = expectedNotices.find((notice) => notice.file === 'short-appeal-window.txt')!;

/** The fields the CLI prints, as the notice says them (the `--json` shape in docs/denial-notices.md). */
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

// One case starts the CLI as its own process; the others run it in this process (OCR cases are slow).
describe('advocase denial read', { timeout: 120_000 }, () => {
  it('prints the fields and the notice check of a text file as JSON', () => {
    const file = join(denialNoticeFixtures, shortWindow.file);
    const report = parsedReport(
      runDenialReadProcess([file, '--plan-type', 'employer-fully-insured', '--json']),
    );

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

  it('checks under the plan type the notice points to when none is given', async () => {
    const report = await readJson([join(denialNoticeFixtures, 'medicare-advantage-clean.txt')]);
    expect(report.noticeCheck.planType).toBe('medicare-advantage');
  });

  it('reads a PDF with a text layer, the words the same as pdftotext reads', async () => {
    const lines = readFixture(shortWindow.file).trimEnd().split('\n');
    const pdf = join(newDirectory(), 'notice.pdf');
    writeFileSync(pdf, await typesetNoticePdf(lines));

    const report = await readJson([pdf]);

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
      const report = await readJson([file, '--plan-type', 'individual']);
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

  it('prints a readable summary without --json, saying the checks are guidance', async () => {
    const { status, stdout, stderr } = await runDenialRead([
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
  ])('exits 2 with what to do for %j', async (args, message) => {
    const { status, stdout, stderr } = await runDenialRead(args);
    expect(status).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain(message);
  });

  it('exits 2 from the real binary too', () => {
    const { status, stdout, stderr } = runDenialReadProcess(['no-such-notice.txt']);
    expect(status).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain('there is no file at no-such-notice.txt');
  });

  it('exits 2 for a fax TIFF, saying to save it as a PDF', async () => {
    const tiff = join(newDirectory(), 'fax.tiff');
    writeFileSync(tiff, Buffer.from('II*\0', 'binary'));
    const { status, stderr } = await runDenialRead([tiff]);
    expect(status).toBe(2);
    expect(stderr).toContain('Save or print the fax as a PDF');
  });

  it('exits 2 for a file named .pdf that is not a PDF', async () => {
    const notPdf = join(newDirectory(), 'notice.pdf');
    writeFileSync(notPdf, 'this is not a PDF');
    const { status, stderr } = await runDenialRead([notPdf]);
    expect(status).toBe(2);
    expect(stderr).toContain('This PDF could not be read: the file may be damaged');
  });
});
