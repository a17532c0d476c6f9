import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTemporaryDataDirectory } from '../../../test/helpers/temporary-data-directory';
import { createHandlers } from '../api/create-handlers';
import { dispatch } from '../api/dispatch';
import { AppError } from '../errors';
import { createClient, listClients } from '../clients/clients-service';
import { Session } from './session';

const passphrase = 'correct horse battery staple';
const newDataDirectory = useTemporaryDataDirectory();

function newSession(dataDirectory: string, now?: () => number) {
  return new Session({ dataDirectory, actor: 'test-advocate', ...(now ? { now } : {}) });
}

async function expectAppError(promise: Promise<unknown>, code: string): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
  return error as AppError;
}

describe('the encrypted store', () => {
  it('leaves no trace of stored names in any file of the data folder', async () => {
    const dataDirectory = newDataDirectory();
    const marker = `Marker${randomUUID().replace(/-/g, '')}`;
    const session = newSession(dataDirectory);
    await session.initialize(passphrase);
    await session.useStore(({ db }) =>
      createClient(db, session.actor, { fullName: `Jane ${marker}`, dateOfBirth: null, state: 'CA' }),
    );
    // Read while still open too: the WAL holds the newest pages until a checkpoint.
    const scan = () =>
      readdirSync(dataDirectory).filter((name) => readFileSync(join(dataDirectory, name)).includes(marker));
    expect(readdirSync(dataDirectory)).toContain('advocase.db-wal');
    expect(scan()).toEqual([]);
    await session.lock();
    expect(readdirSync(dataDirectory).sort()).toEqual(['advocase.db', 'keyring.json']);
    expect(scan()).toEqual([]);
    if (process.platform !== 'win32') {
      for (const name of readdirSync(dataDirectory)) {
        expect(statSync(join(dataDirectory, name)).mode & 0o777, name).toBe(0o600);
      }
    }

    const reopened = newSession(dataDirectory);
    await reopened.unlock(passphrase);
    const clients = await reopened.useStore(({ db }) => listClients(db));
    expect(clients.map((client) => client.fullName)).toEqual([`Jane ${marker}`]);
    await reopened.lock();
  });

  it('says "Wrong passphrase" for a wrong passphrase, and keeps the data', async () => {
    const dataDirectory = newDataDirectory();
    const session = newSession(dataDirectory);
    await session.initialize(passphrase);
    await session.useStore(({ db }) =>
      createClient(db, session.actor, { fullName: 'Ada Client', dateOfBirth: null, state: null }),
    );
    await session.lock();

    const error = await expectAppError(session.unlock('not the passphrase at all'), 'WRONG_PASSPHRASE');
    expect(error.message).toBe('Wrong passphrase.');
    expect(session.status()).toEqual({ state: 'locked' });

    await session.unlock(passphrase);
    expect((await session.useStore(({ db }) => listClients(db))).length).toBe(1);
    await session.lock();
  });

  it('opens with the recovery key, which then sets a new passphrase', async () => {
    const dataDirectory = newDataDirectory();
    const session = newSession(dataDirectory);
    const { recoveryKey } = await session.initialize(passphrase);
    expect(recoveryKey).toMatch(/^([0-9A-HJKMNP-TV-Z]{4}-){7}[0-9A-HJKMNP-TV-Z]{4}$/);
    await session.useStore(({ db }) =>
      createClient(db, session.actor, { fullName: 'Recovered Client', dateOfBirth: null, state: null }),
    );
    await session.lock();

    await expectAppError(
      session.recover('AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG-HHHH', 'brand new passphrase'),
      'WRONG_RECOVERY_KEY',
    );
    // Typed back in lower case with spaces instead of dashes, as people do.
    await session.recover(recoveryKey.toLowerCase().replace(/-/g, ' '), 'brand new passphrase');
    expect((await session.useStore(({ db }) => listClients(db)))[0]?.fullName).toBe('Recovered Client');
    await session.lock();

    await expectAppError(session.unlock(passphrase), 'WRONG_PASSPHRASE');
    await session.unlock('brand new passphrase');
    await session.lock();
  });

  it('keeps asking for the recovery key to be confirmed across a restart, and replaces one never confirmed', async () => {
    const dataDirectory = newDataDirectory();
    const session = newSession(dataDirectory);
    const { recoveryKey: shownOnce } = await session.initialize(passphrase);
    expect(await session.isRecoveryKeyAwaitingConfirmation()).toBe(true);
    await session.lock();

    // The app closed (or the screen reloaded) before "I have saved it": still waiting.
    const reopened = newSession(dataDirectory);
    await reopened.unlock(passphrase);
    expect(await reopened.isRecoveryKeyAwaitingConfirmation()).toBe(true);
    // Nowhere on disk in the clear.
    for (const name of readdirSync(dataDirectory))
      expect(readFileSync(join(dataDirectory, name)).includes(shownOnce), name).toBe(false);

    await expectAppError(reopened.replaceUnconfirmedRecoveryKey('not the passphrase'), 'WRONG_PASSPHRASE');
    const { recoveryKey: replacement } = await reopened.replaceUnconfirmedRecoveryKey(passphrase);
    expect(replacement).not.toBe(shownOnce);
    expect(await reopened.isRecoveryKeyAwaitingConfirmation()).toBe(true);
    await reopened.confirmRecoveryKeySaved();
    expect(await reopened.isRecoveryKeyAwaitingConfirmation()).toBe(false);
    await reopened.lock();

    // The key never confirmed opens nothing now; its replacement does.
    await expectAppError(reopened.recover(shownOnce, 'another new passphrase'), 'WRONG_RECOVERY_KEY');
    await reopened.recover(replacement, 'another new passphrase');
    expect(await reopened.isRecoveryKeyAwaitingConfirmation()).toBe(false);
    await reopened.lock();
  });

  it('changes the passphrase without re-encrypting: the old one fails, the new one works', async () => {
    const dataDirectory = newDataDirectory();
    const session = newSession(dataDirectory);
    const { recoveryKey } = await session.initialize(passphrase);
    await session.useStore(({ db }) =>
      createClient(db, session.actor, { fullName: 'Kept Client', dateOfBirth: null, state: null }),
    );
    const databaseBefore = readFileSync(join(dataDirectory, 'advocase.db'));
    await session.lock();
    const databaseAfterLock = readFileSync(join(dataDirectory, 'advocase.db'));

    await expectAppError(
      session.changePassphrase('wrong current one', 'another passphrase'),
      'WRONG_PASSPHRASE',
    );
    await session.changePassphrase(passphrase, 'another passphrase');
    expect(readFileSync(join(dataDirectory, 'advocase.db')).equals(databaseAfterLock)).toBe(true);
    expect(databaseBefore.length).toBeGreaterThan(0);

    await expectAppError(session.unlock(passphrase), 'WRONG_PASSPHRASE');
    await session.unlock('another passphrase');
    expect((await session.useStore(({ db }) => listClients(db)))[0]?.fullName).toBe('Kept Client');
    await session.lock();
    // The recovery key is not affected by a passphrase change.
    await session.recover(recoveryKey, 'third passphrase here');
    await session.lock();
  });

  it('locks itself after the idle time and refuses work until unlocked', async () => {
    let clock = 1_000_000;
    const session = newSession(newDataDirectory(), () => clock);
    await session.initialize(passphrase);
    clock += 14 * 60_000;
    await session.useStore(async () => undefined);
    clock += 15 * 60_000;
    expect(session.status()).toEqual({ state: 'locked' });
    await expectAppError(
      session.useStore(async () => undefined),
      'LOCKED',
    );
  });

  it('reports a damaged key file instead of failing obscurely', async () => {
    const dataDirectory = newDataDirectory();
    const session = newSession(dataDirectory);
    await session.initialize(passphrase);
    await session.lock();
    writeFileSync(join(dataDirectory, 'keyring.json'), '{"format": "advocase-keyring", "ver');
    const error = await expectAppError(session.unlock(passphrase), 'DATA_DAMAGED');
    expect(error.message).toMatch(/key file/);
  });

  it('refuses to set up twice over existing data', async () => {
    const dataDirectory = newDataDirectory();
    const session = newSession(dataDirectory);
    await session.initialize(passphrase);
    await session.lock();
    await expectAppError(
      newSession(dataDirectory).initialize('some other passphrase'),
      'ALREADY_INITIALIZED',
    );
  });
});

describe('dispatch over a session', () => {
  it('carries the wrong-passphrase message as a value', async () => {
    const session = newSession(newDataDirectory());
    const handlers = createHandlers(session);
    await dispatch(handlers, 'session.initialize', { passphrase });
    await dispatch(handlers, 'session.lock', {});
    expect(await dispatch(handlers, 'session.unlock', { passphrase: 'nope nope nope' })).toEqual({
      ok: false,
      error: { code: 'WRONG_PASSPHRASE', message: 'Wrong passphrase.', field: 'passphrase' },
    });
  });
});
