import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storedFilePath } from '../../src/core/vault/vault-storage';
import type { MethodInput } from '../../src/shared/contract/index';
import { makePng, pdfPageCount, pdfText } from '../exports/export-fixture';
import { addFile, filesContaining, makePdf, openTestVault } from '../vault/vault-helpers';
import { sampleLetterDocument, sampleProfile } from './sample-letter';

type Fixture = Awaited<ReturnType<typeof openTestVault>> & {
  readonly denialId: number;
  readonly cardId: number;
  readonly notesDocxId: number;
  readonly otherCaseDocumentId: number;
};

/**
 * A saved letter, made the way the Letters tab makes it (`letters.create` from the first-level
 * appeal template), then edited to the sample text and title with these enclosures in order.
 */
async function letterInput(
  fixture: Fixture,
  enclosureDocumentIds: number[],
): Promise<MethodInput<'letters.exportPdf'> & { letterId: number }> {
  const { call } = fixture;
  const created = await call('letters.create', {
    caseId: fixture.caseId,
    templateId: 'internal-appeal-first-level',
  });
  await call('letters.update', {
    letterId: created.id,
    changes: {
      title: 'Level 1 appeal: denial of esketamine (Spravato)',
      body: sampleLetterDocument,
      enclosureDocumentIds,
    },
  });
  return { letterId: created.id, date: '2026-03-30', sentVia: 'fax' };
}

/** Positions of each needle, each searched for after the previous one: -1 once out of order. */
function positionsInOrder(text: string, needles: readonly string[]): number[] {
  let from = 0;
  return needles.map((needle) => {
    const at = text.indexOf(needle, from);
    if (at >= 0) from = at + needle.length;
    return at;
  });
}

function pagesOf(path: string): string[] {
  return pdfText(path)
    .split('\f')
    .filter((page) => page.trim() !== '');
}

