import { randomUUID } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readPdf } from '../../src/core/vault/extract-text';
import { VaultService } from '../../src/core/vault/vault-service';
import { openCopiesFolder } from '../../src/core/vault/open-copies';
import { vaultFolders } from '../../src/core/vault/vault-storage';
import { useTemporaryDataDirectory } from '../helpers/temporary-data-directory';
import { addFile, filesContaining, filesUnder, makePdf, openTestVault } from './vault-helpers';

const newDataDirectory = useTemporaryDataDirectory();
const fixtures = join(import.meta.dirname, '..', 'fixtures', 'vault');

function storedFiles(dataDirectory: string): string[] {
  return filesUnder(vaultFolders(dataDirectory).objects);
}

describe('the document vault', () => {
  it('keeps a PDF encrypted: its text is in no file on disk, yet search finds it and preview shows it', async () => {
    const dataDirectory = newDataDirectory();
    const { call, session, caseId } = await openTestVault(dataDirectory);
    const marker = `Zq${randomUUID().replace(/-/g, '')}`;
    const pdf = await makePdf(
      ['Adverse benefit determination', `Spravato for the member was denied. Reference ${marker} applies.`],
      marker,
    );
    // The scan can fail: the marker is in the PDF's bytes in a scanned form (its title; page text is compressed).
    const scratch = newDataDirectory();
    writeFileSync(join(scratch, 'plain.pdf'), pdf);
    expect(filesContaining(scratch, marker)).toEqual([join(scratch, 'plain.pdf')]);

    const result = await addFile(call, 'Denial letter.pdf', pdf, { caseId });
    expect(result).toMatchObject({ outcome: 'added', fileName: 'Denial letter.pdf' });
    expect(result.document).toMatchObject({
      mediaType: 'pdf',
      pageCount: 2,
      textStatus: 'indexed',
      suggestedType: 'denial_letter',
      isTypeConfirmed: false,
      caseIds: [caseId],
    });

    // While unlocked (the WAL holds the newest pages) and after locking.
    expect(filesContaining(dataDirectory, marker)).toEqual([]);
    const stored = storedFiles(dataDirectory);
    expect(stored).toHaveLength(1);
    expect(stored[0]!.split('/').pop()).toMatch(/^[0-9a-f]{32}$/);

    const hits = await call('vault.search', { query: marker });
    expect(hits.map((hit) => hit.document.id)).toEqual([result.document!.id]);
    expect(hits[0]!.snippet.filter((part) => part.isMatch).map((part) => part.text)).toEqual([marker]);
    expect(await call('vault.search', { query: 'spravato denied', caseId })).toHaveLength(1);
    expect(await call('vault.search', { query: 'approved' })).toEqual([]);

    const preview = await call('vault.preview', { documentId: result.document!.id });
    expect(preview.kind).toBe('pdf');
    const shown = Buffer.from(preview.kind === 'pdf' ? preview.data : '', 'base64');
    expect(shown.equals(pdf)).toBe(true);
    expect((await readPdf(shown)).text).toContain(marker);

    await session.lock();
    expect(filesContaining(dataDirectory, marker)).toEqual([]);
  });

  it('reports a stored file with one flipped byte as damaged and shows none of it', async () => {
    const dataDirectory = newDataDirectory();
    const { call, failure, caseId } = await openTestVault(dataDirectory);
    // Three chunks: the flipped byte sits in the last, after two chunks that verify.
    const text = Buffer.from('Progress note. '.repeat(200_000));
    const added = await addFile(call, 'progress notes.txt', text, { caseId });
    const documentId = added.document!.id;
    const [stored] = storedFiles(dataDirectory);
    const bytes = readFileSync(stored!);
    bytes[bytes.length - 100] = bytes[bytes.length - 100]! ^ 0x01;
    writeFileSync(stored!, bytes);

    const previewError = await failure(call('vault.preview', { documentId }));
    expect(previewError.code).toBe('DATA_DAMAGED');
    expect(previewError.message).toContain('damaged');
    expect((await failure(call('vault.content', { documentId }))).code).toBe('DATA_DAMAGED');

    expect(await call('vault.verify', {})).toEqual({
      checkedFiles: 1,
      failures: [{ documentId, fileName: 'progress notes.txt', problem: 'damaged' }],
      leftovers: { filesWithoutRecord: 0, recordsWithoutDocument: 0, removed: false },
    });
  });

  it('stores identical files once and files the document to both places', async () => {
    const dataDirectory = newDataDirectory();
    const { call, caseId, clientId } = await openTestVault(dataDirectory);
    const pdf = await makePdf(['Explanation of benefits. This is not a bill.']);
    const first = await addFile(call, 'EOB.pdf', pdf, { caseId });
    const second = await addFile(call, 'eob copy.pdf', pdf, { clientId });
    expect(second.outcome).toBe('duplicate');
    expect(second.message).toContain('Already in the vault as “EOB.pdf”');
    expect(second.document).toMatchObject({
      id: first.document!.id,
      caseIds: [caseId],
      clientIds: [clientId],
    });
    expect(storedFiles(dataDirectory)).toHaveLength(1);
    expect(readdirSync(vaultFolders(dataDirectory).incoming)).toEqual([]);
  });

  it('gives each bad file its own message and still adds the rest of the batch', async () => {
    const dataDirectory = newDataDirectory();
    const { call, caseId } = await openTestVault(dataDirectory);
    const batch: Array<[string, Buffer]> = [
      ['empty.txt', Buffer.alloc(0)],
      ['nothing.pdf', Buffer.alloc(0)],
      ['not really.pdf', Buffer.from('I am a shopping list, not a PDF.')],
      ['Müller ü 東京.txt', Buffer.from('Notes from the call with Müller.')],
      ['letter-of-medical-necessity.docx', readFileSync(join(fixtures, 'letter-of-medical-necessity.docx'))],
      ['payer-reply.eml', readFileSync(join(fixtures, 'payer-reply.eml'))],
      ['holiday.zip', Buffer.from([0x50, 0x4b, 0x03, 0x04])],
    ];
    const results = [];
    for (const [name, bytes] of batch) results.push(await addFile(call, name, bytes, { caseId }));
    expect(results.map((result) => [result.fileName, result.outcome])).toEqual([
      ['empty.txt', 'rejected'],
      ['nothing.pdf', 'rejected'],
      ['not really.pdf', 'rejected'],
      ['Müller ü 東京.txt', 'added'],
      ['letter-of-medical-necessity.docx', 'added'],
      ['payer-reply.eml', 'added'],
      ['holiday.zip', 'rejected'],
    ]);
    expect(results[0]!.message).toBe('Not added: the file is empty (0 bytes).');
    expect(results[1]!.message).toBe('Not added: the file is empty (0 bytes).');
    expect(results[2]!.message).toContain('the name says a PDF, but the content is not one');
    expect(results[6]!.message).toContain('Advocase keeps PDF, PNG, JPEG, HEIC');
    // A name is a name: one that looks like a place on disk is refused before anything is received.
    await expect(
      addFile(call, '../../etc/évaluation\\Müller.txt', Buffer.from('x'), { caseId }),
    ).rejects.toThrow('A file name cannot contain / or \\. Type the name only.');

    const listed = await call('vault.list', { caseId });
    expect(listed.map((document) => [document.fileName, document.documentType]).sort()).toEqual([
      ['Müller ü 東京.txt', 'other'],
      ['letter-of-medical-necessity.docx', 'letter_of_medical_necessity'],
      ['payer-reply.eml', 'correspondence'],
    ]);
    expect(storedFiles(dataDirectory)).toHaveLength(3);
    // Diacritics are ignored (unicode61 remove_diacritics 2): "Muller" finds "Müller".
    expect((await call('vault.search', { query: 'Muller' })).map((hit) => hit.document.fileName)).toEqual([
      'Müller ü 東京.txt',
    ]);
    expect((await call('vault.search', { query: 'treatment-resistant' }))[0]?.document.fileName).toBe(
      'letter-of-medical-necessity.docx',
    );
    const docx = listed.find((document) => document.mediaType === 'docx')!;
    expect(await call('vault.preview', { documentId: docx.id })).toEqual({
      kind: 'text',
      text: expect.stringContaining('Esketamine (Spravato) is medically necessary') as string,
    });
    const eml = listed.find((document) => document.mediaType === 'eml')!;
    const emlPreview = await call('vault.preview', { documentId: eml.id });
    expect(emlPreview.kind === 'text' && emlPreview.text).toMatch(
      /^From: Appeals Unit <appeals@payer\.example>\n[\s\S]*Subject: Your appeal was received\n\nWe received/,
    );
  });

  it('marks a PDF without a text layer as "no text"', async () => {
    const { call, caseId } = await openTestVault(newDataDirectory());
    const result = await addFile(call, 'scan.pdf', await makePdf(['', '']), { caseId });
    expect(result.document).toMatchObject({ textStatus: 'no_text', pageCount: 2 });
    expect(result.message).toContain('no text layer');
  });

  it('confirms the type, edits metadata and links to a timeline event', async () => {
    const { call, caseId, eventId } = await openTestVault(newDataDirectory());
    const added = await addFile(call, 'letter.pdf', await makePdf(['To whom it may concern']), { caseId });
    const documentId = added.document!.id;
    const updated = await call('vault.update', {
      documentId,
      documentType: 'physician_letter',
      documentDate: '2026-02-27',
      source: 'Dr. Example, Bay Psychiatry',
      tags: ['appeal 1', 'appeal 1', 'urgent'],
    });
    expect(updated).toMatchObject({
      documentType: 'physician_letter',
      isTypeConfirmed: true,
      documentDate: '2026-02-27',
      source: 'Dr. Example, Bay Psychiatry',
      tags: ['appeal 1', 'urgent'],
    });
    const linked = await call('vault.link', { documentId, target: { eventId } });
    expect(linked.eventIds).toEqual([eventId]);
    expect((await call('vault.list', { eventId })).map((document) => document.id)).toEqual([documentId]);
    const unlinked = await call('vault.unlink', { documentId, target: { eventId } });
    expect(unlinked.eventIds).toEqual([]);
  });

  it('moves to the trash, restores, and removes for good after 30 days or when emptied', async () => {
    const dataDirectory = newDataDirectory();
    const { call, session, caseId } = await openTestVault(dataDirectory);
    let clock = Date.parse('2026-03-01T12:00:00Z');
    const vault = new VaultService(session, { now: () => clock });
    const pdf = await makePdf(['Clinical policy for TMS']);
    const added = await addFile(call, 'policy.pdf', pdf, { caseId });
    const documentId = added.document!.id;

    await vault.trash(documentId);
    expect(await vault.list({ caseId, inTrash: false })).toEqual([]);
    expect((await vault.list({ caseId, inTrash: true })).map((document) => document.id)).toEqual([
      documentId,
    ]);
    expect(await call('vault.search', { query: 'clinical policy' })).toEqual([]);
    await vault.restore(documentId);
    expect((await call('vault.search', { query: 'clinical policy' })).length).toBe(1);

    await vault.trash(documentId);
    clock += 29 * 24 * 60 * 60 * 1000;
    expect(await vault.list({ inTrash: true })).toHaveLength(1);
    expect(storedFiles(dataDirectory)).toHaveLength(1);
    clock += 2 * 24 * 60 * 60 * 1000;
    expect(await vault.list({ inTrash: true })).toEqual([]);
    expect(storedFiles(dataDirectory)).toEqual([]);

    const again = await addFile(call, 'other.pdf', await makePdf(['Another']), { caseId });
    await call('vault.trash', { documentId: again.document!.id });
    expect(await call('vault.emptyTrash', {})).toEqual({ removedDocuments: 1 });
    expect(storedFiles(dataDirectory)).toEqual([]);
    expect((await vault.verify()).checkedFiles).toBe(0);
  });

  it('opens a temporary copy removed on lock', async () => {
    const dataDirectory = newDataDirectory();
    const { session, caseId, call } = await openTestVault(dataDirectory);
    const opened: string[] = [];
    const vault = new VaultService(session, {
      openInViewer: async (path) => void opened.push(path),
    });
    const text = Buffer.from('Appeal letter draft for the external review.');
    const added = await addFile(call, 'appeal.txt', text, { caseId });
    const documentId = added.document!.id;

    await vault.openExternally(documentId);
    expect(opened).toHaveLength(1);
    expect(opened[0]!.startsWith(openCopiesFolder(dataDirectory))).toBe(true);
    // Advocase's own folder, readable by this user only, never the shared temp folder.
    for (const folder of [openCopiesFolder(dataDirectory), dirname(opened[0]!)]) {
      expect(statSync(folder).mode & 0o777).toBe(0o700);
    }
    expect(readFileSync(opened[0]!).equals(text)).toBe(true);
    await session.lock();
    expect(existsSync(openCopiesFolder(dataDirectory))).toBe(false);
  });

  it('refuses to file to a record that does not exist, and keeps nothing of the upload', async () => {
    const dataDirectory = newDataDirectory();
    const { call, failure } = await openTestVault(dataDirectory);
    const result = await addFile(call, 'notes.txt', Buffer.from('hello'), { caseId: 999 });
    expect(result).toMatchObject({
      outcome: 'rejected',
      message: 'Not added: There is no case with id 999.',
    });
    expect(storedFiles(dataDirectory)).toEqual([]);
    const error = await failure(
      call('vault.uploadFinish', { uploadId: 'f'.repeat(32), target: { caseId: 1 } }),
    );
    expect(error.code).toBe('NOT_FOUND');
  });
});
