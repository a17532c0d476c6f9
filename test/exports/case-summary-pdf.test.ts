import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureEvents, openExportFixture, pdfPageCount, pdfText, secrets } from './export-fixture';
import { writeFileOutput } from '../helpers/write-file-output';
import { formatLongDate } from '../../src/shared/domain/long-date';

process.env['ADVOCASE_TIME_ZONE'] = 'America/New_York';

// Fixture events happen between 12:00 and 18:00 UTC: the same calendar day in New York. A payer
// decision is placed on the date on its notice, whenever it was recorded.
const expectedChronology = fixtureEvents
  .map(({ event, references }) => ({
    day: event.type === 'payer_decision' ? event.details.noticeDate : event.occurredAt.slice(0, 10),
    references,
  }))
  .sort((a, b) => a.day.localeCompare(b.day))
  .map(({ day, references }) => ({ date: formatLongDate(day), references }));

/** Positions of each needle in the text, searching on from the previous one: -1 once out of order. */
function positionsInOrder(text: string, needles: readonly string[]): number[] {
  let from = 0;
  return needles.map((needle) => {
    const at = text.indexOf(needle, from);
    if (at >= 0) from = at + needle.length;
    return at;
  });
}

function chronologyOf(text: string): string {
  const start = text.lastIndexOf('Chronology');
  const end = text.indexOf('Communications log', start);
  return text.slice(start, end);
}

