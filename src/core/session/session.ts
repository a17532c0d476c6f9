import { existsSync } from 'node:fs';
import { mkdir, rename } from 'node:fs/promises';
import { preloadPassphraseEstimator } from '../../shared/domain/passphrase-strength';
import type { SessionStatus, UnlockOutput } from '../../shared/schemas/session';
import { recordAccessEvent } from '../audit/access-events';
import { deriveSubkey } from '../crypto/key-derivation';
import { Keyring } from '../crypto/keyring';
import { inTransaction } from '../db/in-transaction';
import { openPostgresStore, openStore, type Store } from '../db/store';
import type { Kysely } from 'kysely';
import type pg from 'pg';
import type {
  TeamConnection,
  TeamConnectionInput,
  TeamConnectionTest,
  TeamStoreConnection,
} from '../../shared/schemas/team';
import {
  addressOfInput,
  asTeamConnectionFailure,
  openTeamDatabase,
  postgresConfigOf,
  readTeamIdentity,
} from '../team/team-connection';
import type { TeamCredentialStore } from '../team/team-credential-store';
import {
  addressOfUrl,
  describeTeamDatabaseFailure,
  isServerUnreachable,
  serverUnreachableMessage,
} from '../team/team-mode-error';
import { AppError } from '../errors';
import { logger } from '../logging/logger';
import { LiveChangeFeed } from '../team/live-change-feed';
import { readSettings } from '../settings/settings-service';
import { dataFilePaths } from '../storage/data-directory';
import { restoreFromBackupAdvice } from '../../shared/schemas/backup';
import { removeCrashLeftovers } from '../vault/crash-leftovers';
import { localStoredFiles } from '../vault/local-stored-files';
import { removeOpenCopies } from '../vault/open-copies';
import type { StoredFiles } from '../vault/stored-files';
import { teamStoredFiles } from '../team/team-stored-files';
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
  /**
   * Where a team database joined from the app keeps its credentials (the OS keychain in the
   * desktop app, memory in the web harness). Without it, joining is refused.
   */
  readonly teamCredentials?: TeamCredentialStore;
};

/** Work to do with the store still open when the data is about to lock (see `onBeforeLock`). */
export type BeforeLockHook = (context: OpenData) => Promise<void>;

/** The open data lent for one piece of work: the store, the data key (zeroed after) and the folder. */
export type OpenData = { readonly store: Store; readonly dataKey: Buffer; readonly dataDirectory: string };

