import { randomBytes } from 'node:crypto';
import { describe, expect, it, onTestFinished } from 'vitest';
import { startContractSession, type ContractSession } from '../helpers/contract-session';
import { storeEngines } from '../helpers/test-stores';
import { useTemporaryDataDirectory } from '../helpers/temporary-data-directory';
import { addFile, filesUnder, makePdf } from './vault-helpers';

const newDataDirectory = useTemporaryDataDirectory();

/** A case to file documents to, through the contract. */
async function caseOn(session: ContractSession) {
  const client = await session.call('clients.create', { fullName: 'Zoë Example', state: 'CA' });
  const opened = await session.call('cases.create', { clientId: client.id, treatment: 'esketamine' });
  return { clientId: client.id, caseId: opened.id };
}

// The same vault code runs over both stores (src/core/vault/stored-files.ts): encrypted files in
// the data folder, or chunks in the team's database.
describe.each(storeEngines)('documents on %s', (engine) => {
  it('adds, lists, previews, downloads, trashes, restores and deletes a document', async () => {
    const dataDirectory = newDataDirectory();
    const session = await startContractSession(dataDirectory, 'navigator', engine);
    onTestFinished(() => session.close());
    const { caseId, clientId } = await caseOn(session);
    const marker = `Zq${randomBytes(8).toString('hex')}`;
    const pdf = await makePdf(['Adverse benefit determination', `Spravato was denied. Reference ${marker}.`]);

    const added = await addFile(session.call, 'Denial letter.pdf', pdf, { caseId });
    expect(added).toMatchObject({ outcome: 'added', document: { pageCount: 2, textStatus: 'indexed' } });
    const documentId = added.document!.id;
    // The same file again is stored once and filed in both places.
    const again = await addFile(session.call, 'copy.pdf', pdf, { clientId });
    expect(again).toMatchObject({ outcome: 'duplicate', document: { id: documentId } });

    expect((await session.call('vault.list', { caseId })).map((document) => document.fileName)).toEqual([
      'Denial letter.pdf',
    ]);
    expect((await session.call('vault.search', { query: marker })).map((hit) => hit.document.id)).toEqual([
      documentId,
    ]);
    const preview = await session.call('vault.preview', { documentId });
    expect(preview.kind === 'pdf' && Buffer.from(preview.data, 'base64').equals(pdf)).toBe(true);
    // Download: the bytes main writes to the file the person chooses.
    const download = await session.call('vault.content', { documentId });
    expect(download).toMatchObject({ fileName: 'Denial letter.pdf', mimeType: 'application/pdf' });
    expect(Buffer.from(download.data, 'base64').equals(pdf)).toBe(true);

    await session.call('vault.trash', { documentId });
    expect(await session.call('vault.list', { caseId })).toEqual([]);
    await session.call('vault.restore', { documentId });
    expect((await session.call('vault.list', { caseId })).map((document) => document.id)).toEqual([
      documentId,
    ]);
    expect(await session.call('vault.verify', {})).toMatchObject({ checkedFiles: 1, failures: [] });

    await session.call('vault.trash', { documentId });
    expect(await session.call('vault.emptyTrash', {})).toEqual({ removedDocuments: 1 });
    expect((await session.failure('vault.preview', { documentId })).code).toBe('NOT_FOUND');
    expect(await session.call('vault.verify', { removeLeftovers: true })).toMatchObject({
      checkedFiles: 0,
      leftovers: { filesWithoutRecord: 0, recordsWithoutDocument: 0 },
    });
    // A file larger than one chunk comes back whole, in order.
    const large = Buffer.from(`Progress note ${marker}. `.repeat(150_000));
    const big = await addFile(session.call, 'notes.txt', large, { caseId });
    const bigDownload = await session.call('vault.content', { documentId: big.document!.id });
    expect(Buffer.from(bigDownload.data, 'base64').equals(large)).toBe(true);
    // A team database's documents never reach the data folder.
    if (engine === 'postgres') expect(filesUnder(dataDirectory)).toEqual([]);
  });
});
