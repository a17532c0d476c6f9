import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createHandlers } from '../../src/core/api/create-handlers';
import { dispatch } from '../../src/core/api/dispatch';
import { Session } from '../../src/core/session/session';
import {
  encryptedTeamCredentialFile,
  keychainUnavailableMessage,
  type KeychainCipher,
} from '../../src/core/team/encrypted-team-credential-file';
import {
  memoryTeamCredentialStore,
  type TeamCredentialStore,
} from '../../src/core/team/team-credential-store';
import type { MethodInput, MethodName, MethodOutput } from '../../src/shared/contract';
import type { ApiError } from '../../src/shared/result';
import {
  addClientWithCase,
  connectionInputOf,
  createTeamTestDatabase,
  type TeamPerson,
  type TeamTestDatabase,
} from '../helpers/team-database';
import { useTemporaryDataDirectory } from '../helpers/temporary-data-directory';

const passphrase = 'correct horse battery staple';
const newDataDirectory = useTemporaryDataDirectory();
let team: TeamTestDatabase;
let navigator: TeamPerson;
const sessions: Session[] = [];

beforeAll(async () => {
  team = await createTeamTestDatabase();
  navigator = await team.addPerson('jrivera', 'navigator');
  const asNavigator = await team.connect(navigator.url);
  await addClientWithCase(asNavigator, 'Rosa Díaz');
  await asNavigator.end();
});
afterEach(async () => {
  for (const session of sessions.splice(0)) await session.lock();
});
afterAll(() => team.drop());

/** A keychain as the OS offers one: AES-256-GCM under a key that never leaves this process. */
function testKeychain(isAvailable = true): KeychainCipher {
  const key = randomBytes(32);
  return {
    isEncryptionAvailable: () => isAvailable,
    encryptString: (text) => {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(text, 'utf8'), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), body]);
    },
    decryptString: (encrypted) => {
      const decipher = createDecipheriv('aes-256-gcm', key, encrypted.subarray(0, 12));
      decipher.setAuthTag(encrypted.subarray(12, 28));
      return Buffer.concat([decipher.update(encrypted.subarray(28)), decipher.final()]).toString('utf8');
    },
  };
}

function open(dataDirectory: string, teamCredentials: TeamCredentialStore = memoryTeamCredentialStore()) {
  const session = new Session({ dataDirectory, actor: 'navigator', teamCredentials });
  sessions.push(session);
  const handlers = createHandlers(session);
  return {
    session,
    call: async <M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>> => {
      const result = await dispatch(handlers, method, input);
      if (!result.ok) throw new Error(`${method} failed: ${result.error.message}`);
      return result.value as MethodOutput<M>;
    },
    failure: async (method: MethodName, input: unknown): Promise<ApiError> => {
      const result = await dispatch(handlers, method, input);
      if (result.ok) throw new Error(`${method} should have failed`);
      return result.error;
    },
  };
}

/** The logins connected to the team database now, as the server counts them. */
/**
 * The person's sessions the server still lists. A backend leaves pg_stat_activity a moment after
 * its client has hung up (the server reaps it on its own time), so a check that all are gone polls
 * for a few seconds: a connection the app really left open stays listed and still fails it.
 */
async function expectNoConnectionsOf(login: string): Promise<void> {
  await expect.poll(() => connectionsOf(login), { timeout: 5000 }).toBe(0);
}

async function connectionsOf(login: string): Promise<number> {
  const owner = await team.connect(team.ownerUrl);
  const { rows } = await owner.query<{ count: string }>(
    'SELECT count(*) AS count FROM pg_stat_activity WHERE usename = $1',
    [login],
  );
  await owner.end();
  return Number(rows[0]!.count);
}

