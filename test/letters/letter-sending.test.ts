import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfText } from '../exports/export-fixture';
import { addFile, makePdf, openTestVault } from '../vault/vault-helpers';
import { sampleLetterDocument, sampleProfile } from './sample-letter';

/**
 * Letters you can send without embarrassment. Every PDF is read back with
 * pdftotext, as the payer's fax machine would print it.
 */
describe('letters sent without embarrassment', () => {
  let folder: string;
  let fixture: Awaited<ReturnType<typeof openTestVault>>;
  let providerCaseId: number;

  function pages(name: string, base64: string): string[] {
    const path = join(folder, name);
    writeFileSync(path, Buffer.from(base64, 'base64'));
    return pdfText(path)
      .split('\f')
      .filter((page) => page.trim() !== '');
  }

  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), 'advocase-letter-sending-'));
    fixture = await openTestVault(join(folder, 'data'));
    const { call, clientId, caseId } = fixture;
    const coverage = await call('coverages.create', {
      clientId,
      payer: 'Aetna',
      planType: 'employer-self-funded',
      memberId: 'W123456789',
      appealsAddress: 'P.O. Box 14463\nLexington, KY 40512',
    });
    await call('cases.update', { caseId, changes: { coverageId: coverage.id } });
    const provider = await call('providers.create', {
      name: 'Amara Okafor, MD',
      npi: '1234567893',
      specialty: 'Psychiatry',
      phone: '5035550188',
      fax: '503.555.0189',
      address: 'Cedar Mind Clinic\n2200 NW Lovejoy Street\nPortland, OR 97210',
    });
    const withProvider = await call('cases.create', { clientId, treatment: 'esketamine', payer: 'Aetna' });
    await call('cases.update', {
      caseId: withProvider.id,
      changes: { coverageId: coverage.id, providerId: provider.id },
    });
    providerCaseId = withProvider.id;
  }, 120_000);
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it('a profile filled in after drafting reaches the draft: signer and date are filled when printed', async () => {
    const { call } = fixture;
    // Drafted before the profile exists, as a new user does.
    expect((await call('profile.get', {})).profile).toBeNull();
    const draft = await call('letters.create', {
      caseId: fixture.caseId,
      templateId: 'internal-appeal-first-level',
    });
    expect(draft.unfilledPrompts).not.toContain('[your name — not recorded]');

    await call('profile.save', sampleProfile);
    const first = pages(
      'signed.pdf',
      (await call('letters.exportPdf', { letterId: draft.id, date: '2026-04-02', allowUnfilled: true })).data,
    ).join('\n');
    expect(first).toContain('April 2, 2026');
    expect(first).toMatch(/Sincerely,\s+Jordan Reyes, CPHA\s+Authorized representative for Zoë Example/);
    expect(first).not.toContain('[your name');
    expect(first).not.toContain('when printed');

    // A later change of name reaches the same, still unsent, draft.
    await call('profile.save', { ...sampleProfile, signatureName: 'Jordan Reyes-Okafor, CPHA' });
    const second = pages(
      'renamed.pdf',
      (await call('letters.exportPdf', { letterId: draft.id, date: '2026-04-09', allowUnfilled: true })).data,
    ).join('\n');
    expect(second).toContain('Jordan Reyes-Okafor, CPHA');
    expect(second).toContain('April 9, 2026');
    expect(second).not.toContain('April 2, 2026');
  });

  it('asks before exporting a letter with prompts, then prints DRAFT on every page; such a letter cannot be marked sent', async () => {
    const { call, failure } = fixture;
    await call('profile.save', sampleProfile);
    const letter = await call('letters.create', {
      caseId: fixture.caseId,
      templateId: 'internal-appeal-first-level',
    });
    expect(letter.unfilledPrompts.length).toBeGreaterThan(0);

    for (const method of ['letters.exportPdf', 'letters.exportDocx'] as const) {
      const refused = await failure(call(method, { letterId: letter.id }));
      expect(refused).toMatchObject({ code: 'INVALID_INPUT', field: 'allowUnfilled' });
      expect(refused.message).toContain(`still has ${letter.unfilledPrompts.length} prompts to fill`);
      expect(refused.message).toContain('export it as a draft');
    }
    const packetRefused = await failure(
      call('letters.buildPacket', { letterId: letter.id, sentVia: 'mail' }),
    );
    expect(packetRefused.field).toBe('allowUnfilled');

    const draft = await call('letters.exportPdf', { letterId: letter.id, allowUnfilled: true });
    expect(draft.isDraft).toBe(true);
    expect(draft.fileName).toMatch(/\(DRAFT\)\.pdf$/);
    const draftPages = pages('draft.pdf', draft.data);
    expect(draftPages.length).toBeGreaterThan(1);
    for (const page of draftPages) {
      expect(page.trimStart()).toMatch(
        new RegExp(`^DRAFT — not for sending: ${letter.unfilledPrompts.length} prompts still to fill`),
      );
    }

    const docx = await call('letters.exportDocx', { letterId: letter.id, allowUnfilled: true });
    const docxPath = join(folder, 'draft.docx');
    writeFileSync(docxPath, Buffer.from(docx.data, 'base64'));
    const headers = ['word/header1.xml', 'word/header2.xml']
      .map((part) => execFileSync('unzip', ['-p', docxPath, part], { encoding: 'utf8' }))
      .join('');
    expect(headers.match(/DRAFT — not for sending/g)).toHaveLength(2);

    const documentsBefore = (await call('vault.list', {})).length;
    const notSent = await failure(
      call('letters.markSent', { letterId: letter.id, sentVia: 'fax', sentAt: new Date().toISOString() }),
    );
    expect(notSent).toMatchObject({ code: 'INVALID_INPUT', field: 'documentId' });
    expect(notSent.message).toContain('so it is not what went out');
    expect(notSent.message).toContain('choose the copy that was sent');
    expect((await call('letters.get', { letterId: letter.id })).status).toBe('draft');
    expect((await call('vault.list', {})).length).toBe(documentsBefore);

    // A finished letter prints without the notice.
    await call('letters.update', { letterId: letter.id, changes: { body: sampleLetterDocument } });
    const finished = await call('letters.exportPdf', { letterId: letter.id });
    expect(finished.isDraft).toBe(false);
    expect(pages('finished.pdf', finished.data).join('\n')).not.toContain('DRAFT');
  });

  it("prints the letter of medical necessity on the treating provider's letterhead, or plain; never the advocate's", async () => {
    const { call } = fixture;
    await call('profile.save', sampleProfile);
    const onProvider = await call('letters.create', {
      caseId: providerCaseId,
      templateId: 'letter-of-medical-necessity',
    });
    const [firstPage, ...rest] = pages(
      'lmn-provider.pdf',
      (await call('letters.exportPdf', { letterId: onProvider.id, allowUnfilled: true })).data,
    );
    const head = (firstPage ?? '').split('\n').slice(0, 8).join('\n');
    expect(head).toContain('Amara Okafor, MD');
    expect(head).toContain('Psychiatry · NPI 1234567893');
    expect(head).toContain('Cedar Mind Clinic, 2200 NW Lovejoy Street, Portland, OR 97210');
    expect(head).toContain('Phone (503) 555-0188');
    expect(head).toContain('Fax (503) 555-0189');
    const whole = [firstPage, ...rest].join('\n');
    expect(whole).not.toContain('Northside Patient Advocacy');
    expect(whole).not.toContain('410 Alder Street');

    const plain = await call('letters.create', {
      caseId: fixture.caseId,
      templateId: 'letter-of-medical-necessity',
    });
    const plainText = pages(
      'lmn-plain.pdf',
      (await call('letters.exportPdf', { letterId: plain.id, allowUnfilled: true })).data,
    ).join('\n');
    expect(plainText).not.toContain('Northside Patient Advocacy');
    expect(plainText).not.toContain('Jordan Reyes');
    expect(plainText).toContain('Letter of medical necessity');
  });

  it('a letter finished outside Advocase (signed, scanned) is marked sent with that copy, and nothing new is filed', async () => {
    const { call } = fixture;
    await call('profile.save', sampleProfile);
    const letter = await call('letters.create', {
      caseId: providerCaseId,
      templateId: 'letter-of-medical-necessity',
    });
    expect(letter.unfilledPrompts.length).toBeGreaterThan(0);
    const signed = await addFile(call, 'LMN signed by Dr Okafor.pdf', await makePdf(['Signed LMN']), {
      caseId: providerCaseId,
    });
    const documentsBefore = (await call('vault.list', {})).length;
    const sent = await call('letters.markSent', {
      letterId: letter.id,
      sentVia: 'fax',
      sentAt: '2026-12-01T15:00:00.000Z',
      documentId: signed.document!.id,
      deliveryProof: { method: 'fax_confirmation', reference: 'OK-1188' },
    });
    expect(sent.document).toMatchObject({ id: signed.document!.id, eventIds: [sent.eventId] });
    expect((await call('vault.list', {})).length).toBe(documentsBefore);
    const { events } = await call('events.list', { caseId: providerCaseId, types: ['letter_sent'] });
    expect(events.map((event) => event.details['documentId'])).toEqual([signed.document!.id]);
  });

  it('the attorney bundle leaves unsent letters unticked and names each exhibit for what it is', async () => {
    const { call } = fixture;
    await call('profile.save', sampleProfile);
    // A draft filed the way every export was before: a letter document no "letter sent" points to.
    const oldDraft = await addFile(call, '2026-12-06 Letter.pdf', await makePdf(['Draft with prompts']), {
      caseId: fixture.caseId,
    });
    await call('vault.update', {
      documentId: oldDraft.document!.id,
      documentType: 'letter',
      documentDate: '2026-12-06',
    });
    const letter = await call('letters.create', {
      caseId: fixture.caseId,
      templateId: 'internal-appeal-first-level',
    });
    await call('letters.update', { letterId: letter.id, changes: { body: sampleLetterDocument } });
    const sent = await call('letters.markSent', {
      letterId: letter.id,
      sentVia: 'fax',
      sentAt: '2026-12-06T17:00:00.000Z',
      deliveryProof: { method: 'fax_confirmation', reference: 'OK-4471' },
    });

    const choices = await call('exports.choices', { caseId: fixture.caseId });
    const byId = new Map(choices.documents.map((document) => [document.id, document]));
    expect(byId.get(sent.document.id)).toMatchObject({
      title: 'Internal appeal to Aetna, sent 2026-12-06',
      isPreselected: true,
    });
    expect(byId.get(oldDraft.document!.id)).toMatchObject({ isPreselected: false });

    const summary = await call('exports.summary', { selection: { caseId: fixture.caseId } });
    const index = pages('summary.pdf', summary.data).join('\n');
    expect(index).toContain('Internal appeal to Aetna, sent 2026-12-06');
    expect(index).not.toContain('Letter 2026-12-06');
    expect(summary.exhibitCount).toBe(1);
  });

  it('sending an internal appeal files it: "Appeal filed" on the timeline, the stage and the filing deadline follow', async () => {
    const { call, clientId } = fixture;
    await call('profile.save', sampleProfile);
    const opened = await call('cases.create', { clientId, treatment: 'esketamine', payer: 'Aetna' });
    const coverage = await call('coverages.create', {
      clientId,
      payer: 'Aetna',
      planType: 'employer-self-funded',
      memberId: 'W123456780',
    });
    await call('cases.update', { caseId: opened.id, changes: { coverageId: coverage.id } });
    await call('events.add', {
      caseId: opened.id,
      event: {
        type: 'payer_decision',
        occurredAt: '2026-11-02T15:00:00.000Z',
        summary: 'Denied as experimental',
        details: { decision: 'denied', noticeDate: '2026-11-02', receivedOn: '2026-11-04' },
      },
    });
    expect((await call('cases.get', { caseId: opened.id })).stage).toBe('denied');
    const letter = await call('letters.create', {
      caseId: opened.id,
      templateId: 'internal-appeal-first-level',
    });
    await call('letters.update', { letterId: letter.id, changes: { body: sampleLetterDocument } });

    await call('letters.markSent', {
      letterId: letter.id,
      sentVia: 'fax',
      sentAt: '2026-12-01T17:00:00.000Z',
      deliveryProof: {
        method: 'fax_confirmation',
        reference: 'OK-5120',
        deliveredAt: '2026-12-01T17:04:00.000Z',
      },
    });

    const { events } = await call('events.list', { caseId: opened.id, types: ['appeal_filed'] });
    expect(events.map((event) => [event.details['level'], event.details['method']])).toEqual([[1, 'fax']]);
    expect((await call('cases.get', { caseId: opened.id })).stage).toBe('internal_appeal_1');
    const { deadlines } = await call('deadlines.listForCase', { caseId: opened.id });
    // The fax confirmation's time is the payer's receipt: the filing window is met.
    expect(deadlines.find((deadline) => deadline.rule === 'erisa_internal_appeal_filing')?.status).toBe(
      'met',
    );
  });
});