describe('letters out: PDF, DOCX, submission packet, filing', () => {
  let folder: string;
  let dataDirectory: string;
  let fixture: Fixture;

  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), 'advocase-letters-out-'));
    dataDirectory = join(folder, 'data');
    const vault = await openTestVault(dataDirectory);
    const { call, clientId, caseId } = vault;
    await call('clients.update', {
      clientId,
      changes: { fullName: 'Imani Brooks', dateOfBirth: '1984-02-29' },
    });
    const coverage = await call('coverages.create', {
      clientId,
      payer: 'UnitedHealthcare',
      planType: 'employer-self-funded',
      memberId: 'UHC88431207',
      groupNumber: 'GRP-55120',
      payerFax: '(800) 555-0199',
      appealsAddress: 'Appeals Unit\nP.O. Box 30432\nSalt Lake City, UT 84130',
    });
    await call('cases.update', { caseId, changes: { coverageId: coverage.id } });
    await call('events.add', {
      caseId,
      event: {
        type: 'claim_submitted',
        occurredAt: '2026-03-01T15:00:00.000Z',
        summary: 'Claim for the first sessions',
        details: { dateOfService: '2026-02-27', claimNumber: 'CLM-7731002' },
      },
    });
    const denial = await addFile(
      call,
      'Denial letter 2026-03-10.pdf',
      await makePdf(['Denial page one: not medically necessary', 'Denial page two: appeal rights']),
      { caseId },
    );
    const card = await addFile(call, 'Insurance card.png', await makePng(), { clientId });
    const notes = await addFile(
      call,
      'Psychiatrist notes.docx',
      readFileSync(join(import.meta.dirname, '..', 'fixtures', 'vault', 'letter-of-medical-necessity.docx')),
      { caseId },
    );
    const otherCase = await call('cases.create', { clientId, treatment: 'tms', payer: 'Other Health' });
    const otherDocument = await addFile(call, 'Other case.pdf', await makePdf(['Another case']), {
      caseId: otherCase.id,
    });
    fixture = {
      ...vault,
      denialId: denial.document!.id,
      cardId: card.document!.id,
      notesDocxId: notes.document!.id,
      otherCaseDocumentId: otherDocument.document!.id,
    };
  }, 120_000);
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it('refuses a profile with a malformed email or phone, by field, and keeps the saved one', async () => {
    const { call, failure } = fixture;
    const noProfile = await failure(call('letters.exportPdf', await letterInput(fixture, [])));
    expect(noProfile.field).toBe('profile');
    expect(noProfile.message).toContain('Settings → Profile');

    const saved = await call('profile.save', sampleProfile);
    expect(saved.profile?.phone).toBe('(503) 555-0142');
    expect(saved.profile?.fax).toBe('(503) 555-0143');

    const badEmail = await failure(call('profile.save', { ...sampleProfile, email: 'jordan.northside' }));
    expect(badEmail).toMatchObject({ code: 'INVALID_INPUT', field: 'email' });
    expect(badEmail.message).toContain('name@example.org');
    const badPhone = await failure(call('profile.save', { ...sampleProfile, phone: '555-0142' }));
    expect(badPhone).toMatchObject({ field: 'phone' });
    expect(badPhone.message).toContain('10 digits');
    const badName = await failure(call('profile.save', { ...sampleProfile, name: '  ' }));
    expect(badName).toMatchObject({ field: 'name' });

    expect((await call('profile.get', {})).profile).toEqual(saved.profile);
  });

  it('prints a business letter: letterhead, date, recipient, RE:, body in order, signature, enclosures, page x of y', async () => {
    const { call } = fixture;
    await call('profile.save', sampleProfile);
    const exported = await call(
      'letters.exportPdf',
      await letterInput(fixture, [fixture.denialId, fixture.cardId]),
    );
    const path = join(folder, 'letter.pdf');
    writeFileSync(path, Buffer.from(exported.data, 'base64'));
    const pages = pagesOf(path);
    expect(pdfPageCount(path)).toBe(2);
    expect(exported.pageCount).toBe(2);

    const text = pages.join('\n');
    const flat = text.replace(/\s+/g, ' ');
    const needles = [
      'Northside Patient Advocacy',
      '410 Alder Street, Suite 2, Portland, OR 97205',
      'Phone (503) 555-0142',
      'Fax (503) 555-0143',
      'March 30, 2026',
      'VIA FAX: (800) 555-0199',
      'UnitedHealthcare',
      'P.O. Box 30432',
      'RE:',
      'Level 1 appeal: denial of esketamine (Spravato)',
      'Patient: Imani Brooks',
      'Date of birth: 02/29/1984',
      'Member ID: UHC88431207',
      'Group: GRP-55120',
      'Claim no.: CLM-7731002',
      'Dear Appeals Reviewer:',
      'Treatment history',
      '1. Sertraline 200 mg daily',
      '2. Bupropion XL 450 mg daily',
      '3. Venlafaxine XR 225 mg daily',
      'Why the criteria are met',
      'major depressive disorder, recurrent, severe (F33.2)',
      'Paragraph 5 of the argument',
      'Sincerely,',
      'Jordan Reyes, CPHA',
      'Patient Advocate',
      'Enclosures (2):',
      '1. Denial letter 2026-03-10',
      '2. Insurance card',
    ];
    const positions = positionsInOrder(flat, needles);
    expect(positions.map((at, index) => (at < 0 ? needles[index] : 'found'))).toEqual(
      needles.map(() => 'found'),
    );

    expect(pages[0]).toContain('Page 1 of 2');
    expect(pages[1]).toContain('Page 2 of 2');
    // Page 1 carries the letterhead; page 2 the continuation header naming the patient instead.
    expect(pages[0]).toContain('410 Alder Street');
    expect(pages[1]).not.toContain('410 Alder Street');
    expect(pages[1]).toMatch(/Imani Brooks · Member ID UHC88431207 +March 30, 2026/);
  });

  it("prints a letter made from a template with one date, one address and one closing: the template's own", async () => {
    const { call } = fixture;
    await call('profile.save', sampleProfile);
    const created = await call('letters.create', {
      caseId: fixture.caseId,
      templateId: 'internal-appeal-first-level',
    });
    const exported = await call('letters.exportPdf', {
      letterId: created.id,
      date: '2026-03-30',
      allowUnfilled: true,
    });
    const text = pagesOf(writePdf(folder, 'template-letter.pdf', exported.data)).join('\n');
    expect(text.match(/Sincerely,/g)).toHaveLength(1);
    expect(text).not.toContain('RE:');
    expect(text.match(/Attn: Appeals/g)).toHaveLength(1);
    expect(text).toContain('Northside Patient Advocacy');
  });

  it('exports are downloads: nothing is filed in the vault and nothing is added to the timeline', async () => {
    const { call } = fixture;
    await call('profile.save', sampleProfile);
    const documentsBefore = (await call('vault.list', {})).length;
    const eventsBefore = (await call('events.list', { caseId: fixture.caseId })).events.length;
    const saved = await letterInput(fixture, [fixture.denialId]);
    const pdf = await call('letters.exportPdf', saved);
    await call('letters.exportDocx', saved);
    await call('letters.buildPacket', { ...saved, sentVia: 'mail' });
    expect(pdf).toMatchObject({
      fileName: '2026-03-30 Level 1 appeal_ denial of esketamine (Spravato).pdf',
      mimeType: 'application/pdf',
      isDraft: false,
    });
    expect((await call('vault.list', {})).length).toBe(documentsBefore);
    expect((await call('events.list', { caseId: fixture.caseId })).events.length).toBe(eventsBefore);
    // Nothing Advocase wrote is a readable PDF on disk.
    expect(filesContaining(dataDirectory, '%PDF-')).toEqual([]);
  });

  it('writes a DOCX Word opens: real headings, bold runs, numbered and bulleted lists, page x of y in the footer', async () => {
    const { call } = fixture;
    await call('profile.save', sampleProfile);
    const exported = await call(
      'letters.exportDocx',
      await letterInput(fixture, [fixture.denialId, fixture.cardId]),
    );
    expect(exported.mimeType).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    const path = join(folder, 'letter.docx');
    writeFileSync(path, Buffer.from(exported.data, 'base64'));

    const entries = execFileSync('unzip', ['-Z1', path], { encoding: 'utf8' }).split('\n');
    expect(entries).toEqual(
      expect.arrayContaining([
        '[Content_Types].xml',
        '_rels/.rels',
        'word/document.xml',
        'word/numbering.xml',
      ]),
    );
    const part = (name: string) => execFileSync('unzip', ['-p', path, name], { encoding: 'utf8' });
    const documentXml = part('word/document.xml');
    const text = [...documentXml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)]
      .map((match) => match[1])
      .join('');
    const needles = [
      'Northside Patient Advocacy',
      'March 30, 2026',
      'VIA FAX: (800) 555-0199',
      'UnitedHealthcare',
      'RE:',
      'Member ID: UHC88431207',
      'Dear Appeals Reviewer:',
      'Treatment history',
      'Sertraline 200 mg daily',
      'Sincerely,',
      'Jordan Reyes, CPHA',
      'Enclosures (2):',
      'Denial letter 2026-03-10',
      'Insurance card',
    ];
    const positions = positionsInOrder(text, needles);
    expect(positions.map((at, index) => (at < 0 ? needles[index] : 'found'))).toEqual(
      needles.map(() => 'found'),
    );

    // A bold run holds the bold words; an italic run the italic ones.
    expect(documentXml).toMatch(
      /<w:r><w:rPr><w:b\/>(?:<w:bCs\/>)?<\/w:rPr><w:t[^>]*>first-level internal appeal<\/w:t>/,
    );
    expect(documentXml).toMatch(/<w:rPr><w:i\/>(?:<w:iCs\/>)?<\/w:rPr><w:t[^>]*>dated March 10, 2026<\/w:t>/);
    // Headings are Word headings; list items are Word numbering, each list its own instance.
    expect(documentXml).toMatch(/<w:pStyle w:val="Heading2"\/>.*?Treatment history/);
    const numberedIds = new Set(
      [...documentXml.matchAll(/<w:numId w:val="(\d+)"\/>/g)].map((match) => match[1]),
    );
    expect(numberedIds.size).toBe(3); // the numbered list, the bulleted list, the enclosures
    const numbering = part('word/numbering.xml');
    expect(numbering).toContain('w:val="decimal"');
    expect(numbering).toContain('w:val="bullet"');

    const footers = part('word/footer1.xml') + part('word/footer2.xml');
    expect(footers).toMatch(/PAGE/);
    expect(footers).toMatch(/NUMPAGES/);
    const headers = part('word/header1.xml') + part('word/header2.xml');
    expect(headers).toContain('Imani Brooks · Member ID UHC88431207');
  });

  it('joins cover, letter and enclosures into one numbered fax packet; a DOCX enclosure is listed as not included', async () => {
    const { call } = fixture;
    await call('profile.save', sampleProfile);
    const letter = await call(
      'letters.exportPdf',
      await letterInput(fixture, [fixture.denialId, fixture.cardId]),
    );
    const packet = await call('letters.buildPacket', {
      ...(await letterInput(fixture, [fixture.denialId, fixture.cardId, fixture.notesDocxId])),
      sentVia: 'fax',
      message: 'Level 1 appeal with records. Please confirm receipt.',
    });
    const path = join(folder, 'packet.pdf');
    writeFileSync(path, Buffer.from(packet.data, 'base64'));

    const letterPages = letter.pageCount ?? 0;
    const total = 1 + letterPages + 2 + 1;
    expect(pdfPageCount(path)).toBe(total);
    expect(packet.pageCount).toBe(total);
    expect(packet.parts).toEqual([
      {
        title: 'Letter: Level 1 appeal: denial of esketamine (Spravato)',
        firstPage: 2,
        pageCount: letterPages,
      },
      { title: 'Denial letter 2026-03-10', firstPage: 2 + letterPages, pageCount: 2 },
      { title: 'Insurance card', firstPage: 4 + letterPages, pageCount: 1 },
    ]);
    expect(packet.omitted).toEqual([
      {
        title: 'Psychiatrist notes',
        reason: 'Not a PDF or a photo: not included. Save it as a PDF to include it, or send it separately.',
      },
    ]);

    const pages = pagesOf(path);
    expect(pages).toHaveLength(total);
    for (const [index, page] of pages.entries()) {
      expect(page).toContain(`Page ${index + 1} of ${total}`);
      expect(page).toContain('Imani Brooks · Member ID UHC88431207');
    }
    const cover = pages[0]!.replace(/\s+/g, ' ');
    expect(cover).toContain('FAX');
    expect(cover).toContain(`${total} (including this cover sheet)`);
    expect(cover).toMatch(/To UnitedHealthcare From Jordan Reyes Appeals Unit Northside Patient Advocacy/);
    expect(cover).toContain('(800) 555-0199');
    expect(cover).toContain('(503) 555-0143');
    expect(cover).toContain('Level 1 appeal: denial of esketamine (Spravato)');
    expect(cover).toContain('CONFIDENTIALITY NOTICE');
    expect(cover).toContain('protected health information');
    expect(cover).toContain(`Denial letter 2026-03-10 ${2 + letterPages}–${3 + letterPages}`);
    // The letter inside the packet is not numbered twice.
    expect(pages[1]).not.toContain(`Page 1 of ${letterPages}`);
    expect(pages[1]).toContain('Dear Appeals Reviewer:');
    expect(pages[1 + letterPages]).toContain('Denial page one');
    expect(pages[2 + letterPages]).toContain('Denial page two');
  });

  it('"Mark as sent" files the final PDF, named for what it is, with one "letter sent" entry and its proof of delivery', async () => {
    const { call, failure } = fixture;
    await call('profile.save', sampleProfile);
    const saved = await letterInput(fixture, [fixture.denialId]);
    const packet = await call('letters.buildPacket', { ...saved, sentVia: 'portal' });
    const pages = pagesOf(writePdf(folder, 'portal.pdf', packet.data));
    expect(pages[0]).toContain('SUBMISSION');
    expect(pages[0]).not.toContain('FAX');
    const sent = await call('letters.markSent', {
      letterId: saved.letterId,
      sentVia: 'portal',
      sentAt: '2026-03-30T16:20:00.000Z',
      sentTo: 'UnitedHealthcare appeals portal',
      deliveryProof: { method: 'portal_confirmation', reference: 'UHC-PORTAL-55231' },
    });
    expect(sent.document).toMatchObject({
      fileName: 'Internal appeal to UnitedHealthcare, sent 2026-03-30.pdf',
      documentType: 'letter',
      documentDate: '2026-03-30',
      caseIds: [fixture.caseId],
      eventIds: [sent.eventId],
    });
    const filedText = pagesOf(
      writePdf(folder, 'filed.pdf', (await call('vault.content', { documentId: sent.document.id })).data),
    ).join('\n');
    expect(filedText).toContain('March 30, 2026');
    expect(filedText).toContain('Dear Appeals Reviewer:');
    expect(filedText).not.toContain('DRAFT');

    const { events } = await call('events.list', { caseId: fixture.caseId, types: ['letter_sent'] });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      id: sent.eventId,
      occurredAt: '2026-03-30T16:20:00.000Z',
      summary: 'Letter sent: Level 1 appeal: denial of esketamine (Spravato) (via payer portal)',
      details: {
        sentVia: 'portal',
        sentTo: 'UnitedHealthcare appeals portal',
        documentId: sent.document.id,
        deliveryProof: { method: 'portal_confirmation', reference: 'UHC-PORTAL-55231', deliveredAt: null },
      },
    });
    expect((await call('events.list', { caseId: fixture.caseId, types: ['letter_drafted'] })).events).toEqual(
      [],
    );
    // The letter itself now reads sent, on the day and by the way it went.
    expect(await call('letters.get', { letterId: saved.letterId })).toMatchObject({
      status: 'sent',
      sentOn: '2026-03-30',
      sentVia: 'portal',
    });

    const future = await failure(
      call('letters.markSent', {
        letterId: saved.letterId,
        sentVia: 'mail',
        sentAt: '2099-01-01T00:00:00.000Z',
      }),
    );
    expect(future.field).toBe('sentAt');
    const foreign = await failure(
      call('letters.markSent', {
        letterId: saved.letterId,
        sentVia: 'mail',
        sentAt: '2026-03-30T16:20:00.000Z',
        documentId: fixture.otherCaseDocumentId,
      }),
    );
    expect(foreign.field).toBe('documentId');
    expect(
      (await call('events.list', { caseId: fixture.caseId, types: ['letter_sent'] })).events,
    ).toHaveLength(1);
  });

  it('refuses an enclosure of another case, a fax packet with no fax number, and a damaged enclosure, filing nothing', async () => {
    const { call, failure, session } = fixture;
    await call('profile.save', sampleProfile);
    const documentsBefore = (await call('vault.list', {})).length;

    const foreign = await failure(
      call('letters.exportPdf', await letterInput(fixture, [fixture.denialId, fixture.otherCaseDocumentId])),
    );
    expect(foreign).toMatchObject({ code: 'INVALID_INPUT', field: 'enclosureDocumentIds' });
    expect(foreign.message).toContain(
      `Document ${fixture.otherCaseDocumentId} is not among this case's documents`,
    );

    const unknownLetter = await failure(call('letters.exportPdf', { letterId: 99_999 }));
    expect(unknownLetter).toMatchObject({ code: 'NOT_FOUND', field: 'letterId' });
    expect(unknownLetter.message).toContain('There is no letter with id 99999');

    const badFax = await failure(
      call('letters.buildPacket', {
        ...(await letterInput(fixture, [])),
        sentVia: 'fax',
        recipientFax: '555-01',
      }),
    );
    expect(badFax).toMatchObject({ field: 'recipientFax' });

    const damaged = await addFile(call, 'Lab results.pdf', await makePdf(['Lab results']), {
      caseId: fixture.caseId,
    });
    const storageId = await session.useStore(({ db }) =>
      db
        .selectFrom('documents')
        .innerJoin('vault_blobs', 'vault_blobs.id', 'documents.blob_id')
        .select('vault_blobs.storage_id')
        .where('documents.id', '=', damaged.document!.id)
        .executeTakeFirstOrThrow(),
    );
    const storedPath = storedFilePath(dataDirectory, storageId.storage_id);
    const bytes = readFileSync(storedPath);
    bytes[bytes.length - 40] = bytes[bytes.length - 40]! ^ 0x01;
    writeFileSync(storedPath, bytes);
    const broken = await failure(
      call('letters.buildPacket', {
        ...(await letterInput(fixture, [fixture.denialId, damaged.document!.id])),
        sentVia: 'mail',
      }),
    );
    expect(broken).toMatchObject({ code: 'DATA_DAMAGED', field: 'enclosureDocumentIds' });
    expect(broken.message).toContain('“Lab results” is damaged');

    // Only the damaged file itself was added; no letter, packet or timeline entry came of the failures.
    expect((await call('vault.list', {})).length).toBe(documentsBefore + 1);
    expect((await call('vault.get', { documentId: fixture.denialId })).deletedAt).toBeNull();
  });
});

function writePdf(folder: string, name: string, base64: string): string {
  const path = join(folder, name);
  writeFileSync(path, Buffer.from(base64, 'base64'));
  return path;
}
