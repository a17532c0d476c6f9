import { userInfo } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, powerMonitor, safeStorage } from 'electron';
import { createHandlers } from '../core/api/create-handlers';
import { lockOnTermination } from '../core/session/lock-on-termination';
import { Session } from '../core/session/session';
import { resolveDataDirectory } from '../core/storage/data-directory';
import { encryptedTeamCredentialFile } from '../core/team/encrypted-team-credential-file';
import { dialogBackupHost } from './backup-dialogs';
import { registerContractHandlers } from './ipc';
import { lockOnSystemEvents } from './lock-on-system-events';
import { registerSaveToFile } from './save-to-file';
import { installApplicationMenu } from './menu';
import { rendererUrlFor } from './renderer-url';
import { startDeadlineReminders } from './reminders';
import { enforceSingleInstance, guardWindow, hardenSession } from './security';

const here = fileURLToPath(new URL('.', import.meta.url));
const rendererUrl = rendererUrlFor({ isPackaged: app.isPackaged, env: process.env, mainDirectory: here });

const dataDirectory = resolveDataDirectory();
// Chromium's own profile (caches, local storage) stays apart from the encrypted data.
app.setPath('sessionData', join(dataDirectory, 'chromium-profile'));

// A joined team database's login and password: encrypted by the OS keychain (safeStorage) in a file
// of the app's user data folder, and never written at all when the keychain cannot encrypt.
const session = new Session({
  dataDirectory,
  actor: userInfo().username,
  teamCredentials: encryptedTeamCredentialFile(
    join(app.getPath('userData'), 'team-connection.bin'),
    safeStorage,
  ),
});
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
      // DevTools would show decrypted records to anyone at the keyboard of an installed app.
      devTools: !app.isPackaged,
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
  void app.whenReady().then(async () => {
    hardenSession();
    // The keychain answers only once the app is ready; a team joined before opens with no passphrase.
    await session.restoreJoinedTeam();
    const handlers = createHandlers(
      session,
      dialogBackupHost(() => mainWindow),
    );
    registerContractHandlers(handlers, () => mainWindow, rendererUrl);
    registerSaveToFile(handlers, () => mainWindow, rendererUrl); // Files leave through the native save dialog (docs/security.md §2).
    installApplicationMenu(() => void lockAndReload());
    lockOnSystemEvents(powerMonitor, () => void lockAndReload());
    mainWindow = createMainWindow();
    startDeadlineReminders(session, () => mainWindow); // Deadline reminders: counts only, never while locked.
  });
  app.on('window-all-closed', () => app.quit());
  lockOnTermination(session, () => app.exit(0));
  // Close the database (checkpointing its WAL) and forget the key before the process goes.
  app.on('will-quit', (event) => {
    if (session.status().state !== 'unlocked') return;
    event.preventDefault();
    void session.lock().finally(() => app.quit());
  });
}
