import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { ApiResult } from '../../src/shared/result';
import { saveToFileChannel } from '../../src/shared/save-to-file';
import { useTemporaryDataDirectory } from '../helpers/temporary-data-directory';
import { addFile, openTestVault } from '../vault/vault-helpers';

// The Electron binary cannot run here: ipcMain records the handler, the dialog is replaced per test.
const electron = vi.hoisted(() => ({
  handlers: new Map<string, (...args: unknown[]) => Promise<unknown>>(),
}));
vi.mock('electron', () => ({
  ipcMain: {
    handle: (channel: string, handler: (...args: unknown[]) => Promise<unknown>) =>
      electron.handlers.set(channel, handler),
  },
  dialog: { showSaveDialog: () => Promise.reject(new Error('the test chooses the destination')) },
  app: { getPath: () => '/nonexistent-downloads' },
}));
const { registerSaveToFile } = await import('../../src/main/save-to-file');

const newDataDirectory = useTemporaryDataDirectory();
const rendererUrl = 'file:///app/renderer/index.html';
const window = { webContents: {} };
const fromOurPage = { sender: window.webContents, senderFrame: { parent: null, url: rendererUrl } };

async function setUp(choose: (suggestedName: string) => string | null) {
  const { handlers, call, caseId } = await openTestVault(newDataDirectory());
  const text = Buffer.from('Notes from the call: approved for 8 sessions.');
  const added = await addFile(call, 'call notes.txt', text, { caseId });
  const suggested: string[] = [];
  registerSaveToFile(
    handlers,
    () => window as never,
    rendererUrl,
    async (_window, suggestedName) => {
      suggested.push(suggestedName);
      return choose(suggestedName);
    },
  );
  const handler = electron.handlers.get(saveToFileChannel)!;
  const save = (request: unknown, event: unknown = fromOurPage) =>
    handler(event, request) as Promise<ApiResult<Record<string, unknown>>>;
  return { save, suggested, text, documentId: added.document!.id };
}

describe('saving a file from the desktop app (main writes it through the native save dialog)', () => {
  it('runs the method, suggests the core’s name, writes the bytes where the person chose, and returns no bytes', async () => {
    const folder = newDataDirectory();
    const { save, suggested, text, documentId } = await setUp((name) => join(folder, `chosen ${name}`));
    const result = await save({ method: 'vault.content', input: { documentId } });
    expect(result).toEqual({
      ok: true,
      value: { fileName: 'call notes.txt', mimeType: 'text/plain', savedAs: 'chosen call notes.txt' },
    });
    expect(suggested).toEqual(['call notes.txt']);
    expect(readFileSync(join(folder, 'chosen call notes.txt')).equals(text)).toBe(true);
  });

  it('asks first, then writes a streamed export row by row where the person chose, with no partial file left', async () => {
    const folder = newDataDirectory();
    const { save, suggested } = await setUp((name) => join(folder, `chosen ${name}`));
    const result = await save({
      method: 'caseload.exportCsv',
      input: { columns: ['caseNumber', 'clientName', 'stage'] },
    });
    expect(result).toEqual({
      ok: true,
      value: {
        fileName: expect.stringMatching(/^caseload-\d{4}-\d{2}-\d{2}\.csv$/) as string,
        rowCount: 1,
        savedAs: `chosen ${suggested[0]}`,
      },
    });
    expect(readdirSync(folder)).toEqual([`chosen ${suggested[0]}`]);
    expect(readFileSync(join(folder, `chosen ${suggested[0]}`), 'utf8')).toMatch(
      /^Case,Client,Stage\r\nC-00001,[^,]+,Intake\r\n$/,
    );
    expect(
      await save({ method: 'caseload.exportCsv', input: { path: join(folder, 'x.csv') } }),
    ).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field: 'path' } });
  });

  it('writes nothing when the person cancels', async () => {
    const { save, documentId } = await setUp(() => null);
    expect(await save({ method: 'vault.content', input: { documentId } })).toMatchObject({
      ok: true,
      value: { savedAs: null },
    });
  });

  it('refuses a method that is not a file, a path slipped into the input, and another window', async () => {
    const folder = newDataDirectory();
    const { save, suggested, documentId } = await setUp((name) => join(folder, name));
    expect(await save({ method: 'session.lock', input: {} })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
    expect(
      await save({ method: 'vault.content', input: { documentId, path: join(folder, 'elsewhere.txt') } }),
    ).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field: 'path' } });
    const framed = { sender: window.webContents, senderFrame: { parent: {}, url: rendererUrl } };
    expect(await save({ method: 'vault.content', input: { documentId } }, framed)).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHORIZED' },
    });
    expect(suggested).toEqual([]);
    expect(readdirSync(folder)).toEqual([]);
  });
});
