import { existsSync } from 'node:fs';
import { mkdir, rename } from 'node:fs/promises';
import { preloadPassphraseEstimator } from '../../shared/domain/passphrase-strength';
import type { SessionStatus, UnlockOutput } from '../../shared/schemas/session';
import { recordAccessEvent } from '../audit/access-events';
import { deriveSubkey } from '../crypto/key-derivation';
import { Keyring } from '../crypto/keyring';
import { inTransaction } from '../db/in-transaction';
import { openPostgresStore, openStore, type Store } from '../db/store';
import { AppError } from '../errors';
import { logger } from '../logging/logger';
import { readSettings } from '../settings/settings-service';
import { dataFilePaths } from '../storage/data-directory';
import { restoreFromBackupAdvice } from '../../shared/schemas/backup';
import { removeCrashLeftovers } from '../vault/crash-leftovers';
import { removeOpenCopies } from '../vault/open-copies';
import {
  isKeyRotationPending,
  resumeKeyRotation,
  rotateDataKey,
  type RotationProgress,
} from './key-rotation';
import { assertStrongPassphrase } from './passphrase-policy';
import { recoveryKeyConfirmation } from './recovery-key-confirmation';
import { UnlockAttempts } from './unlock-attempts';

export type SessionOptions = {
  readonly dataDirectory: string;
  /** Who the audit log names for edits made in this session. */
  readonly actor: string;
  readonly now?: () => number;
  /**
   * A team's PostgreSQL database (`postgres://user:password@host:port/db?sslmode=…`): when given,
   * the session connects to it, on the first call and again after an automatic lock, instead of
   * unlocking the local encrypted store. The login is the person's own database login.
   */
  readonly teamDatabaseUrl?: string;
};

/** Work to do with the store still open when the data is about to lock (see `onBeforeLock`). */
export type BeforeLockHook = (context: OpenData) => Promise<void>;

/** The open data lent for one piece of work: the store, the data key (zeroed after) and the folder. */
export type OpenData = { readonly store: Store; readonly dataKey: Buffer; readonly dataDirectory: string };

