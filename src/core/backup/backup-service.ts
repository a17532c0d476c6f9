import { randomBytes } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import type {
  BackupContentsSummary,
  BackupListItem,
  BackupProgress,
  BackupStatus,
} from '../../shared/schemas/backup';
import { AppError } from '../errors';
import { logger } from '../logging/logger';
import type { OpenData, Session } from '../session/session';
import {
  checkBackupContents,
  checkBackupFile,
  describeCheckedParts,
  describeHoldings,
  type BackupContents,
  type BackupSecret,
} from './backup-contents';
import type { BackupHost } from './backup-host';
import { listBackups, type BackupFile } from './backup-files';
import { readBackupPreferences, writeBackupPreference } from './backup-preferences';
import { newWorkProgress, type WorkProgress } from './backup-progress';
import { backupsToRemove, defaultBackupsToKeep } from './backup-retention';
import { createBackup } from './create-backup';
import {
  commitStagedRestore,
  discardStagedRestore,
  stageRestore,
  type StagedRestore,
} from './restore-backup';

const day = 24 * 60 * 60 * 1000;
/** How often the app looks whether the daily backup is due (it runs only while unlocked). */
const scheduleCheckMs = 15 * 60 * 1000;

function summary(name: string, contents: BackupContents): BackupContentsSummary {
  return {
    name,
    createdAt: contents.createdAt,
    sizeBytes: contents.sizeBytes,
    clients: contents.clients,
    cases: contents.cases,
    documents: contents.documents,
  };
}

/**
 * Backups for one session: the work behind the `backup.*` methods, the daily schedule and the
 * backup at lock or quit. One piece of backup work runs at a time; its progress can be read and
 * cancelled from the window.
 */
export class BackupService {
  /** Backups the window may name, by the id the app gave them: the renderer never names a path. */
  private readonly knownBackups = new Map<string, string>();
  private running: WorkProgress | null = null;
  private staged: StagedRestore | null = null;

  constructor(
    private readonly session: Session,
    private readonly host: BackupHost,
  ) {
    if (!host.runsAutomaticBackups) return;
    session.onBeforeLock((open) => this.backUpIfDue('lock', open));
    setInterval(() => void this.backUpIfDue('schedule'), scheduleCheckMs).unref();
  }

  status(): Promise<BackupStatus> {
    return this.session.useStore(async ({ db }) => {
      const preferences = await readBackupPreferences(db);
      const lastGoodAt = preferences.last ? Date.parse(preferences.last.at) : null;
      const failure = preferences.lastFailure;
      return {
        folder: preferences.folder,
        keep: defaultBackupsToKeep,
        lastBackup: preferences.last,
        lastFailure: failure && (lastGoodAt === null || Date.parse(failure.at) > lastGoodAt) ? failure : null,
        isOverdue: lastGoodAt === null || this.session.now() - lastGoodAt > day,
        running: this.progress(),
      };
    });
  }

  async chooseFolder(): Promise<BackupStatus> {
    await this.session.useStore(async () => undefined);
    const folder = await this.host.chooseFolder();
    if (folder === null && !this.host.canChooseFile) {
      throw new AppError(
        'INVALID_INPUT',
        'This browser version cannot show a folder picker. Start it with ADVOCASE_BACKUP_DIR set to the backup folder.',
      );
    }
    if (folder !== null) {
      await this.session.useStore(({ db }) =>
        writeBackupPreference(db, this.session.actor, 'backup.folder', folder),
      );
    }
    return this.status();
  }

  progress(): BackupProgress | null {
    if (!this.running) return null;
    const { phase, doneBytes, totalBytes } = this.running;
    return { phase, doneBytes, totalBytes };
  }

  cancel(): void {
    if (this.running) this.running.isCancelled = true;
  }

  /** "Back up now". */
  create(): Promise<BackupContentsSummary> {
    return this.session.useDataKey((open) => this.createFrom(open));
  }

  /** Writes, checks and thins: the one path for "Back up now", the daily backup and the one at lock. */
  private async createFrom({ store, dataKey, dataDirectory }: OpenData): Promise<BackupContentsSummary> {
    const { db } = store;
    const folder = (await readBackupPreferences(db)).folder;
    if (!folder) {
      throw new AppError(
        'INVALID_INPUT',
        'Choose a backup folder first (Settings → Backups → Choose folder).',
      );
    }
    const created = await this.runExclusively('Starting the backup', async (progress) => {
      try {
        return await createBackup({
          db,
          dataDirectory,
          dataKey,
          folder,
          actor: this.session.actor,
          progress,
          now: this.session.now,
        });
      } catch (error) {
        const message = error instanceof AppError ? error.message : 'The backup could not be written.';
        await writeBackupPreference(db, this.session.actor, 'backup.lastFailure', {
          at: new Date(this.session.now()).toISOString(),
          message,
        }).catch(() => undefined);
        throw error;
      }
    });
    await writeBackupPreference(db, this.session.actor, 'backup.last', {
      at: created.contents.createdAt,
      name: created.name,
      sizeBytes: created.contents.sizeBytes,
      isVerified: true,
    });
    await this.thin(folder);
    return summary(created.name, created.contents);
  }

