import { basename, join } from 'node:path';
import { app, dialog, ipcMain, type BrowserWindow } from 'electron';
import { dispatch } from '../core/api/dispatch';
import { writeAtomically } from '../core/exports/write-atomically';
import { cleanFileName } from '../core/vault/file-kinds';
import type { ContractHandlers } from '../shared/contract';
import type { ApiResult } from '../shared/result';
import {
  isSaveToFileMethod,
  isStreamedSaveMethod,
  saveToFileChannel,
  type FileOutput,
} from '../shared/save-to-file';
import { isTrustedSender } from './ipc';

/** Asks the person where to save; null when they cancel. The native dialog also asks before replacing a file. */
export type ChooseDestination = (window: BrowserWindow, suggestedName: string) => Promise<string | null>;

const nativeSaveDialog: ChooseDestination = async (window, suggestedName) => {
  const { canceled, filePath } = await dialog.showSaveDialog(window, {
    defaultPath: join(app.getPath('downloads'), suggestedName),
  });
  return canceled || !filePath ? null : filePath;
};

/**
 * docs/security.md §2: the renderer never names a place on disk. It asks for one of the save-to-file
 * methods (shared/save-to-file.ts); main runs it through the same dispatch as every call, shows
 * the native save dialog with the core's suggested name, and writes the bytes where the person
 * chose (a streamed method writes them itself, as it makes them). The renderer gets the method's
 * report without the bytes, and the name saved under.
 */
export function registerSaveToFile(
  handlers: ContractHandlers,
  getWindow: () => BrowserWindow | null,
  rendererUrl: string,
  chooseDestination: ChooseDestination = nativeSaveDialog,
): void {
  ipcMain.handle(saveToFileChannel, async (event, request: unknown): Promise<ApiResult<unknown>> => {
    const window = getWindow();
    if (!window || !isTrustedSender(event, window, rendererUrl)) {
      return {
        ok: false,
        error: { code: 'UNAUTHORIZED', message: 'This window may not use Advocase data.' },
      };
    }
    const { method, input } = (request ?? {}) as { method?: unknown; input?: unknown };
    if (!isSaveToFileMethod(method)) {
      return {
        ok: false,
        error: { code: 'INVALID_INPUT', message: 'That is not something Advocase saves to a file.' },
      };
    }
    if (isStreamedSaveMethod(method)) {
      // Asked first, then written as it is made: the file is never whole in memory.
      return dispatch(handlers, method, input, async (suggestedName, write) => {
        const destination = await chooseDestination(window, cleanFileName(suggestedName));
        if (destination === null) return null;
        await writeAtomically(destination, write);
        return basename(destination);
      });
    }
    const result = await dispatch(handlers, method, input);
    if (!result.ok) return result;
    const { data, ...report } = result.value as FileOutput;
    const destination = await chooseDestination(window, cleanFileName(report.fileName));
    if (destination === null) return { ok: true, value: { ...report, savedAs: null } };
    const bytes = Buffer.from(data, 'base64');
    try {
      await writeAtomically(destination, async (stream) => {
        const writer = stream.getWriter();
        await writer.write(bytes);
        await writer.close();
      });
    } catch {
      return {
        ok: false,
        error: {
          code: 'INTERNAL',
          message: 'The file could not be saved there. Choose another folder and try again.',
        },
      };
    } finally {
      // Plaintext of a health record: not kept in memory longer than the write.
      bytes.fill(0);
    }
    return { ok: true, value: { ...report, savedAs: basename(destination) } };
  });
}
