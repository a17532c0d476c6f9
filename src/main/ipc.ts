import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import { dispatch } from '../core/api/dispatch';
import { ipcChannelFor } from '../shared/bridge';
import { methodNames, type ContractHandlers } from '../shared/contract/index';

/** Only our own window's top frame, showing our own page, may call. */
export function isTrustedSender(
  event: IpcMainInvokeEvent,
  window: BrowserWindow,
  rendererUrl: string,
): boolean {
  const frame = event.senderFrame;
  return (
    event.sender === window.webContents &&
    frame !== null &&
    frame.parent === null &&
    new URL(frame.url).origin === new URL(rendererUrl).origin &&
    (frame.url.startsWith('file:') ? frame.url.split('#')[0] === rendererUrl.split('#')[0] : true)
  );
}

export function registerContractHandlers(
  handlers: ContractHandlers,
  getWindow: () => BrowserWindow | null,
  rendererUrl: string,
): void {
  for (const method of methodNames) {
    ipcMain.handle(ipcChannelFor(method), (event, input: unknown) => {
      const window = getWindow();
      if (!window || !isTrustedSender(event, window, rendererUrl)) {
        return {
          ok: false,
          error: { code: 'UNAUTHORIZED', message: 'This window may not use Advocase data.' },
        };
      }
      return dispatch(handlers, method, input);
    });
  }
}