describe('case summary PDF, read back with pdftotext', () => {
  // One case set up once (key derivation is slow); each test reads its own exported file.
  let fixture: Awaited<ReturnType<typeof openExportFixture>>;
  let folder: string;

  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), 'advocase-export-test-'));
    fixture = await openExportFixture(folder);
  }, 60_000);
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it('lists every event date and reference number in date order, with its exhibits', async () => {
    const path = join(folder, 'summary.pdf');
    const saved = await fixture.call('exports.summary', { selection: { caseId: fixture.caseId } });
    expect(writeFileOutput(path, saved)).toBeGreaterThan(1000);
    const chronology = chronologyOf(pdfText(path));
    const needles = expectedChronology.flatMap((event) => [event.date, ...event.references]);
    const positions = positionsInOrder(chronology, needles);
    expect(positions.map((position, index) => (position < 0 ? needles[index] : 'found'))).toEqual(
      needles.map(() => 'found'),
    );
    // Exhibits follow the story: the insurance card (dated 2026-01-05, on no event) is 001, the fax
    // confirmation (event of 2026-03-02) 002, and the denial letter, on the denial dated 2026-03-10
    // (received and recorded on 2026-03-13), 003.
    expect(chronology).toMatch(/March 2, 2026 +Prior[^\n]*\b002\n/);
    expect(chronology).toMatch(/March 10, 2026 +Payer decision[^\n]*\b003\n/);
    // Dates as people read them, as the deadlines already were: no ISO date left in the chronology.
    expect(chronology).not.toMatch(/\b\d{4}-\d{2}-\d{2}\b/);
  });

  it('has a cover, contents, running header, page numbers and every section with real data', async () => {
    const path = join(folder, 'sections.pdf');
    writeFileOutput(
      path,
      await fixture.call('exports.summary', {
        selection: { caseId: fixture.caseId, attorneyName: 'Sandra Kim, Esq.' },
      }),
    );
    const text = pdfText(path);
    const pages = text.split('\f').filter((page) => page.trim() !== '');
    const pageCount = pdfPageCount(path);
    expect(pages).toHaveLength(pageCount);
    expect(pages[0]).toContain('Case summary');
    expect(pages[0]).toContain('Imani Brooks');
    expect(pages[0]).toContain('Sandra Kim, Esq.');
    expect(pages[0]).toContain('CONFIDENTIAL');
    expect(pages[1]).toContain('Contents');
    for (const [index, page] of pages.slice(1).entries()) {
      expect(page).toContain('Case summary C-00001');
      expect(page).toContain(`Page ${index + 2} of ${pageCount}`);
    }
    for (const section of [
      'Parties',
      'Coverage',
      'Treatment sought',
      'Chronology',
      'Communications log',
      'Denials, appeals and deadlines',
      'Open questions',
      'Exhibit index',
    ]) {
      expect(pages[1]).toContain(section);
      expect(text.split(section).length).toBeGreaterThan(2);
    }
    // ERISA status, the plan and the codes an attorney needs.
    expect(text).toContain('ERISA plan (self-funded)');
    expect(text).toContain('G2082');
    expect(text).toContain('F33.2');
    expect(text).toContain('HIPAA authorization');
    // Calls: rep, reference and what was said.
    expect(text).toMatch(/Tanya Whitfield[\s\S]*UHC-CALL-0316/);
    // Deadlines from the engine, with the rule cited.
    expect(text).toMatch(/29 CFR 2560\.503-1/);
    // People read the deadlines' dates as dates, not as ISO codes.
    const deadlines = text.slice(
      text.indexOf('Deadlines from the deadline engine'),
      text.indexOf('Open questions', text.indexOf('Deadlines from the deadline engine')),
    );
    expect(deadlines).toMatch(/as judged on [A-Z][a-z]+ \d{1,2}, \d{4}:/);
    expect(deadlines).toMatch(/[A-Z][a-z]+ \d{1,2}, 20\d\d/);
    expect(deadlines).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    // Open questions: the appeal went without proof of delivery.
    expect(text).toMatch(/Appeal filed on March 30, 2026: no proof of delivery/);
    // No medical-necessity section: that feature has no data yet, so nothing stands in for it.
    expect(text).not.toMatch(/medical.necessity (evidence|criteria)/i);
  });

  it('leaves redacted fields out of every page, even where they were typed into notes', async () => {
    const path = join(folder, 'redacted.pdf');
    writeFileOutput(
      path,
      await fixture.call('exports.summary', {
        selection: { caseId: fixture.caseId, redact: ['address', 'dateOfBirth', 'memberId', 'otherNames'] },
      }),
    );
    const text = pdfText(path).replace(/\s+/g, ' ');
    for (const value of [
      secrets.address,
      '12 Orchard Lane',
      secrets.dateOfBirth,
      '02/29/1984',
      secrets.memberId,
      secrets.groupNumber,
      ...secrets.repNames,
      secrets.reviewerName,
    ]) {
      expect(text).not.toContain(value);
    }
    expect(text).toContain('[redacted]');
    // The rest of the story is still there.
    expect(text).toContain('UHC-CALL-0316');
    expect(text).toContain('Imani Brooks');

    const unredacted = join(folder, 'unredacted.pdf');
    writeFileOutput(
      unredacted,
      await fixture.call('exports.summary', { selection: { caseId: fixture.caseId } }),
    );
    const plain = pdfText(unredacted).replace(/\s+/g, ' ');
    // The same values are there without redaction, so the test above could fail.
    for (const value of [secrets.memberId, secrets.repNames[0], secrets.dateOfBirth, secrets.reviewerName]) {
      expect(plain).toContain(value);
    }
  });

  it('keeps only the event types and dates chosen, and only the chosen documents as exhibits', async () => {
    const path = join(folder, 'calls-in-april.pdf');
    writeFileOutput(
      path,
      await fixture.call('exports.summary', {
        selection: {
          caseId: fixture.caseId,
          eventTypes: ['phone_call'],
          from: '2026-04-01',
          to: '2026-04-30',
          documentIds: [fixture.documents.lmn.id],
        },
      }),
    );
    const text = pdfText(path);
    const chronology = chronologyOf(text);
    expect(chronology).toContain('UHC-CALL-0408');
    expect(chronology).not.toContain('UHC-CALL-0316');
    expect(chronology).not.toContain('PA-2026-0302');
    const index = text.slice(text.lastIndexOf('Exhibit index'));
    expect(index).toContain('Letter of medical necessity 2026-03-28');
    expect(index).not.toContain('Denial letter');
  });

  it('summarises all of a client’s cases in one document', async () => {
    const second = await fixture.call('cases.create', {
      clientId: fixture.clientId,
      treatment: 'tms',
      payer: 'UnitedHealthcare',
    });
    await fixture.call('events.add', {
      caseId: second.id,
      event: {
        type: 'phone_call',
        occurredAt: '2026-05-04T15:00:00.000Z',
        summary: 'Asked about TMS coverage.',
        details: { referenceNumber: 'TMS-0504' },
      },
    });
    const summary = await fixture.call('exports.summary', { selection: { clientId: fixture.clientId } });
    const path = join(folder, 'client.pdf');
    writeFileSync(path, Buffer.from(summary.data, 'base64'));
    const text = pdfText(path);
    expect(summary.fileName).toBe(`Case summary 2 cases ${summary.fileName.slice(-14, -4)}.pdf`);
    expect(text).toContain('Case C-00001');
    expect(text).toContain(`Case ${second.caseNumber}`);
    expect(text).toContain('TMS-0504');
    expect(text).toContain('UHC-CALL-0316');
  });

  it('refuses a document that is not filed to the case, by field', async () => {
    const error = await fixture.failure(
      fixture.call('exports.summary', { selection: { caseId: fixture.caseId, documentIds: [9999] } }),
    );
    expect(error).toMatchObject({ code: 'INVALID_INPUT', field: 'documentIds' });
  });
});
