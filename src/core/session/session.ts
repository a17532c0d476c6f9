import { existsSync } from 'node:fs';
import { mkdir, rename } from 'node:fs/promises';
import { preloadPassphraseEstimator } from '../../shared/domain/passphrase-strength';
import type { SessionStatus, UnlockOutput } from '../../shared/schemas/session';
import { recordAccessEvent } from '../audit/access-events';
import { deriveSubkey } from '../crypto/key-derivation';
import { Keyring } from '../crypto/keyring';
import { inTransaction } from '../db/in-transaction';
import { openStore, type Store } from '../db/store';
import { AppError } from '../errors';
import { logger } from '../logging/logger';
import { readSettings } from '../services/settings-service';
import { dataFilePaths } from '../storage/data-directory';
import {
  isKeyRotationPending,
  resumeKeyRotation,
  rotateDataKey,
  type RotationProgress,
} from './key-rotation';
import { assertStrongPassphrase } from './passphrase-policy';
import { UnlockAttempts } from './unlock-attempts';

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
  private readonly unlockAttempts: UnlockAttempts;
  private readonly databasePath: string;
  private readonly now: () => number;
  // Unlock, lock and passphrase changes run one at a time, in order.
  private transitions: Promise<unknown> = Promise.resolve();
  private readonly lockCleanups = new Set<() => Promise<void>>();

  constructor(private readonly options: SessionOptions) {
    const paths = dataFilePaths(options.dataDirectory);
    this.keyring = new Keyring(paths.keyring);
    this.databasePath = paths.database;
    this.now = options.now ?? Date.now;
    this.unlockAttempts = new UnlockAttempts(paths.unlockAttempts, this.now);
  }

  get actor(): string {
    return this.options.actor;
  }

  status(): SessionStatus {
    this.lockIfIdle();
    if (this.unlocked) return { state: 'unlocked' };
    if (this.keyring.exists()) return { state: 'locked' };
    // The setup screen is showing: load the strength estimator now, not when the user submits.
    preloadPassphraseEstimator();
    return { state: 'uninitialized' };
  }

  initialize(passphrase: string): Promise<{ recoveryKey: string }> {
    return this.transition(async () => {
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
      logger.info('session.initialized');
      return { recoveryKey };
    });
  }

  /** Wrong passphrases are throttled and counted (issue 12 §4); the count comes back once unlocked. */
  unlock(passphrase: string): Promise<UnlockOutput> {
    return this.transition(async () => {
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
      return {
        state: 'unlocked' as const,
        failedAttemptsSinceLastUnlock,
        recoveryKeyAfterRotation: rotated.recoveryKey,
      };
    });
  }

  recover(recoveryKey: string, newPassphrase: string): Promise<UnlockOutput> {
    return this.transition(async () => {
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
   * Replaces the data key (issue 12 §4): closes the store, re-encrypts the vault and the database
   * under a new key (see key-rotation.ts), reopens, and returns the new recovery key to show once.
   */
  rotateKey(
    passphrase: string,
    onProgress?: (progress: RotationProgress) => void,
  ): Promise<{ recoveryKey: string }> {
    return this.transition(async () => {
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
      await this.close();
      const rotated = await rotateDataKey(this.options.dataDirectory, passphrase, oldKey, onProgress);
      await this.open(rotated.dataKey);
      await this.recordRotation(rotated, false);
      logger.info('session.key_rotated');
      return { recoveryKey: rotated.recoveryKey };
    });
  }

  lock(): Promise<SessionStatus> {
    return this.transition(async () => {
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
        'The database file is missing from the data folder. Restore it from a backup.',
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
