import { existsSync } from 'node:fs';
import { mkdir, rename } from 'node:fs/promises';
import type { SessionStatus } from '../../shared/schemas/session';
import { deriveSubkey } from '../crypto/key-derivation';
import { Keyring } from '../crypto/keyring';
import { openStore, type Store } from '../db/store';
import { AppError } from '../errors';
import { logger } from '../logging/logger';
import { readSettings } from '../services/settings-service';
import { dataFilePaths } from '../storage/data-directory';
import { restoreFromBackupAdvice } from '../../shared/schemas/backup';

export type SessionOptions = {
  readonly dataDirectory: string;
  /** Who the audit log names for edits made in this session. */
  readonly actor: string;
  readonly now?: () => number;
};

type Unlocked = {
  readonly store: Store;
  readonly dataKey: Buffer;
  /** When this unlock happened, as an ISO timestamp; Undo reaches no further back. */
  readonly unlockedAt: string;
  autoLockMinutes: number;
  lastActivityAt: number;
};

/**
 * The one owner of the open database and the data key. Locked, nothing is in memory but paths;
 * unlocked, every call goes through `useStore`, which also locks after the idle time the user chose.
 */
export class Session {
  private unlocked: Unlocked | null = null;
  private readonly keyring: Keyring;
  private readonly databasePath: string;
  /** The clock idle locking and backups go by (tests set it). */
  readonly now: () => number;
  // Unlock, lock and passphrase changes run one at a time, in order.
  private transitions: Promise<unknown> = Promise.resolve();
  private readonly lockCleanups = new Set<() => Promise<void>>();
  private readonly beforeLockWork = new Set<() => Promise<void>>();

  constructor(private readonly options: SessionOptions) {
    const paths = dataFilePaths(options.dataDirectory);
    this.keyring = new Keyring(paths.keyring);
    this.databasePath = paths.database;
    this.now = options.now ?? Date.now;
  }

  get actor(): string {
    return this.options.actor;
  }

  get dataDirectory(): string {
    return this.options.dataDirectory;
  }

  status(): SessionStatus {
    this.lockIfIdle();
    if (this.unlocked) return { state: 'unlocked' };
    return { state: this.keyring.exists() ? 'locked' : 'uninitialized' };
  }

  initialize(passphrase: string): Promise<{ recoveryKey: string }> {
    return this.transition(async () => {
      if (this.keyring.exists()) {
        throw new AppError(
          'ALREADY_INITIALIZED',
          'Advocase is already set up here. Unlock it with your passphrase.',
        );
      }
      await mkdir(this.options.dataDirectory, { recursive: true, mode: 0o700 });
      await this.setAsideOrphanedDatabase();
      const { dataKey, recoveryKey } = await this.keyring.create(passphrase);
      await this.open(dataKey, { isNew: true });
      logger.info('session.initialized');
      return { recoveryKey };
    });
  }

  unlock(passphrase: string): Promise<SessionStatus> {
    return this.transition(async () => {
      if (!this.unlocked) await this.open(await this.keyring.openWithPassphrase(passphrase));
      return { state: 'unlocked' as const };
    });
  }

  recover(recoveryKey: string, newPassphrase: string): Promise<SessionStatus> {
    return this.transition(async () => {
      const dataKey = await this.keyring.openWithRecoveryKey(recoveryKey);
      await this.keyring.setPassphrase(dataKey, newPassphrase);
      if (!this.unlocked) await this.open(dataKey);
      logger.info('session.recovered');
      return { state: 'unlocked' as const };
    });
  }

  changePassphrase(currentPassphrase: string, newPassphrase: string): Promise<void> {
    return this.transition(async () => {
      let dataKey: Buffer;
      try {
        dataKey = await this.keyring.openWithPassphrase(currentPassphrase);
      } catch (error) {
        if (error instanceof AppError && error.code === 'WRONG_PASSPHRASE') {
          throw new AppError('WRONG_PASSPHRASE', 'The current passphrase is wrong.', 'currentPassphrase');
        }
        throw error;
      }
      await this.keyring.setPassphrase(dataKey, newPassphrase);
      logger.info('session.passphrase_changed');
    });
  }

  lock(): Promise<SessionStatus> {
    return this.transition(async () => {
      await Promise.allSettled([...this.beforeLockWork].map((work) => work()));
      await this.close();
      return this.status();
    });
  }

  /** Runs work against the open store; throws LOCKED when there is none. */
  async useStore<T>(work: (store: Store) => Promise<T>): Promise<T> {
    this.lockIfIdle();
    if (!this.unlocked) {
      throw new AppError('LOCKED', 'Advocase is locked. Enter your passphrase to continue.');
    }
    this.unlocked.lastActivityAt = this.now();
    return work(this.unlocked.store);
  }

