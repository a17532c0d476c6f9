import { app, dialog, session, shell, type BrowserWindow } from 'electron';
import { contentSecurityPolicy } from '../shared/bridge';

/**
 * Electron's security checklist applied once for the whole app: a strict CSP on every response,
 * every permission refused, no navigation away, no new windows, and external links only over
 * https after the user says yes.
 */
export function hardenSession(): void {
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [contentSecurityPolicy] },
    });
  });
  session.defaultSession.setPermissionRequestHandler((_webContents, _permission, callback) =>
    callback(false),
  );
  session.defaultSession.setPermissionCheckHandler(() => false);
}

async function confirmExternalLink(window: BrowserWindow, url: string): Promise<void> {
  const parsed = new URL(url);
  if (parsed.protocol !== 'https:') return;
  const { response } = await dialog.showMessageBox(window, {
    type: 'question',
    buttons: ['Open in browser', 'Cancel'],
    defaultId: 1,
    cancelId: 1,
    message: `Open ${parsed.host} in your web browser?`,
    detail: url,
  });
  if (response === 0) await shell.openExternal(parsed.toString());
}

export function guardWindow(window: BrowserWindow, rendererUrl: string): void {
  const stayOnOurPage = (event: { preventDefault(): void }, url: string) => {
    if (url.split('#')[0] === rendererUrl.split('#')[0]) return;
    event.preventDefault();
    void confirmExternalLink(window, url);
  };
  window.webContents.on('will-navigate', (event, url) => stayOnOurPage(event, url));
  // A server redirect and a navigation inside a frame are navigations too (docs/security.md §7).
  window.webContents.on('will-redirect', (event, url) => stayOnOurPage(event, url));
  window.webContents.on('will-frame-navigate', (event) => stayOnOurPage(event, event.url));
  window.webContents.setWindowOpenHandler(({ url }) => {
    void confirmExternalLink(window, url);
    return { action: 'deny' };
  });
  window.webContents.on('will-attach-webview', (event) => event.preventDefault());
}

export function enforceSingleInstance(): boolean {
  return app.requestSingleInstanceLock();
}