type Unlocked = {
  readonly store: Store;
  /** The local store's data key; a team database has none (its server protects it). */
  readonly dataKey: Buffer | null;
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
  private readonly unlockAttempts: UnlockAttempts;
  private readonly databasePath: string;
  /** The clock idle locking and backups go by (tests set it). */
  readonly now: () => number;
  // Unlock, lock and passphrase changes run one at a time, in order.
  private transitions: Promise<unknown> = Promise.resolve();
  /**
   * A key rotation under way: the store is closed while it is re-encrypted, but the data is not
   * locked. Status says unlocked and calls wait for it, so a screen that asks meanwhile (the
   * renderer checks every 15 s) neither sees a lock nor loses the new recovery key it will show.
   */
  private rotation: Promise<unknown> | null = null;
  private readonly lockCleanups = new Set<() => Promise<void>>();
  private readonly beforeLockHooks = new Set<BeforeLockHook>();
  private idleTimer: NodeJS.Timeout | null = null;

  constructor(private readonly options: SessionOptions) {
    const paths = dataFilePaths(options.dataDirectory);
    this.keyring = new Keyring(paths.keyring);
    this.databasePath = paths.database;
    this.now = options.now ?? Date.now;
    this.unlockAttempts = new UnlockAttempts(paths.unlockAttempts, this.now);
  }

  /**
   * Who the audit log and the history name. On a team database that is the person's own database
   * login: the policies let each person write and read only their own entries (docs/team-mode.md,
   * "Who sees what"), so another name would have every save refused.
   */
  get actor(): string {
    const teamLogin = this.options.teamDatabaseUrl && new URL(this.options.teamDatabaseUrl).username;
    return teamLogin ? decodeURIComponent(teamLogin) : this.options.actor;
  }

  get dataDirectory(): string {
    return this.options.dataDirectory;
  }

  /** Which store this session opens: the local encrypted file, or a team's PostgreSQL database. */
  get storeKind(): 'local' | 'team' {
    return this.options.teamDatabaseUrl ? 'team' : 'local';
  }

  status(): SessionStatus {
    this.lockIfIdle();
    if (this.unlocked || this.rotation) return { state: 'unlocked' };
    // A team database is connected to on the next call: there is nothing to set up or unlock here.
    if (this.options.teamDatabaseUrl) return { state: 'locked' };
    if (this.keyring.exists()) return { state: 'locked' };
    // The setup screen is showing: load the strength estimator now, not when the user submits.
    preloadPassphraseEstimator();
    return { state: 'uninitialized' };
  }

  initialize(passphrase: string): Promise<{ recoveryKey: string }> {
    return this.transition(async () => {
      this.assertLocalStore('set up a passphrase');
      if (this.keyring.exists()) {
        throw new AppError(
          'ALREADY_INITIALIZED',
          'Advocase is already set up here. Unlock it with your passphrase.',
        );
      }
      await assertStrongPassphrase(passphrase, 'passphrase');
      await mkdir(this.options.dataDirectory, { recursive: true, mode: 0o700 });
      await this.setAsideOrphanedDatabase();
      const { dataKey, recoveryKey } = await this.keyring.create(passphrase);
      await this.open(dataKey, { isNew: true });
      await this.awaitRecoveryKeyConfirmation();
      logger.info('session.initialized');
      return { recoveryKey };
    });
  }

  /** Wrong passphrases are throttled and counted (docs/security.md §4); the count comes back once unlocked. */
  unlock(passphrase: string): Promise<UnlockOutput> {
    return this.transition(async () => {
      this.assertLocalStore('unlock with a passphrase');
      if (this.unlocked) return { state: 'unlocked' as const, failedAttemptsSinceLastUnlock: 0 };
      await this.unlockAttempts.assertMayTry();
      // A key rotation a crash interrupted is finished first (the passphrase opens both keyrings).
      const isResuming = isKeyRotationPending(this.options.dataDirectory);
      let dataKey: Buffer;
      let rotated: Awaited<ReturnType<typeof resumeKeyRotation>> | null = null;
      try {
        if (isResuming) rotated = await resumeKeyRotation(this.options.dataDirectory, passphrase);
        dataKey = rotated?.dataKey ?? (await this.keyring.openWithPassphrase(passphrase));
      } catch (error) {
        if (error instanceof AppError && error.code === 'WRONG_PASSPHRASE') {
          throw new AppError('WRONG_PASSPHRASE', await this.unlockAttempts.recordFailure(), 'passphrase');
        }
        throw error;
      }
      await this.open(dataKey);
      const failedAttemptsSinceLastUnlock = await this.recordUnlock('passphrase');
      if (!rotated) return { state: 'unlocked' as const, failedAttemptsSinceLastUnlock };
      await this.recordRotation(rotated, true);
      await this.awaitRecoveryKeyConfirmation();
      return {
        state: 'unlocked' as const,
        failedAttemptsSinceLastUnlock,
        recoveryKeyAfterRotation: rotated.recoveryKey,
      };
    });
  }

  recover(recoveryKey: string, newPassphrase: string): Promise<UnlockOutput> {
    return this.transition(async () => {
      this.assertLocalStore('recover with a recovery key');
      await assertStrongPassphrase(newPassphrase, 'newPassphrase');
      const dataKey = await this.keyring.openWithRecoveryKey(recoveryKey);
      await this.keyring.setPassphrase(dataKey, newPassphrase);
      const wasLocked = !this.unlocked;
      if (wasLocked) await this.open(dataKey);
      logger.info('session.recovered');
      return {
        state: 'unlocked' as const,
        failedAttemptsSinceLastUnlock: wasLocked ? await this.recordUnlock('recovery_key') : 0,
      };
    });
  }

  changePassphrase(currentPassphrase: string, newPassphrase: string): Promise<void> {
    return this.transition(async () => {
      this.assertLocalStore('change a passphrase');
      await assertStrongPassphrase(newPassphrase, 'newPassphrase');
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

  /**
   * Replaces the data key (docs/security.md §4): closes the store, re-encrypts the vault and the database
   * under a new key (see key-rotation.ts), reopens, and returns the new recovery key to show once.
   */
  rotateKey(
    passphrase: string,
    onProgress?: (progress: RotationProgress) => void,
  ): Promise<{ recoveryKey: string }> {
    const rotation = this.transition(async () => {
      this.assertLocalStore('replace the data key');
      if (!this.unlocked) {
        throw new AppError('LOCKED', 'Advocase is locked. Enter your passphrase to continue.');
      }
      let oldKey: Buffer;
      try {
        oldKey = await this.keyring.openWithPassphrase(passphrase);
      } catch (error) {
        if (error instanceof AppError && error.code === 'WRONG_PASSPHRASE') {
          throw new AppError('WRONG_PASSPHRASE', 'The passphrase is wrong.', 'passphrase');
        }
        throw error;
      }
      await this.closeOpenStore();
      const rotated = await rotateDataKey(this.options.dataDirectory, passphrase, oldKey, onProgress);
      await this.open(rotated.dataKey);
      await this.recordRotation(rotated, false);
      await this.awaitRecoveryKeyConfirmation();
      logger.info('session.key_rotated');
      return { recoveryKey: rotated.recoveryKey };
    });
    this.rotation = rotation;
    const finished = () => {
      if (this.rotation === rotation) this.rotation = null;
    };
    rotation.then(finished, finished);
    return rotation;
  }

  /** Whether the recovery key last shown still waits for "I have saved it" (a reload does not clear it). */
  isRecoveryKeyAwaitingConfirmation(): Promise<boolean> {
    return this.useStore((store) => recoveryKeyConfirmation.read(store.db));
  }

  /** The user has saved the recovery key shown: nothing more to ask. */
  confirmRecoveryKeySaved(): Promise<void> {
    return this.useStore((store) => recoveryKeyConfirmation.write(store.db, false));
  }

  /**
   * A recovery key that was shown but never confirmed cannot be shown again (it is never stored),
   * so a new one replaces it: the data key is sealed under a new recovery key and the old one stops
   * opening anything. The passphrase is asked, so that someone at an unlocked screen cannot make
   * themselves a key that outlasts the lock. The new key waits for confirmation in turn.
   */
  replaceUnconfirmedRecoveryKey(passphrase: string): Promise<{ recoveryKey: string }> {
    return this.transition(async () => {
      if (!this.unlocked) {
        throw new AppError('LOCKED', 'Advocase is locked. Enter your passphrase to continue.');
      }
      let dataKey: Buffer;
      try {
        dataKey = await this.keyring.openWithPassphrase(passphrase);
      } catch (error) {
        if (error instanceof AppError && error.code === 'WRONG_PASSPHRASE') {
          throw new AppError('WRONG_PASSPHRASE', 'The passphrase is wrong.', 'passphrase');
        }
        throw error;
      }
      try {
        const recoveryKey = await this.keyring.replaceRecoveryKey(dataKey);
        await this.awaitRecoveryKeyConfirmation();
        await recordAccessEvent(this.unlocked.store.db, this.actor, 'recovery_key_replaced', {});
        logger.info('session.recovery_key_replaced');
        return { recoveryKey };
      } finally {
        dataKey.fill(0);
      }
    });
  }

  /**
   * The one lock path (docs/security.md §1), whatever asks for it: the Lock button, Ctrl+L, the idle
   * timer, the OS sleeping or locking its screen, the harness's page going away, SIGTERM. It
   * resolves only once the database is closed, the key zeroed and the decrypted copies deleted.
   */
  lock(): Promise<SessionStatus> {
    const current = this.unlocked;
    // Forget the store at once so that no call can use it while it closes; work that needs the
    // data open (the automatic backup at lock) is handed the store by the before-lock hooks.
    this.unlocked = null;
    return this.transition(async () => {
      await this.runBeforeLockHooks(current);
      await this.close(current);
      // An unlock queued before this lock may have opened the store since.
      await this.closeOpenStore();
      return this.status();
    });
  }

  /** Runs work against the open store; throws LOCKED when there is none. */
  async useStore<T>(work: (store: Store) => Promise<T>): Promise<T> {
    if (this.rotation) await this.rotation.catch(() => undefined);
    this.lockIfIdle();
    if (!this.unlocked && this.options.teamDatabaseUrl) await this.connectTeamDatabase();
    if (!this.unlocked) {
      throw new AppError('LOCKED', 'Advocase is locked. Enter your passphrase to continue.');
    }
    this.unlocked.lastActivityAt = this.now();
    return work(this.unlocked.store);
  }

  // Document vault: the vault's key and folder, lent to src/core/vault for one piece of
  // work, and cleanup (open uploads, temporary copies) run whenever the data locks.
  /** Like useStore, with the vault key (derived from the data key, zeroed afterwards) and the data folder. */
  async useVault<T>(
    work: (vault: { store: Store; vaultKey: Buffer; dataDirectory: string }) => Promise<T>,
  ): Promise<T> {
    return this.useStore(async (store) => {
      const vaultKey = deriveSubkey(this.localDataKey('keep documents'), 'vault');
      try {
        return await work({ store, vaultKey, dataDirectory: this.options.dataDirectory });
      } finally {
        vaultKey.fill(0);
      }
    });
  }

  /**
   * Lends a copy of the data key for one backup or check (docs/security.md §3: the copy is verified with
   * the same key), zeroed afterwards like the vault key.
   */
  async useDataKey<T>(
    work: (unlocked: OpenData) => Promise<T>,
    { isUserActivity = true }: { isUserActivity?: boolean } = {},
  ): Promise<T> {
    this.lockIfIdle();
    if (!this.unlocked) {
      throw new AppError('LOCKED', 'Advocase is locked. Enter your passphrase to continue.');
    }
    // Work the app starts on its own (the daily backup) must not hold off the automatic lock.
    if (isUserActivity) this.unlocked.lastActivityAt = this.now();
    const dataKey = Buffer.from(this.localDataKey('make or check a backup'));
    try {
      return await work({ store: this.unlocked.store, dataKey, dataDirectory: this.options.dataDirectory });
    } finally {
      dataKey.fill(0);
    }
  }

  /** Locks, then runs `work` (a restore replacing the data files) before anyone can unlock again. */
  replaceDataWhileLocked<T>(work: (dataDirectory: string) => Promise<T>): Promise<T> {
    return this.transition(async () => {
      await this.closeOpenStore();
      return work(this.options.dataDirectory);
    });
  }

  /** Runs `cleanup` each time the data locks (by the user, when idle, or on quit). */
  onLock(cleanup: () => Promise<void>): void {
    this.lockCleanups.add(cleanup);
  }

  /**
   * Runs `hook` at the start of every lock, with the store still open (a backup at lock, say). A
   * hook that fails is logged and the lock goes on; returns a function that removes the hook.
   */
  onBeforeLock(hook: BeforeLockHook): () => void {
    this.beforeLockHooks.add(hook);
    return () => this.beforeLockHooks.delete(hook);
  }

  /** The moment the store was last unlocked (the epoch while locked, which nothing should ask). */
  unlockedSince(): string {
    return this.unlocked?.unlockedAt ?? new Date(0).toISOString();
  }

  setAutoLockMinutes(minutes: number): void {
    if (!this.unlocked) return;
    this.unlocked.autoLockMinutes = minutes;
    this.armIdleTimer();
  }

  /**
   * Locks once the chosen idle time has passed with no call. Checked by a timer, so that an
   * untouched app locks too (HIPAA 164.312(a)(2)(iii), automatic logoff), and on every call, in
   * case the timer fired late (a laptop waking from sleep).
   */
  private lockIfIdle(): void {
    if (!this.unlocked) return;
    const idleMs = this.now() - this.unlocked.lastActivityAt;
    if (idleMs < this.unlocked.autoLockMinutes * 60_000) {
      this.armIdleTimer();
      return;
    }
    logger.info('session.auto_locked', { idleMinutes: Math.round(idleMs / 60_000) });
    void this.lock().catch(() => logger.error('session.auto_lock_failed'));
  }

  private armIdleTimer(): void {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
    if (!this.unlocked) return;
    const dueInMs = this.unlocked.lastActivityAt + this.unlocked.autoLockMinutes * 60_000 - this.now();
    this.idleTimer = setTimeout(() => this.lockIfIdle(), Math.max(dueInMs, 0) + 1);
    // The timer alone must not keep a CLI run or a test process alive.
    this.idleTimer.unref();
  }

  /**
   * Opens the team database and brings its schema up to this build (once, in one transaction; a
   * schema from a newer version is refused). Calls connect by themselves; this is for a first
   * connection made on purpose (a "test the connection" button, a CLI command).
   */
  connectTeamDatabase(): Promise<void> {
    return this.transition(async () => {
      const url = this.options.teamDatabaseUrl;
      if (!url || this.unlocked) return;
      const store = await openPostgresStore(url);
      const { autoLockMinutes } = await readSettings(store.db);
      this.unlocked = {
        store,
        dataKey: null,
        autoLockMinutes,
        unlockedAt: new Date(this.now()).toISOString(),
        lastActivityAt: this.now(),
      };
      this.armIdleTimer();
      logger.info('session.team_database_connected');
    });
  }

  private assertLocalStore(action: string): void {
    if (!this.options.teamDatabaseUrl) return;
    throw new AppError(
      'NOT_AVAILABLE_IN_TEAM_MODE',
      `This copy of Advocase opens a team database, which has no passphrase: there is nothing to ${action} here. Your database login is what lets you in.`,
    );
  }

  /** The local store's data key; a team database has none, and what needs it is not there yet. */
  private localDataKey(action: string): Buffer {
    const dataKey = this.unlocked?.dataKey;
    if (dataKey) return dataKey;
    throw new AppError(
      'NOT_AVAILABLE_IN_TEAM_MODE',
      `On a team database Advocase cannot yet ${action}: documents and backups stay with the local store for now.`,
    );
  }

  private async open(dataKey: Buffer, { isNew = false } = {}): Promise<void> {
    // Opening a missing file would silently create an empty database and hide the loss.
    if (!isNew && !existsSync(this.databasePath)) {
      throw new AppError(
        'DATA_DAMAGED',
        `The database file is missing from the data folder. ${restoreFromBackupAdvice}`,
      );
    }
    await removeCrashLeftovers(this.options.dataDirectory);
    const store = await openStore(this.databasePath, dataKey);
    const { autoLockMinutes } = await readSettings(store.db);
    this.unlocked = {
      store,
      dataKey,
      autoLockMinutes,
      unlockedAt: new Date(this.now()).toISOString(),
      lastActivityAt: this.now(),
    };
    this.armIdleTimer();
  }

  /**
   * Writes the wrong passphrases since the last unlock (each at its own time) and this unlock to
   * the audit log, then forgets them; returns how many there were, for the notice the user sees.
   */
  private async recordUnlock(method: 'passphrase' | 'recovery_key'): Promise<number> {
    const failures = await this.unlockAttempts.failures();
    await inTransaction(this.unlocked!.store.db, async (trx) => {
      for (const at of failures) await recordAccessEvent(trx, this.actor, 'unlock_failed', {}, at);
      await recordAccessEvent(trx, this.actor, 'unlock', {
        method,
        failedAttemptsSinceLastUnlock: failures.length,
      });
    });
    await this.unlockAttempts.clear();
    return failures.length;
  }

  private awaitRecoveryKeyConfirmation(): Promise<void> {
    return recoveryKeyConfirmation.write(this.unlocked!.store.db, true);
  }

  private recordRotation(
    rotated: { vaultFiles: number; damagedVaultFiles: number },
    wasResumed: boolean,
  ): Promise<void> {
    return recordAccessEvent(this.unlocked!.store.db, this.actor, 'key_rotation', {
      vaultFiles: rotated.vaultFiles,
      damagedVaultFiles: rotated.damagedVaultFiles,
      wasResumed,
    });
  }

  private async runBeforeLockHooks(current: Unlocked | null): Promise<void> {
    // The hooks back up the local store; a team database is backed up by its server.
    if (!current?.dataKey) return;
    const context = {
      store: current.store,
      dataKey: current.dataKey,
      dataDirectory: this.options.dataDirectory,
    };
    for (const hook of this.beforeLockHooks) {
      await hook(context).catch(() => logger.error('session.before_lock_hook_failed'));
    }
  }

  /** Forgets the open store at once, so that no call can use it while it closes, then closes it. */
  private closeOpenStore(): Promise<void> {
    const current = this.unlocked;
    this.unlocked = null;
    return this.close(current);
  }

  /** Everything the lock does, in order, once the store is unreachable. */
  private async close(current: Unlocked | null): Promise<void> {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
    if (!current) return;
    try {
      await Promise.allSettled([...this.lockCleanups].map((cleanup) => cleanup()));
      // Closing the connection checkpoints the WAL and frees SQLite's cache of decrypted pages.
      await current.store.close();
    } finally {
      current.dataKey?.fill(0);
      await removeOpenCopies(this.options.dataDirectory);
      logger.info('session.locked');
    }
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
