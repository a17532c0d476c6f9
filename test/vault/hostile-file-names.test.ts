import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { AppError } from '../../src/core/errors';
import { openCopiesFolder } from '../../src/core/vault/open-copies';
import { VaultService } from '../../src/core/vault/vault-service';
import { useTemporaryDataDirectory } from '../helpers/temporary-data-directory';
import { addFile, filesUnder, makePdf, openTestVault } from './vault-helpers';

const newDataDirectory = useTemporaryDataDirectory();

/**
 * docs/security.md §2: a document must never become a program. On main before this change, `vault.update`
 * took any name and `vault.openExternally` wrote the decrypted bytes under it and handed them to
 * the OS opener, which runs .bat, .command, .hta and .desktop files.
 */
describe('hostile file names', () => {
  it.each(['run.bat', 'Invoice.command', 'x.hta', 'x.desktop', 'notes.exe', 'setup.ps1', 'report.pdf'])(
    'refuses to rename a text document to %j, saying why, and keeps its name',
    async (hostileName) => {
      const { call, failure, caseId } = await openTestVault(newDataDirectory());
      const added = await addFile(call, 'notes.txt', Buffer.from('Call notes, nothing more.'), { caseId });
      const documentId = added.document!.id;

      const error = await failure(call('vault.update', { documentId, fileName: hostileName }));
      expect(error).toMatchObject({ code: 'INVALID_INPUT', field: 'fileName' });
      expect(error.message).toContain('.txt');
      expect(error.message).toMatch(/change only the part before it/);
      expect((await call('vault.get', { documentId })).fileName).toBe('notes.txt');
    },
  );

  it('says a program type would be run, not just that it is refused', async () => {
    const { call, failure, caseId } = await openTestVault(newDataDirectory());
    const added = await addFile(call, 'notes.txt', Buffer.from('Call notes.'), { caseId });
    const error = await failure(
      call('vault.update', { documentId: added.document!.id, fileName: 'run.bat' }),
    );
    expect(error.message).toMatch(/program/);
  });

  it.each([
    ['Appeal draft', 'Appeal draft.txt'],
    ['Appeal draft.txt', 'Appeal draft.txt'],
    ['Appeal draft.TXT', 'Appeal draft.TXT'],
    ['Call 2026.03.15', 'Call 2026.03.15.txt'],
    ['Appeal.', 'Appeal.txt'],
  ])('renaming edits the name part: %j becomes %j', async (requested, expected) => {
    const { call, caseId } = await openTestVault(newDataDirectory());
    const added = await addFile(call, 'notes.txt', Buffer.from('Call notes.'), { caseId });
    const updated = await call('vault.update', { documentId: added.document!.id, fileName: requested });
    expect(updated.fileName).toBe(expected);
  });

  it('a PDF may not be renamed to another document type either', async () => {
    const { call, failure, caseId } = await openTestVault(newDataDirectory());
    const pdf = await addFile(call, 'denial.pdf', await makePdf(['Denied.']), { caseId });
    expect(
      (await failure(call('vault.update', { documentId: pdf.document!.id, fileName: 'denial.txt' }))).message,
    ).toContain('.pdf');
  });

  it('refuses to open a document whose stored name is not its content’s type, and writes nothing', async () => {
    const dataDirectory = newDataDirectory();
    const { session, call, caseId } = await openTestVault(dataDirectory);
    const opened: string[] = [];
    const vault = new VaultService(session, {
      openInViewer: async (path) => void opened.push(path),
    });
    const added = await addFile(call, 'notes.txt', Buffer.from('@echo off\r\necho hello'), { caseId });
    const documentId = added.document!.id;
    // A name given before names were checked (an older store): written straight into the database.
    await session.useStore(({ db }) =>
      db.updateTable('documents').set({ file_name: 'run.bat' }).where('id', '=', documentId).execute(),
    );

    const refusal = await vault.openExternally(documentId).then(
      () => null,
      (error: AppError) => error,
    );
    expect(refusal?.code).toBe('INVALID_INPUT');
    expect(refusal?.message).toMatch(/ends in \.bat, a kind of file your computer may run as a program/);
    expect(opened).toEqual([]);
    expect(openCopiesLeft(dataDirectory)).toEqual([]);

    // A download of it is named for what it is.
    expect((await call('vault.content', { documentId })).fileName).toBe('run.bat.txt');
    // Renaming it gives it back its type's ending, and then it opens.
    expect((await call('vault.update', { documentId, fileName: 'run' })).fileName).toBe('run.txt');
    await vault.openExternally(documentId);
    expect(opened).toHaveLength(1);
    expect(opened[0]!.endsWith('run.txt')).toBe(true);
  });

  it('refuses to open a file whose content is not what its name says (checked again at opening)', async () => {
    const dataDirectory = newDataDirectory();
    const { session, call, caseId } = await openTestVault(dataDirectory);
    const opened: string[] = [];
    const vault = new VaultService(session, {
      openInViewer: async (path) => void opened.push(path),
    });
    const added = await addFile(call, 'denial.pdf', await makePdf(['Denied.']), { caseId });
    const documentId = added.document!.id;
    await session.useStore(({ db }) =>
      db.updateTable('documents').set({ file_name: 'denial.png' }).where('id', '=', documentId).execute(),
    );
    await expect(vault.openExternally(documentId)).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    expect(opened).toEqual([]);
    expect(openCopiesLeft(dataDirectory)).toEqual([]);
  });
});

/** Decrypted copies left in Advocase's private open-in-another-app folder. */
function openCopiesLeft(dataDirectory: string): string[] {
  const folder = openCopiesFolder(dataDirectory);
  return existsSync(folder) ? filesUnder(folder) : [];
}
