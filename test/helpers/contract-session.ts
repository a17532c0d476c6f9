import { createHandlers } from '../../src/core/api/create-handlers';
import { dispatch } from '../../src/core/api/dispatch';
import { Session } from '../../src/core/session/session';
import type { MethodInput, MethodName, MethodOutput } from '../../src/shared/contract';
import type { ApiError } from '../../src/shared/result';
import { memoryFileDestination } from './memory-file-destination';
import { createPostgresTestDatabase } from './postgres-database';
import type { StoreEngine } from './test-stores';

export const testPassphrase = 'correct horse battery staple';

export type ContractSession = {
  readonly session: Session;
  /**
   * Calls a method through the same dispatch as the app; throws with the message on failure. A
   * method that streams its file to a destination writes it to memory.
   */
  readonly call: <M extends MethodName>(method: M, input: MethodInput<M>) => Promise<MethodOutput<M>>;
  /** Calls a method that must fail, and returns its error. */
  readonly failure: (method: MethodName, input: unknown) => Promise<ApiError>;
  /** Locks (disconnects), and drops the database of a team store. */
  readonly close: () => Promise<void>;
};

/**
 * A new store spoken to through the contract: on `sqlite` (the default), an encrypted store in
 * `dataDirectory`, set up and unlocked; on `postgres`, a team database of its own on the run's
 * PostgreSQL server, connected to as the app connects (the data folder then holds only local files).
 */
export async function startContractSession(
  dataDirectory: string,
  actor = 'navigator',
  engine: StoreEngine = 'sqlite',
): Promise<ContractSession> {
  const teamDatabase = engine === 'postgres' ? await createPostgresTestDatabase() : null;
  const session = new Session({
    dataDirectory,
    actor,
    ...(teamDatabase ? { teamDatabaseUrl: teamDatabase.url } : {}),
  });
  const contractSession = speakingTo(session, async () => {
    await session.lock();
    await teamDatabase?.drop();
  });
  if (teamDatabase) await session.connectTeamDatabase();
  else await contractSession.call('session.initialize', { passphrase: testPassphrase });
  return contractSession;
}

/**
 * A session connected to a team database that already exists, as one of its people (`url` carries
 * their login): several of them on one database are several people's copies of Advocase.
 */
export async function startTeamContractSession(dataDirectory: string, url: string): Promise<ContractSession> {
  // The OS user, as the desktop app and the harness pass it: the session names the login instead.
  const session = new Session({ dataDirectory, actor: 'desktop-user', teamDatabaseUrl: url });
  await session.connectTeamDatabase();
  return speakingTo(session, async () => void (await session.lock()));
}

function speakingTo(session: Session, close: () => Promise<void>): ContractSession {
  const handlers = createHandlers(session);
  return {
    session,
    call: async (method, input) => {
      const result = await dispatch(handlers, method, input, memoryFileDestination().destination);
      if (!result.ok)
        throw new Error(`${method} failed: ${result.error.message} (${result.error.field ?? 'no field'})`);
      return result.value as never;
    },
    failure: async (method, input) => {
      const result = await dispatch(handlers, method, input);
      if (result.ok) throw new Error(`${method} should have failed`);
      return result.error;
    },
    close,
  };
}