type Unlocked = {
  readonly store: Store;
  /** The local store's data key; a team database has none (its server protects it). */
  readonly dataKey: Buffer | null;
  /** A team database's announcements of changes, heard while it is open; the local store has none. */
  readonly liveChanges: LiveChangeFeed | null;
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
  /**
   * The team database this copy opens, when it opens one: where and as whom, never the password
   * (that stays with the credential store, or in the URL given at start). Kept while locked, so the
   * title and the unlock screen can say what "Reconnect" reconnects to.
   */
  private team: TeamStoreConnection | null = null;

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
    // Joined from the app (Settings → Team) there is no address: the connection names the login.
    if (this.team) return this.team.login;
    const teamLogin = this.options.teamDatabaseUrl && new URL(this.options.teamDatabaseUrl).username;
    return teamLogin ? decodeURIComponent(teamLogin) : this.options.actor;
  }

  get dataDirectory(): string {
    return this.options.dataDirectory;
  }

  /** Which store this session opens: the local encrypted file, or a team's PostgreSQL database. */
  get storeKind(): 'local' | 'team' {
    return this.options.teamDatabaseUrl || this.team ? 'team' : 'local';
  }

  /** Which store this copy opens (`team.connection`): answered while locked too. */
  async teamConnection(): Promise<TeamConnection> {
    if (this.options.teamDatabaseUrl && !this.team) await this.connectTeamDatabase();
    return this.team ?? { store: 'local' };
  }

  /**
   * At start: a team database joined before (its credentials remembered) is what this copy opens,
   * with no passphrase; call once before the first screen asks for the status.
   */
  async restoreJoinedTeam(): Promise<void> {
    const remembered = await this.options.teamCredentials?.read();
    if (!remembered || this.options.teamDatabaseUrl) return;
    this.team = {
      store: 'team',
      ...addressOfInput(remembered.input),
      login: remembered.input.user,
      fullName: remembered.fullName,
      role: remembered.role,
    };
  }

  /**
   * Joins a team database from the app (Settings → Team, the first-run screen): connects and
   * checks who this login is, remembers the credentials (nothing is switched if they cannot be
   * kept protected), then locks the local store if it is open, as any lock does (its backup at
   * lock included), and opens the team database in its place. The local store is untouched.
   */
  joinTeam(input: TeamConnectionInput): Promise<TeamConnection> {
    return this.transition(async () => {
      const credentials = this.teamCredentialStore();
      const opened = await this.openTeamDatabase(input);
      try {
        await credentials.save({
          input,
          fullName: opened.identity.fullName,
          role: opened.identity.role,
        });
      } catch (error) {
        await opened.store.close();
        throw error;
      }
      const current = this.unlocked;
      this.unlocked = null;
      await this.runBeforeLockHooks(current);
      await this.close(current);
      await this.openTeamStore(opened.store, opened.identity, postgresConfigOf(input));
      logger.info('session.team_joined');
      return this.team!;
    });
  }

  /**
   * Leaves the team database: disconnects, forgets the credentials, and this copy opens the
   * local store again (locked, or the setup screen if there is none). Nothing local is changed.
   */
  leaveTeam(): Promise<TeamConnection> {
    return this.transition(async () => {
      const credentials = this.teamCredentialStore();
      await this.closeOpenStore();
      await credentials.forget();
      this.team = null;
      logger.info('session.team_left');
      return { store: 'local' as const };
    });
  }

  status(): SessionStatus {
    this.lockIfIdle();
    if (this.unlocked || this.rotation) return { state: 'unlocked' };
    // A team database is connected to on the next call: there is nothing to set up or unlock here.
    if (this.storeKind === 'team') return { state: 'locked' };
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

  /**
   * Runs work against the open store; throws LOCKED when there is none. On a team database a
   * server that cannot be reached is said as such (SERVER_UNREACHABLE), so the screen keeps what
   * was typed and offers to try again: the pool makes new connections once the server is back.
   */
  async useStore<T>(work: (store: Store) => Promise<T>): Promise<T> {
    if (this.rotation) await this.rotation.catch(() => undefined);
    this.lockIfIdle();
    try {
      if (!this.unlocked && this.storeKind === 'team') await this.connectTeamDatabase();
      if (!this.unlocked) {
        throw new AppError('LOCKED', 'Advocase is locked. Enter your passphrase to continue.');
      }
      this.unlocked.lastActivityAt = this.now();
      return await work(this.unlocked.store);
    } catch (error) {
      if (this.storeKind === 'team' && isServerUnreachable(error)) {
        throw new AppError('SERVER_UNREACHABLE', serverUnreachableMessage);
      }
      // The database's row policies and grants refused it (insufficient_privilege): the
      // transaction wrote nothing. Said by role, not as "something went wrong".
      if (this.storeKind === 'team' && (error as { code?: unknown }).code === '42501') {
        throw new AppError(
          'UNAUTHORIZED',
          this.team?.role === 'viewer'
            ? 'Not saved: you can read the cases shared with you but not change them (your role on the team is viewer). Ask the navigator who holds the case.'
            : 'Not saved: your role on the team does not allow this change. Ask a supervisor on your team.',
        );
      }
      throw error;
    }
  }

  /**
   * The open team database's change announcements (null on the local store or while none is
   * open). Asking is not activity: a screen that only waits for changes still locks when idle.
   */
  liveChanges(): LiveChangeFeed | null {
    this.lockIfIdle();
    return this.unlocked?.liveChanges ?? null;
  }

  // Document vault: where the documents' files are kept, lent to src/core/vault for one piece
  // of work, and cleanup (open uploads, temporary copies) run whenever the data locks.
  /**
   * Like useStore, with the store's files: encrypted in the data folder under the vault key
   * (derived from the data key, zeroed afterwards), or chunks in the team database.
   */
  async useVault<T>(work: (vault: { store: Store; files: StoredFiles }) => Promise<T>): Promise<T> {
    return this.useStore(async (store) => {
      if (!this.unlocked?.dataKey) return work({ store, files: teamStoredFiles(store.db) });
      const vaultKey = deriveSubkey(this.unlocked.dataKey, 'vault');
      try {
        return await work({ store, files: localStoredFiles(this.options.dataDirectory, vaultKey) });
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
      if (this.storeKind !== 'team' || this.unlocked) return;
      const url = this.options.teamDatabaseUrl;
      if (url) {
        const store = await openPostgresStore(url).catch((error: unknown) => {
          throw asTeamConnectionFailure(describeTeamDatabaseFailure(error, addressOfUrl(new URL(url))));
        });
        const member = await readTeamIdentity(store.db as Kysely<unknown>).catch(() => null);
        const address = addressOfUrl(new URL(url));
        // The database's owner (a CLI run, a test) is on no team list: it manages the team.
        await this.openTeamStore(
          store,
          {
            server: address.server,
            database: address.database,
            login: member?.login ?? address.user,
            fullName: member?.fullName ?? null,
            role: member?.role ?? 'admin',
          },
          { connectionString: url },
        );
      } else {
        const remembered = await this.teamCredentialStore().read();
        if (!remembered) {
          this.team = null;
          throw new AppError(
            'TEAM_CONNECTION_FAILED',
            'The team database’s credentials are no longer on this computer. Join it again from Settings → Team.',
          );
        }
        const opened = await this.openTeamDatabase(remembered.input);
        await this.openTeamStore(opened.store, opened.identity, postgresConfigOf(remembered.input));
        // Keep the name and role the title shows while locked as the server says them now.
        await this.teamCredentialStore().save({
          input: remembered.input,
          fullName: opened.identity.fullName,
          role: opened.identity.role,
        });
      }
      logger.info('session.team_database_connected');
    });
  }

  /** `listenOn`: how the live feed reaches the same database (docs/team-mode.md, "Live"). */
  private async openTeamStore(
    store: Store,
    identity: TeamConnectionTest,
    listenOn: pg.ClientConfig,
  ): Promise<void> {
    let autoLockMinutes: number;
    try {
      ({ autoLockMinutes } = await readSettings(store.db));
    } catch (error) {
      await store.close();
      throw error;
    }
    const liveChanges = new LiveChangeFeed(listenOn);
    await liveChanges.start();
    this.team = { store: 'team', ...identity };
    this.unlocked = {
      store,
      dataKey: null,
      liveChanges,
      autoLockMinutes,
      unlockedAt: new Date(this.now()).toISOString(),
      lastActivityAt: this.now(),
    };
    this.armIdleTimer();
  }

  /** Opens a team database from a person's fields; a failure says which cause, beside which field. */
  private async openTeamDatabase(input: TeamConnectionInput) {
    try {
      return await openTeamDatabase(input);
    } catch (error) {
      throw asTeamConnectionFailure(error);
    }
  }

  /** The credential store of a copy that may join a team from the app. */
  private teamCredentialStore(): TeamCredentialStore {
    if (this.options.teamDatabaseUrl) {
      throw new AppError(
        'NOT_AVAILABLE_IN_TEAM_MODE',
        'This copy of Advocase was started on a team database (ADVOCASE_DATABASE_URL): start it without one to join or leave a team from here.',
      );
    }
    if (!this.options.teamCredentials) {
      throw new AppError('NOT_AVAILABLE_IN_TEAM_MODE', 'This copy of Advocase cannot keep team credentials.');
    }
    return this.options.teamCredentials;
  }

  private assertLocalStore(action: string): void {
    if (this.storeKind === 'local') return;
    throw new AppError(
      'NOT_AVAILABLE_IN_TEAM_MODE',
      `This copy of Advocase opens a team database, which has no passphrase: there is nothing to ${action} here. Your database login is what lets you in.`,
    );
  }

  /** The local store's data key; a team database has none (its server keeps the backups). */
  private localDataKey(action: string): Buffer {
    const dataKey = this.unlocked?.dataKey;
    if (dataKey) return dataKey;
    throw new AppError(
      'NOT_AVAILABLE_IN_TEAM_MODE',
      `On a team database Advocase does not ${action}: the team's database is backed up by its server.`,
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
      liveChanges: null,
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
      await current.liveChanges?.close();
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