  // Document vault (issue 5): the vault's key and folder, lent to src/core/vault for one piece of
  // work, and cleanup (open uploads, temporary copies) run whenever the data locks.
  /** Like useStore, with the vault key (derived from the data key, zeroed afterwards) and the data folder. */
  async useVault<T>(
    work: (vault: { store: Store; vaultKey: Buffer; dataDirectory: string }) => Promise<T>,
  ): Promise<T> {
    return this.useStore(async (store) => {
      const vaultKey = deriveSubkey(this.unlocked!.dataKey, 'vault');
      try {
        return await work({ store, vaultKey, dataDirectory: this.options.dataDirectory });
      } finally {
        vaultKey.fill(0);
      }
    });
  }

  /**
   * Lends a copy of the data key for one backup or check (issue 12 §3: the copy is verified with
   * the same key), zeroed afterwards like the vault key.
   */
  async useDataKey<T>(
    work: (unlocked: { store: Store; dataKey: Buffer; dataDirectory: string }) => Promise<T>,
  ): Promise<T> {
    return this.useStore(async (store) => {
      const dataKey = Buffer.from(this.unlocked!.dataKey);
      try {
        return await work({ store, dataKey, dataDirectory: this.options.dataDirectory });
      } finally {
        dataKey.fill(0);
      }
    });
  }

  /** Runs `work` at the start of a requested lock, while the data is still open (automatic backups). */
  onBeforeLock(work: () => Promise<void>): void {
    this.beforeLockWork.add(work);
  }

  /** Locks, then runs `work` (a restore replacing the data files) before anyone can unlock again. */
  replaceDataWhileLocked<T>(work: (dataDirectory: string) => Promise<T>): Promise<T> {
    return this.transition(async () => {
      await this.close();
      return work(this.options.dataDirectory);
    });
  }

  /** Runs `cleanup` each time the data locks (by the user, when idle, or on quit). */
  onLock(cleanup: () => Promise<void>): void {
    this.lockCleanups.add(cleanup);
  }

  /** The moment the store was last unlocked (the epoch while locked, which nothing should ask). */
  unlockedSince(): string {
    return this.unlocked?.unlockedAt ?? new Date(0).toISOString();
  }

  setAutoLockMinutes(minutes: number): void {
    if (this.unlocked) this.unlocked.autoLockMinutes = minutes;
  }

  private lockIfIdle(): void {
    if (!this.unlocked) return;
    const idleMs = this.now() - this.unlocked.lastActivityAt;
    if (idleMs < this.unlocked.autoLockMinutes * 60_000) return;
    logger.info('session.auto_locked', { idleMinutes: Math.round(idleMs / 60_000) });
    void this.transition(() => this.close());
    // Forget the store at once so that no call can use it while it closes.
    this.unlocked = null;
  }

  private async open(dataKey: Buffer, { isNew = false } = {}): Promise<void> {
    // Opening a missing file would silently create an empty database and hide the loss.
    if (!isNew && !existsSync(this.databasePath)) {
      throw new AppError(
        'DATA_DAMAGED',
        `The database file is missing from the data folder. ${restoreFromBackupAdvice}`,
      );
    }
    const store = await openStore(this.databasePath, dataKey);
    const { autoLockMinutes } = await readSettings(store.db);
    this.unlocked = {
      store,
      dataKey,
      autoLockMinutes,
      unlockedAt: new Date(this.now()).toISOString(),
      lastActivityAt: this.now(),
    };
  }

  private async close(): Promise<void> {
    const current = this.unlocked;
    this.unlocked = null;
    if (!current) return;
    current.dataKey.fill(0);
    await Promise.allSettled([...this.lockCleanups].map((cleanup) => cleanup()));
    await current.store.close();
  }

  /**
   * A database with no key file beside it can never be opened again (its key existed only in
   * that file). Setting up anew moves it aside rather than deleting anything.
   */
  private async setAsideOrphanedDatabase(): Promise<void> {
    if (!existsSync(this.databasePath)) return;
    const stamp = new Date(this.now()).toISOString().replace(/[:.]/g, '-');
    for (const suffix of ['', '-wal', '-shm']) {
      if (existsSync(this.databasePath + suffix)) {
        await rename(this.databasePath + suffix, `${this.databasePath}.orphaned-${stamp}${suffix}`);
      }
    }
    logger.warn('session.orphaned_database_set_aside');
  }

  private transition<T>(work: () => Promise<T>): Promise<T> {
    const next = this.transitions.then(work, work);
    this.transitions = next.catch(() => undefined);
    return next;
  }
}
