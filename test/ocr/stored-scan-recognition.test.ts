import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrations } from '../../src/core/db/migrations';
import { openStore } from '../../src/core/db/store';
import { stopOcrEngine } from '../../src/core/ocr/recognize-document';
import { runAdvocase } from '../helpers/run-cli-in-process';
import { useTemporaryDataDirectory } from '../helpers/temporary-data-directory';
import {
  addFile,
  filesContaining,
  makePdf,
  openTestVault,
  passphrase,
  type Call,
} from '../vault/vault-helpers';
import { denialNoticeLines, pdfToPng, imageToPdf, scanLike, typesetPdf } from './scanned-notice';

const newDataDirectory = useTemporaryDataDirectory();
const ocrTimeout = 180_000;
/** A number printed only in the scan's image: nothing else in the vault holds it. */
const memberId = 'BHX482913577';

let scannedPdf: Buffer;
let scannedPng: Buffer;

beforeAll(async () => {
  const page = pdfToPng(await typesetPdf(denialNoticeLines), 200);
  scannedPng = await scanLike(page, { sigma: 30 });
  // A scanner's PDF holds a JPEG of the page, which img2pdf embeds as it is.
  scannedPdf = imageToPdf(await scanLike(page, { sigma: 30, format: 'jpeg' }));
}, 60_000);

afterAll(async () => {
  await stopOcrEngine();
});