describe('joining a team database from the app', () => {
  it('locks the local store, opens the team database as the person, and leaving returns to the untouched local store', async () => {
    const app = open(newDataDirectory());
    await app.call('session.initialize', { passphrase });
    await app.call('session.confirmRecoveryKey', {});
    await app.call('clients.create', { fullName: 'Local Only', state: 'OR' });
    expect(await app.call('team.connection', {})).toEqual({ store: 'local' });

    const input = connectionInputOf(navigator.url);
    const joined = await app.call('team.join', input);
    const expected = {
      store: 'team',
      server: `127.0.0.1:${input.port}`,
      database: input.database,
      login: navigator.login,
      fullName: navigator.fullName,
      role: 'navigator',
    };
    expect(joined).toEqual(expected);
    expect(await app.call('session.status', {})).toEqual({ state: 'unlocked' });
    expect((await app.call('clients.list', {})).map((client) => client.fullName)).toEqual(['Rosa Díaz']);
    // Saves are made and audited as the person's own login, not as this computer's user (the
    // policies refuse audit entries in anyone else's name).
    const asNavigatorDirectly = await team.connect(navigator.url);
    const [rosasCase] = (await asNavigatorDirectly.query<{ id: number }>('SELECT id::int FROM cases')).rows;
    await app.call('events.add', {
      caseId: rosasCase!.id,
      event: {
        type: 'phone_call',
        occurredAt: new Date(Date.now() - 60_000).toISOString(),
        summary: 'Called Aetna',
        details: {},
      },
    });
    const { rows: logged } = await asNavigatorDirectly.query<{ actor: string }>(
      `SELECT actor FROM audit_log WHERE table_name = 'events' ORDER BY id DESC LIMIT 1`,
    );
    expect(logged).toEqual([{ actor: navigator.login }]);
    await asNavigatorDirectly.end();
    // A team database has no passphrase.
    expect((await app.failure('session.unlock', { passphrase })).code).toBe('NOT_AVAILABLE_IN_TEAM_MODE');

    // Locked, nothing of the team stays open; the title can still say which store it is.
    await app.call('session.lock', {});
    await expectNoConnectionsOf(navigator.login);
    expect(await app.call('session.status', {})).toEqual({ state: 'locked' });
    expect(await app.call('team.connection', {})).toEqual(expected);
    // "Reconnect" uses the remembered credentials.
    expect(await app.call('team.reconnect', {})).toEqual(expected);
    expect(await app.call('session.status', {})).toEqual({ state: 'unlocked' });

    expect(await app.call('team.leave', {})).toEqual({ store: 'local' });
    await expectNoConnectionsOf(navigator.login);
    expect(await app.call('session.status', {})).toEqual({ state: 'locked' });
    await app.call('session.unlock', { passphrase });
    expect((await app.call('clients.list', {})).map((client) => client.fullName)).toEqual(['Local Only']);
  });

  it('joins from the setup screen, with no local store at all; leaving shows the setup screen again', async () => {
    const app = open(newDataDirectory());
    expect(await app.call('session.status', {})).toEqual({ state: 'uninitialized' });
    await app.call('team.join', connectionInputOf(navigator.url));
    expect(await app.call('session.status', {})).toEqual({ state: 'unlocked' });
    await app.call('team.leave', {});
    expect(await app.call('session.status', {})).toEqual({ state: 'uninitialized' });
  });

  it('a wrong password changes nothing: the local store stays open and nothing is remembered', async () => {
    const credentials = memoryTeamCredentialStore();
    const app = open(newDataDirectory(), credentials);
    await app.call('session.initialize', { passphrase });
    const failure = await app.failure('team.join', {
      ...connectionInputOf(navigator.url),
      password: 'wrong-password-typed',
    });
    expect(failure).toMatchObject({ code: 'TEAM_CONNECTION_FAILED', field: 'password' });
    expect(failure.message).toMatch(/refused the password for jrivera_/);
    expect(await credentials.read()).toBeNull();
    expect(await app.call('team.connection', {})).toEqual({ store: 'local' });
    expect(await app.call('session.status', {})).toEqual({ state: 'unlocked' });
  });

  it('refuses a connection without TLS to another computer before connecting', async () => {
    const app = open(newDataDirectory());
    const failure = await app.failure('team.testConnection', {
      ...connectionInputOf(navigator.url),
      host: 'db.example.org',
    });
    expect(failure).toEqual({
      code: 'INVALID_INPUT',
      field: 'tlsMode',
      message:
        'A connection without TLS is allowed only to this computer (127.0.0.1, localhost or ::1), not to db.example.org. Choose verify-full.',
    });
  });
});

describe('the credentials of a joined team database', () => {
  it('are kept only encrypted, and the next start opens the team database with no passphrase', async () => {
    const dataDirectory = newDataDirectory();
    const credentialPath = join(dataDirectory, 'keychain', 'team-connection.bin');
    const keychain = testKeychain();
    const first = open(dataDirectory, encryptedTeamCredentialFile(credentialPath, keychain));
    await first.call('team.join', connectionInputOf(navigator.url));
    const onDisk = readFileSync(credentialPath);
    const password = connectionInputOf(navigator.url).password;
    expect(onDisk.includes(Buffer.from(password))).toBe(false);
    expect(onDisk.includes(Buffer.from(navigator.login))).toBe(false);
    await first.session.lock();

    const next = open(dataDirectory, encryptedTeamCredentialFile(credentialPath, keychain));
    await next.session.restoreJoinedTeam();
    expect(await next.call('session.status', {})).toEqual({ state: 'locked' });
    expect(await next.call('team.connection', {})).toMatchObject({ store: 'team', login: navigator.login });
    // The next call reconnects by itself.
    expect((await next.call('clients.list', {})).map((client) => client.fullName)).toEqual(['Rosa Díaz']);
    await next.call('team.leave', {});
    expect(readdirSync(join(dataDirectory, 'keychain'))).toEqual([]);
  });

  it('are not saved at all, and nothing is switched, when the keychain cannot encrypt', async () => {
    const dataDirectory = newDataDirectory();
    const credentialPath = join(dataDirectory, 'keychain', 'team-connection.bin');
    const app = open(dataDirectory, encryptedTeamCredentialFile(credentialPath, testKeychain(false)));
    expect(await app.failure('team.join', connectionInputOf(navigator.url))).toEqual({
      code: 'KEYCHAIN_UNAVAILABLE',
      message: keychainUnavailableMessage,
    });
    expect(readdirSync(dataDirectory)).toEqual([]);
    expect(await app.call('team.connection', {})).toEqual({ store: 'local' });
    await expectNoConnectionsOf(navigator.login);
  });
});
