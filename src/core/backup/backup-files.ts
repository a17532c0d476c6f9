import { readdir, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { AppError } from '../errors';
import { readBackupIndex } from './backup-archive';

export const backupExtension = '.advocase-backup';
const backupNamePattern = /^[A-Za-z0-9][A-Za-z0-9 ._()-]{0,200}\.advocase-backup$/;

/** One backup file as a folder listing shows it. */
export type BackupFile = {
  /** The file's name in its folder; the renderer names a backup by this, never by a path. */
  readonly name: string;
  readonly path: string;
  readonly createdAt: string | null;
  readonly sizeBytes: number;
  /** Set when the file's table of contents cannot be read: it is damaged or not a backup. */
  readonly problem: string | null;
};

/** `advocase-2026-12-06-091200.advocase-backup`, in the computer's own time: sorts by date. */
export function backupFileName(createdAt: Date, attempt = 0): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  const stamp =
    `${createdAt.getFullYear()}-${pad(createdAt.getMonth() + 1)}-${pad(createdAt.getDate())}-` +
    `${pad(createdAt.getHours())}${pad(createdAt.getMinutes())}${pad(createdAt.getSeconds())}`;
  return `advocase-${stamp}${attempt === 0 ? '' : `-${attempt + 1}`}${backupExtension}`;
}

export function isBackupFileName(name: string): boolean {
  return backupNamePattern.test(name);
}

/** Finds a backup by its name inside a folder; a name is never a path. */
export function backupPathInFolder(folder: string, name: string): string {
  if (!isBackupFileName(name) || basename(name) !== name) {
    throw new AppError(
      'NOT_FOUND',
      'There is no such backup in the backup folder. Refresh the list.',
      'name',
    );
  }
  return join(folder, name);
}

/** The backups in a folder, newest first; files that are not backups are left out. */
export async function listBackups(folder: string): Promise<BackupFile[]> {
  const names = await readdir(folder).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT' || error.code === 'ENOTDIR') throw folderUnavailable();
    throw error;
  });
  const backups: BackupFile[] = [];
  for (const name of names.filter(isBackupFileName)) {
    const path = join(folder, name);
    const info = await stat(path).catch(() => null);
    if (!info?.isFile()) continue;
    try {
      const index = await readBackupIndex(path);
      backups.push({ name, path, createdAt: index.createdAt, sizeBytes: info.size, problem: null });
    } catch (error) {
      const problem = error instanceof AppError ? error.message : 'It cannot be read.';
      backups.push({ name, path, createdAt: null, sizeBytes: info.size, problem });
    }
  }
  return backups.sort((a, b) => (b.createdAt ?? '').localeCompare(a.createdAt ?? ''));
}

export function folderUnavailable(): AppError {
  return new AppError(
    'NOT_FOUND',
    'The backup folder is not available. Connect the drive it is on, or choose another folder.',
  );
}

export async function assertFolderAvailable(folder: string): Promise<void> {
  const info = await stat(folder).catch(() => null);
  if (!info?.isDirectory()) throw folderUnavailable();
}
