import { dialog, type BrowserWindow } from 'electron';
import type { BackupHost } from '../core/backup/backup-host';

/**
 * The desktop app's answer to "where": the system's own folder and file dialogs, so the path comes
 * from the user through the OS and never from the renderer (docs/security.md §2).
 */
export function dialogBackupHost(getWindow: () => BrowserWindow | null): BackupHost {
  async function ask(options: Electron.OpenDialogOptions): Promise<string | null> {
    const window = getWindow();
    const result = window
      ? await dialog.showOpenDialog(window, options)
      : await dialog.showOpenDialog(options);
    return result.canceled ? null : (result.filePaths[0] ?? null);
  }
  return {
    chooseFolder: () =>
      ask({
        title: 'Choose where Advocase keeps its backups',
        buttonLabel: 'Use this folder',
        properties: ['openDirectory', 'createDirectory'],
      }),
    chooseBackupFile: () =>
      ask({
        title: 'Choose an Advocase backup',
        buttonLabel: 'Choose backup',
        properties: ['openFile'],
        filters: [{ name: 'Advocase backups', extensions: ['advocase-backup'] }],
      }),
    knownFolder: process.env.ADVOCASE_BACKUP_DIR || null,
    canChooseFile: true,
    runsAutomaticBackups: true,
  };
}