  async list(): Promise<{ folder: string | null; backups: BackupListItem[]; canChooseFile: boolean }> {
    const folder =
      this.session.status().state === 'unlocked'
        ? ((await this.session.useStore(async ({ db }) => (await readBackupPreferences(db)).folder)) ??
          this.host.knownFolder)
        : this.host.knownFolder;
    const backups = folder === null ? [] : await listBackups(folder);
    return {
      folder,
      backups: backups.map((backup) => this.remember(backup)),
      canChooseFile: this.host.canChooseFile,
    };
  }

  async chooseFile(): Promise<BackupListItem | null> {
    const path = await this.host.chooseBackupFile();
    if (path === null) return null;
    const folderListing = await listBackups(dirname(path)).catch(() => []);
    const found = folderListing.find((backup) => backup.path === path);
    if (!found) {
      throw new AppError(
        'INVALID_INPUT',
        'This file is not an Advocase backup. Choose a file whose name ends in .advocase-backup.',
      );
    }
    return this.remember(found);
  }

  /** Checks a listed backup. One made under an earlier key is checked byte for byte here, fully at restore. */
  verify(id: string): Promise<{ message: string }> {
    const path = this.pathOf(id);
    return this.runExclusively('Checking the backup', async (progress) => {
      const index = await checkBackupFile(path, progress);
      const contents = await this.session
        .useDataKey(({ dataKey }) => checkBackupContents(path, index, dataKey, progress))
        .catch((error: unknown) => {
          if (error instanceof AppError && /cannot be read with its key/.test(error.message)) return null;
          throw error;
        });
      if (!contents) {
        return {
          message:
            'Every byte matches its checksum. This backup was made under an earlier encryption key, so its contents are checked in full when you restore it.',
        };
      }
      return {
        message: `Backup checked: ${describeCheckedParts(contents)} are intact. It holds ${describeHoldings(contents)}.`,
      };
    });
  }

  async prepareRestore(id: string, secret: BackupSecret): Promise<BackupContentsSummary> {
    const path = this.pathOf(id);
    await this.discardRestore();
    const staged = await this.runExclusively('Checking the backup', (progress) =>
      stageRestore(path, this.session.dataDirectory, secret, this.session.actor, progress),
    );
    this.staged = staged;
    return summary(staged.backupName, staged.contents);
  }

  async restore(): Promise<{ setAsideFolder: string | null }> {
    const staged = this.staged;
    if (!staged) throw new AppError('NOT_FOUND', 'Choose a backup and check it before restoring.');
    this.staged = null;
    const result = await this.session.replaceDataWhileLocked((dataDirectory) =>
      commitStagedRestore(staged, dataDirectory, new Date(this.session.now())),
    );
    logger.info('backup.restored');
    return result;
  }

  async discardRestore(): Promise<void> {
    const staged = this.staged;
    this.staged = null;
    if (staged) await discardStagedRestore(staged);
  }

  /**
   * The daily backup, checked on a timer and at lock. At lock the store is already out of reach
   * of other calls and is handed over by the session; on the timer it is borrowed without
   * counting as the user's activity, so it never holds off the automatic lock.
   */
  private async backUpIfDue(trigger: 'lock' | 'schedule', openAtLock?: OpenData): Promise<void> {
    if (this.running) return;
    if (!openAtLock && this.session.status().state !== 'unlocked') return;
    const backUpIfOlderThanADay = async (open: OpenData) => {
      const { folder, last } = await readBackupPreferences(open.store.db);
      if (!folder || (last && this.session.now() - Date.parse(last.at) < day)) return;
      await this.createFrom(open);
      logger.info('backup.automatic_done', { trigger });
    };
    try {
      if (openAtLock) await backUpIfOlderThanADay(openAtLock);
      else await this.session.useDataKey(backUpIfOlderThanADay, { isUserActivity: false });
    } catch {
      // Recorded as the last failure (shown in Settings and as a warning); never logged with details.
      logger.warn('backup.automatic_failed', { trigger });
    }
  }

  private async thin(folder: string): Promise<void> {
    const dated = (await listBackups(folder)).filter(
      (backup): backup is BackupFile & { createdAt: string } => backup.createdAt !== null,
    );
    for (const backup of backupsToRemove(dated, defaultBackupsToKeep)) await rm(backup.path, { force: true });
  }

  private async runExclusively<T>(phase: string, work: (progress: WorkProgress) => Promise<T>): Promise<T> {
    if (this.running) {
      throw new AppError(
        'INVALID_INPUT',
        'A backup is already being written or checked. Wait for it to finish.',
      );
    }
    const progress = newWorkProgress(phase);
    this.running = progress;
    try {
      return await work(progress);
    } finally {
      this.running = null;
    }
  }

  private remember(backup: BackupFile): BackupListItem {
    const existing = [...this.knownBackups].find(([, path]) => path === backup.path)?.[0];
    const id = existing ?? randomBytes(12).toString('hex');
    this.knownBackups.set(id, backup.path);
    return {
      id,
      name: backup.name,
      createdAt: backup.createdAt,
      sizeBytes: backup.sizeBytes,
      problem: backup.problem,
    };
  }

  private pathOf(id: string): string {
    const path = this.knownBackups.get(id);
    if (!path)
      throw new AppError(
        'NOT_FOUND',
        'That backup is no longer in the list. Refresh the list and choose it again.',
        'id',
      );
    return path;
  }
}