/** Polls recognition progress until the document's job reports having started Tesseract's work. */
async function waitForProgress(call: Call, documentId: number, atLeast: number) {
  for (;;) {
    const progress = await call('vault.recognitionProgress', {});
    const mine = progress.find((entry) => entry.documentId === documentId);
    if (mine && mine.fraction >= atLeast) return mine;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('recognising the text of a stored scan', () => {
  it(
    'makes a scanned PDF searchable, in the vault and in global search, by a word only in its image',
    async () => {
      const dataDirectory = newDataDirectory();
      const { call, caseId, session } = await openTestVault(dataDirectory);
      const added = await addFile(call, 'fax-2026-03-14.pdf', scannedPdf, { caseId });
      expect(added.document?.textStatus).toBe('no_text');
      expect(added.message).toContain('choose Recognise text beside it');
      const documentId = added.document!.id;
      expect(await call('vault.search', { query: memberId })).toEqual([]);

      const job = call('vault.recognizeText', { documentId });
      const running = await waitForProgress(call, documentId, 0.1);
      expect(running).toMatchObject({ documentId, page: 1, pageCount: 1 });
      const { outcome, document } = await job;

      expect(outcome).toBe('recognised');
      expect(document.textStatus).toBe('indexed');
      expect(document.recognisedText?.confidence).toBeGreaterThan(70);
      expect(document.recognisedText?.confidence).toBeLessThanOrEqual(100);
      // Its text now says what it is: a denial (the type could not be guessed from a blank scan).
      expect(document.documentType).toBe('denial_letter');
      expect(await call('vault.recognitionProgress', {})).toEqual([]);

      const hits = await call('vault.search', { query: memberId });
      expect(hits.map((hit) => hit.document.id)).toEqual([documentId]);
      expect(hits[0]?.snippet.filter((part) => part.isMatch).map((part) => part.text)).toEqual([memberId]);

      const found = await call('search.global', { text: 'proton beam' });
      const documents = found.groups.find((group) => group.kind === 'document');
      expect(documents?.results).toMatchObject([
        { kind: 'document', id: documentId, target: { name: 'case', caseId, tab: 'documents' } },
      ]);

      // The recognised words live only inside the encrypted database.
      await session.lock();
      expect(filesContaining(dataDirectory, memberId)).toEqual([]);
      expect(filesContaining(dataDirectory, 'proton beam')).toEqual([]);
    },
    ocrTimeout,
  );

  it(
    'leaves the document as it was when cancelled',
    async () => {
      const { call, caseId, session } = await openTestVault(newDataDirectory());
      const added = await addFile(call, 'photo-of-notice.png', scannedPng, { caseId });
      const documentId = added.document!.id;
      const job = call('vault.recognizeText', { documentId });
      await waitForProgress(call, documentId, 0.2);
      await call('vault.cancelRecognition', { documentId });
      const { outcome, document } = await job;
      expect(outcome).toBe('cancelled');
      expect(document.textStatus).toBe('no_text');
      expect(document.recognisedText).toBeNull();
      expect(await call('vault.search', { query: memberId })).toEqual([]);
      await session.lock();
    },
    ocrTimeout,
  );

  it('refuses, with the reason, a document that has its own text', async () => {
    const { call, caseId, failure, session } = await openTestVault(newDataDirectory());
    const textPdf = await addFile(call, 'letter.pdf', await makePdf(['Appeal letter text.']), { caseId });
    const notes = await addFile(call, 'notes.txt', Buffer.from('Called the payer.'), { caseId });
    expect(await failure(call('vault.recognizeText', { documentId: textPdf.document!.id }))).toMatchObject({
      code: 'INVALID_INPUT',
      message: 'This PDF has a text layer, which is already searchable; there is nothing to recognise.',
    });
    expect(await failure(call('vault.recognizeText', { documentId: notes.document!.id }))).toMatchObject({
      code: 'INVALID_INPUT',
      message: 'This document is text already; there is nothing to recognise.',
    });
    await session.lock();
  });

  it(
    'advocase vault ocr --all recognises every stored scan never recognised, and says how sure it is',
    async () => {
      const dataDirectory = newDataDirectory();
      const { call, caseId, session } = await openTestVault(dataDirectory);
      const scan = await addFile(call, 'scan.png', scannedPng, { caseId });
      await addFile(call, 'letter.pdf', await makePdf(['Appeal letter text.']), { caseId });
      await session.lock();
      const env = { ADVOCASE_DATA_DIR: dataDirectory, ADVOCASE_PASSPHRASE: passphrase };

      const first = await runAdvocase(['vault', 'ocr', '--all'], env);
      expect(first.stderr).toBe('');
      expect(first.code).toBe(0);
      expect(first.stdout).toMatch(
        new RegExp(
          `^scan\\.png \\(document ${scan.document!.id}\\): text recognised, confidence \\d{2,3} %; its words are searchable now\\.\\n$`,
        ),
      );
      const search = await runAdvocase(['vault', 'search', memberId], env);
      expect(search.stdout).toContain(`${scan.document!.id}\tscan.png\t`);

      const again = await runAdvocase(['vault', 'ocr', '--all'], env);
      expect(again.stdout).toBe('No stored scan or picture is waiting for its text to be recognised.\n');
      const usage = await runAdvocase(['vault', 'ocr'], env);
      expect(usage.code).toBe(2);
      expect(usage.stderr).toContain('Say which documents: vault ocr --all, or vault ocr --document ID.');
    },
    ocrTimeout,
  );
});

describe('migration 0090-recognised-text', () => {
  it('keeps the documents stored before it, their text not marked as recognised', async () => {
    const path = join(newDataDirectory(), 'advocase.db');
    const dataKey = randomBytes(32);
    const names = Object.keys(migrations);
    const old = await openStore(path, dataKey, { upTo: names[names.indexOf('0090-recognised-text') - 1]! });
    const now = '2026-01-05T10:00:00.000Z';
    const blob = await old.db
      .insertInto('vault_blobs')
      .values({
        storage_id: 'a'.repeat(32),
        plaintext_sha256: 'b'.repeat(64),
        size_bytes: 10,
        created_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await old.db
      .insertInto('documents')
      .values({
        blob_id: blob.id,
        file_name: 'scan.pdf',
        media_type: 'pdf',
        document_type: 'other',
        suggested_type: 'other',
        is_type_confirmed: 0,
        document_date: null,
        source: null,
        page_count: 1,
        tags: '[]',
        text_status: 'no_text',
        created_at: now,
        updated_at: now,
        deleted_at: null,
      })
      .execute();
    await old.close();

    const store = await openStore(path, dataKey);
    const row = await store.db
      .selectFrom('documents')
      .select(['file_name', 'text_status', 'text_confidence', 'text_recognised_at'])
      .executeTakeFirstOrThrow();
    expect(row).toEqual({
      file_name: 'scan.pdf',
      text_status: 'no_text',
      text_confidence: null,
      text_recognised_at: null,
    });
    await store.close();
  });
});
