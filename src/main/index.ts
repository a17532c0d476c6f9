import { userInfo } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { app, BrowserWindow } from 'electron';
import { createHandlers } from '../core/api/create-handlers';
import { Session } from '../core/session/session';
import { resolveDataDirectory } from '../core/storage/data-directory';
import { registerContractHandlers } from './ipc';
import { registerSaveToFile } from './save-to-file';
import { installApplicationMenu } from './menu';
import { startDeadlineReminders } from './reminders';
import { enforceSingleInstance, guardWindow, hardenSession } from './security';

const here = fileURLToPath(new URL('.', import.meta.url));
const rendererUrl =
  process.env.ELECTRON_RENDERER_URL ?? pathToFileURL(join(here, '../renderer/index.html')).toString();

const dataDirectory = resolveDataDirectory();
// Chromium's own profile (caches, local storage) stays apart from the encrypted data.
app.setPath('sessionData', join(dataDirectory, 'chromium-profile'));

const session = new Session({ dataDirectory, actor: userInfo().username });
let mainWindow: BrowserWindow | null = null;

function createMainWindow(): BrowserWindow {
  const window = new BrowserWindow({
    width: 1360,
    height: 860,
    minWidth: 960,
    minHeight: 600,
    show: false,
    title: 'Advocase',
    backgroundColor: '#f5f6f8',
    icon: join(here, '../../resources/icon.png'),
    webPreferences: {
      preload: join(here, '../preload/index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
      // Middle-click would otherwise open links in new windows, bypassing the window-open handler.
      disableBlinkFeatures: 'Auxclick',
    },
  });
  guardWindow(window, rendererUrl);
  window.once('ready-to-show', () => window.show());
  void window.loadURL(rendererUrl);
  return window;
}

async function lockAndReload(): Promise<void> {
  await session.lock();
  mainWindow?.webContents.reload();
}

if (!enforceSingleInstance()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (mainWindow?.isMinimized()) mainWindow.restore();
    mainWindow?.focus();
  });
  void app.whenReady().then(() => {
    hardenSession();
    const handlers = createHandlers(session);
    registerContractHandlers(handlers, () => mainWindow, rendererUrl);
    registerSaveToFile(handlers, () => mainWindow, rendererUrl); // Files leave through the native save dialog (issue 12 §2).
    installApplicationMenu(() => void lockAndReload());
    mainWindow = createMainWindow();
    startDeadlineReminders(session, () => mainWindow); // Deadline reminders (issue 4): counts only, never while locked.
  });
  app.on('window-all-closed', () => app.quit());
  // Close the database (checkpointing its WAL) and forget the key before the process goes.
  app.on('will-quit', (event) => {
    if (session.status().state !== 'unlocked') return;
    event.preventDefault();
    void session.lock().finally(() => app.quit());
  });
}
