import { userInfo } from 'node:os';
import { createHandlers } from '../api/create-handlers';
import { dispatch } from '../api/dispatch';
import { Session } from '../session/session';
import { resolveDataDirectory } from '../storage/data-directory';
import { resolveTeamDatabaseUrl } from '../storage/team-database-url';
import type { CliIo } from './cli-io';
import { MethodCallError, type CallMethod } from './command';

export type CliSession = {
  readonly dataDirectory: string;
  readonly session: Session;
  readonly call: CallMethod;
};

/**
 * The store and every handler, as a command needs them. Its own module so that `advocase --help`
 * and a mistyped command load none of it (docs/performance.md, "Start").
 */
export function openCliSession(io: CliIo): CliSession {
  const dataDirectory = resolveDataDirectory(io.env);
  // ADVOCASE_DATABASE_URL points every command at a team's PostgreSQL database instead of the local store.
  const teamDatabaseUrl = resolveTeamDatabaseUrl(io.env);
  const session = new Session({
    dataDirectory,
    actor: `cli:${userInfo().username}`,
    ...(teamDatabaseUrl ? { teamDatabaseUrl } : {}),
  });
  const handlers = createHandlers(session);
  const call: CallMethod = async (method, input) => {
    const result = await dispatch(handlers, method, input);
    if (!result.ok) throw new MethodCallError(result.error);
    return result.value as never;
  };
  return { dataDirectory, session, call };
}
